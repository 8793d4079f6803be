import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Person, ResetLinkResponse } from '../../api/contract';
import { peopleQueries, useChangePerson, useIssueResetLink } from '../../api/people';
import { useSession } from '../../api/session';
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
    <div className="notice" role="status">
      <p>
        A one-time link for {name}, valid until {formatDateTime(link.expiresAt)}: <code>{url}</code>
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

function PersonActions({ person, isSelf }: { person: Person; isSelf: boolean }) {
  const change = useChangePerson();
  const reset = useIssueResetLink();
  const name = person.displayName;
  const confirmSuspend = () =>
    window.confirm(`Suspend ${name}? Their sessions end and they can no longer write.`);
  return (
    <div className="actions">
      {!isSelf &&
        (person.role === 'moderator' ? (
          <button
            type="button"
            className="button button-quiet button-small"
            disabled={change.isPending}
            onClick={() => {
              if (window.confirm(`Withdraw the moderator role from ${name}?`)) {
                change.mutate({ person, change: 'role', role: 'participant' });
              }
            }}
          >
            Withdraw moderator role from {name}
          </button>
        ) : (
          <button
            type="button"
            className="button button-quiet button-small"
            disabled={change.isPending}
            onClick={() => change.mutate({ person, change: 'role', role: 'moderator' })}
          >
            Make {name} a moderator
          </button>
        ))}
      {!isSelf &&
        (person.suspendedAt ? (
          <button
            type="button"
            className="button button-quiet button-small"
            disabled={change.isPending}
            onClick={() => change.mutate({ person, change: 'restore' })}
          >
            Restore {name}
          </button>
        ) : (
          <button
            type="button"
            className="button button-danger button-small"
            disabled={change.isPending}
            onClick={() => {
              if (confirmSuspend()) change.mutate({ person, change: 'suspend' });
            }}
          >
            Suspend {name}
          </button>
        ))}
      <button
        type="button"
        className="button button-quiet button-small"
        disabled={reset.isPending}
        onClick={() => reset.mutate(person)}
      >
        Reset link for {name}
      </button>
      {reset.data && <ResetLink link={reset.data} name={name} />}
      {(change.isError || reset.isError) && (
        <p className="notice notice-error" role="alert">
          {errorMessage(change.error ?? reset.error)}
        </p>
      )}
    </div>
  );
}

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
      <table className="log-table">
        <caption className="visually-hidden">Accounts, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Organisation</th>
            <th scope="col">Joined</th>
            <th scope="col">Entries</th>
            <th scope="col">Status</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {people.data.people.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.displayName}</th>
              <td>{p.organisation ?? '—'}</td>
              <td>{formatDateTime(p.joinedAt)}</td>
              <td>{outcomes(p)}</td>
              <td>
                {p.role === 'moderator' ? 'Moderator' : 'Participant'}
                {p.suspendedAt ? ', suspended' : ''}
              </td>
              <td>
                <PersonActions person={p} isSelf={p.id === session?.user?.id} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
