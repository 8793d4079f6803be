import { useState } from 'react';
import type { ModerationAction } from '../../api/contract';
import type { ModeratedEntry } from '../../api/moderation';
import { useBatchDecision } from '../../api/moderation-decisions';
import { useAnnounce } from '../../components/announcer';
import { errorMessage } from '../../components/error-state';
import { plural } from '../../lib/plural';
import { describeEntry } from './entry-controls';
import { ReasonForm } from './reason-form';

interface BatchActionsProps {
  chosen: ModeratedEntry[];
  /** How many entries can be selected now. */
  selectable: number;
  onSelectAll: (on: boolean) => void;
  onDone: () => void;
}

/** Approve or reject several new entries at once; each decision stands or falls on its own. */
export function BatchActions({ chosen, selectable, onSelectAll, onDone }: BatchActionsProps) {
  const announce = useAnnounce();
  const batch = useBatchDecision(({ results }, all) => {
    const verb = all[0]?.action === 'approve' ? 'Approved' : 'Rejected';
    const done = results.filter((r) => r.ok).length;
    announce(`${verb} ${plural(done, 'entry', 'entries')}.`);
  });
  const [rejecting, setRejecting] = useState(false);
  const [hint, setHint] = useState('');
  const [refused, setRefused] = useState<string[]>([]);

  const run = (action: ModerationAction, reason?: string) => {
    if (chosen.length === 0) {
      setHint('Select at least one entry first.');
      return;
    }
    setHint('');
    setRejecting(false);
    setRefused([]);
    batch.mutate(
      chosen.map((m) => ({ ...m, action, reason })),
      {
        onSuccess: ({ results }) => {
          setRefused(
            results.filter((r) => !r.ok).map((r) => `${describeEntry(r.vars)}: ${r.message}`),
          );
          onDone();
        },
      },
    );
  };

  return (
    <div className="batch-actions" role="group" aria-label="Several new entries at once">
      <div className="actions">
        <label className="choice">
          <input
            type="checkbox"
            checked={selectable > 0 && chosen.length === selectable}
            disabled={selectable === 0}
            onChange={(e) => onSelectAll(e.target.checked)}
          />
          Select all new entries
        </label>
        <button
          type="button"
          className="button button-small"
          disabled={batch.isPending}
          onClick={() => run('approve')}
        >
          Approve selected
        </button>
        <button
          type="button"
          className="button button-small button-quiet"
          aria-expanded={rejecting}
          disabled={batch.isPending}
          onClick={() => {
            if (chosen.length === 0) setHint('Select at least one entry first.');
            else setRejecting(!rejecting);
          }}
        >
          Reject selected
        </button>
        <span className="hint">{plural(chosen.length, 'entry', 'entries')} selected</span>
      </div>
      {hint && <p className="field-error">{hint}</p>}
      {rejecting && (
        <ReasonForm
          legend={`Why reject the ${plural(chosen.length, 'selected entry', 'selected entries')}?`}
          submitLabel={`Reject ${plural(chosen.length, 'entry', 'entries')}`}
          pending={batch.isPending}
          onSubmit={(reason) => run('reject', reason)}
          onCancel={() => setRejecting(false)}
        />
      )}
      {batch.isError && (
        <div className="notice notice-error" role="alert">
          <p>
            None of these decisions was saved, and the entries are back as they were.{' '}
            {errorMessage(batch.error)}
          </p>
        </div>
      )}
      {refused.length > 0 && (
        <div className="notice notice-error" role="alert">
          <p>{plural(refused.length, 'decision was', 'decisions were')} refused:</p>
          <ul>
            {refused.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
