import { Link } from 'react-router';
import type { Comment, Digest, Discussion } from '../../api/contract';
import { AuthorName } from '../../components/author-name';
import { UserHtml } from '../../components/user-html';
import { formatDay, formatPeriod } from '../../lib/dates';
import { paragraphs, partnerNames, partnersLine } from './digest-markdown';
import { paths } from '../../lib/paths';

/** Puts the backend's safe HTML of a comment between curly quotes, inside its first and last paragraph. */
function quoted(html: string): string {
  const t = html.trim();
  if (t.startsWith('<p>') && t.endsWith('</p>')) return `<p>“${t.slice(3, -4)}”</p>`;
  return `<p>“</p>${t}<p>”</p>`;
}

function Extract({ comment: c }: { comment: Comment }) {
  return (
    <figure className="extract">
      <UserHtml as="blockquote" className="extract-quote prose" html={quoted(c.html)} />
      <figcaption className="extract-author">
        <AuthorName author={c.author} />
        {c.author.organisation && (
          <span className="organisation">
            , <bdi className="person-name">{c.author.organisation}</bdi>
          </span>
        )}
      </figcaption>
    </figure>
  );
}

/** The digest laid out like the original "Extracts from the … online discussion". */
export function DigestDocument({
  discussion: d,
  digest,
}: {
  discussion: Discussion;
  digest: Digest;
}) {
  return (
    <article className="digest" aria-labelledby="digest-title">
      <header className="digest-intro">
        <p id="digest-title" className="digest-title">
          “{d.title}”
        </p>
        <p className="digest-period">{formatPeriod(d.startsOn, d.endsOn)}</p>
        {partnersLine(d) && (
          <p className="digest-partners">In partnership with {partnerNames(d.partners)}.</p>
        )}
        {paragraphs(d.introduction).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
        {digest.editorial && (
          <div className="digest-editorial" aria-label="Editorial introduction" role="note">
            {paragraphs(digest.editorial).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
        )}
      </header>

      <section aria-labelledby="extracts-heading">
        <h2 id="extracts-heading" className="visually-hidden">
          Extracts
        </h2>
        {digest.extracts.length === 0 ? (
          <p className="empty">No comment is featured yet.</p>
        ) : (
          <ol className="extract-list">
            {digest.extracts.map((c) => (
              <li key={c.id}>
                <Extract comment={c} />
              </li>
            ))}
          </ol>
        )}
      </section>

      {digest.campaigns.length > 0 && (
        <section aria-labelledby="digest-campaigns">
          <h2 id="digest-campaigns">Some of the #campaigns mentioned</h2>
          <ul className="inline-list digest-campaigns">
            {digest.campaigns.map((c) => (
              <li key={c.tag}>
                <Link to={paths.campaign(d.slug, c.tag)} className="hashtag">
                  #{c.label}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      {digest.resources.length > 0 && (
        <section aria-labelledby="digest-resources">
          <h2 id="digest-resources">A selection of resources shared by participants</h2>
          <ul className="digest-resources">
            {digest.resources.map((r) => (
              <li key={r.id}>
                {r.url ? (
                  <a href={r.url} rel="nofollow ugc noopener" target="_blank">
                    {r.title}
                  </a>
                ) : (
                  <strong>{r.title}</strong>
                )}
                {r.description && `: ${r.description}`}
              </li>
            ))}
          </ul>
        </section>
      )}

      {d.event && (
        <section aria-labelledby="digest-event">
          <h2 id="digest-event">Related event</h2>
          <p className="event-title">“{d.event.title}”</p>
          <p className="meta">
            <span>{formatDay(d.event.date)}</span>
            {d.event.place && <span>{d.event.place}</span>}
          </p>
          {d.event.description && <p>{d.event.description}</p>}
        </section>
      )}
    </article>
  );
}
