import { useId, useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import type { ApprovalMode, Discussion, UpdateDiscussionBody } from '../../api/contract';
import { useUpdateDiscussion } from '../../api/discussion-admin';
import { ApiError } from '../../api/http';
import { useAnnounce } from '../../components/announcer';
import { errorMessage } from '../../components/error-state';
import { formatDateTime } from '../../lib/dates';
import { APPROVAL_LABEL, ApprovalChoices } from './discussion-form';
import { Field } from '../../components/field';
import { DiscussionExportLinks } from './discussion-export';
import { paths } from '../../lib/paths';

/** A datetime-local value ("2026-03-01T14:30") read as UTC, as every time Agora shows is. */
const toInstant = (local: string) => new Date(`${local}Z`).toISOString();

/**
 * A moderator's controls on a discussion's page: close it with a reason or
 * reopen it, schedule its closing, choose how entries are approved.
 */
export function DiscussionTools({ discussion: d }: { discussion: Discussion }) {
  const id = useId();
  const update = useUpdateDiscussion(d.slug);
  const announce = useAnnounce();
  const [closedReason, setClosedReason] = useState('');
  const [closesAt, setClosesAt] = useState('');
  const [approvalMode, setApprovalMode] = useState<ApprovalMode>(d.approvalMode);
  const [done, setDone] = useState('');
  const fields = update.error instanceof ApiError ? update.error.fields : {};

  const save = (body: UpdateDiscussionBody, message: string) => {
    setDone('');
    update.mutate(body, {
      onSuccess: () => {
        setDone(message);
        announce(message);
      },
    });
  };
  const onSubmit = (run: () => void) => (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    run();
  };

  return (
    <section className="panel moderator-tools" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Moderator tools</h2>
      <ul className="tool-links">
        <li>
          <Link to={paths.editDiscussion(d.slug)}>Edit discussion</Link>
        </li>
        <li>
          <Link to={paths.moderation(d.slug)}>Queue for this discussion</Link>
        </li>
        <li>
          <Link to={paths.digest(d.slug)}>
            Digest of extracts{d.digestPublished ? '' : ' (not published)'}
          </Link>
        </li>
      </ul>

      {d.status === 'open' ? (
        <form
          aria-label="Close the discussion"
          onSubmit={onSubmit(() =>
            save({ status: 'closed', closedReason }, 'The discussion is closed.'),
          )}
        >
          <Field
            id={`${id}-reason`}
            label="Reason for closing"
            hint="Shown on the discussion’s page. Published entries stay readable."
          >
            {(control) => (
              <input
                {...control}
                value={closedReason}
                maxLength={500}
                onChange={(e) => setClosedReason(e.target.value)}
              />
            )}
          </Field>
          <button
            type="submit"
            className="button button-danger button-small"
            disabled={update.isPending}
          >
            Close discussion
          </button>
        </form>
      ) : (
        <div className="tool">
          <p>
            Closed{d.closedAt ? ` since ${formatDateTime(d.closedAt)}` : ''}
            {d.closedReason ? `: ${d.closedReason}` : '.'}
          </p>
          <button
            type="button"
            className="button button-small"
            disabled={update.isPending}
            onClick={() => save({ status: 'open' }, 'The discussion is open again.')}
          >
            Reopen discussion
          </button>
        </div>
      )}

      {d.status === 'open' && (
        <form
          aria-label="Schedule closing"
          onSubmit={onSubmit(() => {
            if (!closesAt) return;
            save({ closesAt: toInstant(closesAt) }, 'The closing is scheduled.');
          })}
        >
          {d.closesAt && (
            <p>
              Closes by itself on {formatDateTime(d.closesAt)}.{' '}
              <button
                type="button"
                className="button button-quiet button-small"
                disabled={update.isPending}
                onClick={() => save({ closesAt: null }, 'The scheduled closing is cancelled.')}
              >
                Cancel scheduled closing
              </button>
            </p>
          )}
          <Field id={`${id}-closes`} label="Close automatically at (UTC)" error={fields.closesAt}>
            {(control) => (
              <input
                {...control}
                type="datetime-local"
                value={closesAt}
                onChange={(e) => setClosesAt(e.target.value)}
              />
            )}
          </Field>
          <button
            type="submit"
            className="button button-quiet button-small"
            disabled={update.isPending}
          >
            Schedule closing
          </button>
        </form>
      )}

      <form
        aria-label="Approval mode"
        onSubmit={onSubmit(() =>
          save(
            { approvalMode },
            `Approval mode saved: ${APPROVAL_LABEL[approvalMode].toLowerCase()}.`,
          ),
        )}
      >
        <ApprovalChoices
          legend="Which entries wait for a moderator"
          value={approvalMode}
          onChange={setApprovalMode}
        />
        <button
          type="submit"
          className="button button-quiet button-small"
          disabled={update.isPending}
        >
          Save approval mode
        </button>
      </form>

      {update.isError && (
        <p className="notice notice-error" role="alert">
          Not saved. {errorMessage(update.error)}
        </p>
      )}
      {done && !update.isError && <p className="notice notice-success">{done}</p>}

      <DiscussionExportLinks slug={d.slug} />
    </section>
  );
}
