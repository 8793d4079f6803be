import type { Discussion } from '../../api/contract';
import { formatDateTime, formatDay, formatMoment, formatPeriod } from '../../lib/dates';
import { useNotOpenYet } from '../../components/use-not-open-yet';
import { StatusBadge } from './status-badge';

export function DiscussionHeader({ discussion: d }: { discussion: Discussion }) {
  const notOpenYet = useNotOpenYet(d.opensAt);
  return (
    <header className="discussion-header">
      <p className="eyebrow">Online discussion organised by {d.organiser}</p>
      <h1>{d.title}</h1>
      <p className="meta">
        <StatusBadge status={d.status} opensAt={d.opensAt} />
        <span>{formatPeriod(d.startsOn, d.endsOn)}</span>
      </p>
      {d.status === 'closed' && (
        <p className="notice">
          This discussion is closed{d.closedAt ? ` since ${formatDateTime(d.closedAt)}` : ''}
          {d.closedReason ? `: ${d.closedReason.replace(/([^.!?])$/, '$1.')}` : '.'} Everything
          published stays readable.
        </p>
      )}
      {d.status === 'open' && notOpenYet && (
        <p className="notice">It opens for comments and resources on {formatMoment(d.opensAt)}.</p>
      )}
      {d.status === 'open' && d.closesAt && (
        <p className="notice">It closes for new contributions on {formatDateTime(d.closesAt)}.</p>
      )}
      {d.note && <p className="notice discussion-note">{d.note}</p>}
      {d.partners.length > 0 && (
        <div className="partners">
          <h2 className="label">Partners</h2>
          <ul className="inline-list">
            {d.partners.map((p) => (
              <li key={p.name}>
                {p.url ? (
                  <a href={p.url} rel="noopener" target="_blank">
                    {p.name}
                  </a>
                ) : (
                  p.name
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="introduction">
        {d.introduction.split(/\n{2,}/).map((para, i) => (
          <p key={i}>{para}</p>
        ))}
      </div>
      {d.event && (
        <section className="event" aria-labelledby="event-heading">
          <h2 id="event-heading" className="label">
            Related event
          </h2>
          <p className="event-title">“{d.event.title}”</p>
          <p className="meta">
            <span>{formatDay(d.event.date)}</span>
            {d.event.place && <span>{d.event.place}</span>}
          </p>
          {d.event.description && <p>{d.event.description}</p>}
        </section>
      )}
      {d.originalUrl && (
        <p className="original-link">
          <a href={d.originalUrl} rel="noopener" target="_blank">
            Read the full original thread of comments and resources
          </a>{' '}
          <span className="hint">(opens in a new tab)</span>
        </p>
      )}
    </header>
  );
}
