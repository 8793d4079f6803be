import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Person, ResetLinkResponse } from '../../api/contract';
import {
  type PeopleChange,
  peopleQueries,
  useChangePerson,
  useIssueResetLink,
} from '../../api/people';
import { useSession } from '../../api/session';
import { useAnnounce } from '../../components/announcer';
import { errorMessage, ErrorState } from '../../components/error-state';
import { LoadingRegion, Skeleton } from '../../components/skeleton';
import { formatDateTime } from '../../lib/dates';

function outcomes(p: Person): string {
  const e = p.entries;
  const parts = [
    `${e.published} published`,
    `${e.pending} pending`,
    `${e.rejected} rejected`,
    `${e.hidden} hidden`,
  ];
  return parts.join(', ');
}

function ResetLink({ link, name }: { link: ResetLinkResponse; name: string }) {
  const url = new URL(link.path, window.location.origin).href;
  const [copied, setCopied] = useState(false);
  return (
    <div className="notice reset-link" role="status">
      <p>
        A one-time link for <bdi>{name}</bdi>, valid until {formatDateTime(link.expiresAt)}:{' '}
        <code>{url}</code>
      </p>
      <button
        type="button"
        className="button button-small"
        onClick={() => void navigator.clipboard.writeText(url).then(() => setCopied(true))}
      >
        {copied ? 'Copied' : 'Copy the link'}
      </button>
    </div>
  );
}

type Confirming = 'suspend' | 'withdraw' | null;

const CONFIRM: Record<
  Exclude<Confirming, null>,
  { question: string; detail: string; yes: string }
> = {
  suspend: {
    question: 'Suspend',
    detail: 'Their sessions end, and they cannot write until a moderator restores the account.',
    yes: 'Suspend the account',
  },
  withdraw: {
    question: 'Withdraw the moderator role from',
    detail: 'They keep their account and entries, as a participant.',
    yes: 'Withdraw the role',
  },
};

function PersonActions({ person, isSelf }: { person: Person; isSelf: boolean }) {
  const change = useChangePerson();
  const reset = useIssueResetLink();
  const announce = useAnnounce();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) keep.current?.focus();
  }, [confirming]);
  const name = person.displayName;
  const run = (vars: PeopleChange, done: string) =>
    change.mutate(vars, {
      onSuccess: () => {
        setConfirming(null);
        announce(done);
      },
    });
  const c = confirming ? CONFIRM[confirming] : null;

  return (
    <div className="actions">
      {c ? (
        <div className="confirm" role="group" aria-label={`${c.question} ${name}?`}>
          <span>
            {c.question} <bdi>{name}</bdi>? {c.detail}
          </span>
          <button
            type="button"
            className="button button-danger button-small"
            disabled={change.isPending}
            onClick={() =>
              confirming === 'suspend'
                ? run({ person, change: 'suspend' }, `${name} is suspended.`)
                : run(
                    { person, change: 'role', role: 'participant' },
                    `${name} is no longer a moderator.`,
                  )
            }
          >
            {c.yes}
          </button>
          <button
            ref={keep}
            type="button"
            className="button button-quiet button-small"
            onClick={() => setConfirming(null)}
          >
            Cancel
          </button>
        </div>
      ) : (
        <>
          {!isSelf &&
            (person.role === 'moderator' ? (
              <button
                type="button"
                className="button button-quiet button-small"
                onClick={() => setConfirming('withdraw')}
              >
                <span>
                  Withdraw moderator role from <bdi>{name}</bdi>
                </span>
              </button>
            ) : (
              <button
                type="button"
                className="button button-quiet button-small"
                disabled={change.isPending}
                onClick={() =>
                  run({ person, change: 'role', role: 'moderator' }, `${name} is now a moderator.`)
                }
              >
                <span>
                  Make <bdi>{name}</bdi> a moderator
                </span>
              </button>
            ))}
          {!isSelf &&
            (person.suspendedAt ? (
              <button
                type="button"
                className="button button-quiet button-small"
                disabled={change.isPending}
                onClick={() => run({ person, change: 'restore' }, `${name} is restored.`)}
              >
                <span>
                  Restore <bdi>{name}</bdi>
                </span>
              </button>
            ) : (
              <button
                type="button"
                className="button button-danger button-small"
                onClick={() => setConfirming('suspend')}
              >
                <span>
                  Suspend <bdi>{name}</bdi>
                </span>
              </button>
            ))}
          <button
            type="button"
            className="button button-quiet button-small"
            disabled={reset.isPending}
            onClick={() => reset.mutate(person)}
          >
            <span>
              Reset link for <bdi>{name}</bdi>
            </span>
          </button>
        </>
      )}
      {reset.data && <ResetLink link={reset.data} name={name} />}
      {change.isError && (
        <p className="notice notice-error" role="alert">
          {errorMessage(change.error)}
        </p>
      )}
      {reset.isError && (
        <p className="notice notice-error" role="alert">
          {errorMessage(reset.error)}
        </p>
      )}
    </div>
  );
}

const COLUMNS = ['Name', 'Organisation', 'Joined', 'Entries', 'Status', 'Actions'] as const;

/** Every account with what became of its entries, and what a moderator may change. */
export function PeopleTable() {
  const people = useQuery(peopleQueries.list());
  const { data: session } = useSession();
  if (people.isPending) {
    return (
      <LoadingRegion label="Loading the people…">
        <Skeleton lines={6} height={10} />
      </LoadingRegion>
    );
  }
  if (people.isError) {
    return (
      <ErrorState
        error={people.error}
        title="The people could not be loaded"
        onRetry={() => void people.refetch()}
      />
    );
  }
  return (
    <div className="table-scroll">
      {/* On small screens each row stacks as a card (CSS); the roles keep it a table to assistive
          technology, which drops a table's semantics when its display changes. */}
      {/* eslint-disable jsx-a11y/no-redundant-roles, jsx-a11y/no-interactive-element-to-noninteractive-role */}
      <table className="log-table people-table" role="table">
        <caption className="visually-hidden">Accounts, newest first</caption>
        <thead role="rowgroup">
          <tr role="row">
            {COLUMNS.map((c) => (
              <th key={c} scope="col" role="columnheader">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {people.data.people.map((p) => (
            <tr key={p.id} role="row">
              <th scope="row" role="rowheader">
                <bdi className="person-name">{p.displayName}</bdi>
              </th>
              <td role="cell" data-label="Organisation">
                {p.organisation ? <bdi className="person-name">{p.organisation}</bdi> : '—'}
              </td>
              <td role="cell" data-label="Joined">
                {formatDateTime(p.joinedAt)}
              </td>
              <td role="cell" data-label="Entries">
                {outcomes(p)}
              </td>
              <td role="cell" data-label="Status">
                {p.role === 'moderator' ? 'Moderator' : 'Participant'}
                {p.suspendedAt ? ', suspended' : ''}
              </td>
              <td role="cell" data-label="Actions">
                <PersonActions person={p} isSelf={p.id === session?.user?.id} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {/* eslint-enable jsx-a11y/no-redundant-roles, jsx-a11y/no-interactive-element-to-noninteractive-role */}
    </div>
  );
}
