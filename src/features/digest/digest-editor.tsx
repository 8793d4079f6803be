import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type SubmitEvent } from 'react';
import type { Digest, UpdateDigestBody } from '../../api/contract';
import { useUpdateDigest } from '../../api/digest';
import { resourceQueries } from '../../api/resources';
import { useAnnounce } from '../../components/announcer';
import { errorMessage } from '../../components/error-state';
import { Field } from '../../components/field';

const excerpt = (text: string, max = 90) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/**
 * What moderators decide about a digest: its order, an editorial introduction,
 * the resources it lists, and whether readers can see it.
 */
export function DigestEditor({ slug, digest }: { slug: string; digest: Digest }) {
  const id = useId();
  const update = useUpdateDigest(slug);
  const announce = useAnnounce();
  const resources = useQuery(resourceQueries.list(slug, { sort: 'title' }));
  const [editorial, setEditorial] = useState(digest.editorial);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(
    () => new Set(digest.resources.map((r) => r.id)),
  );
  const [moved, setMoved] = useState<{ id: string; dir: 'up' | 'down' } | null>(null);

  // A moved extract's button moves with it; keep the focus on it, or on its twin at either end.
  useEffect(() => {
    if (!moved) return;
    const button = (dir: string) =>
      document.getElementById(`${id}-${dir}-${moved.id}`) as HTMLButtonElement | null;
    const own = button(moved.dir);
    (own && !own.disabled ? own : button(moved.dir === 'up' ? 'down' : 'up'))?.focus();
  }, [moved, id, digest.extracts]);

  const save = (body: UpdateDigestBody, message: string) =>
    update.mutate(body, { onSuccess: () => announce(message) });

  const move = (index: number, dir: 'up' | 'down') => {
    const order = digest.extracts.map((c) => c.id);
    const to = dir === 'up' ? index - 1 : index + 1;
    const [item] = order.splice(index, 1);
    if (!item || to < 0 || to > order.length) return;
    order.splice(to, 0, item);
    setMoved({ id: item, dir });
    const author = digest.extracts[index]?.author.name ?? '';
    save({ order }, `Moved the extract by ${author} to position ${to + 1} of ${order.length}.`);
  };

  const onSubmit = (run: () => void) => (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    run();
  };

  const published = (resources.data?.resources ?? []).filter((r) => r.status === 'published');
  // Resources already listed keep their place; newly chosen ones follow.
  const selection = () => {
    const listed = digest.resources.map((r) => r.id);
    const added = published.map((r) => r.id).filter((rid) => !listed.includes(rid));
    return [...listed, ...added].filter((rid) => chosen.has(rid));
  };

  return (
    <section className="panel digest-editor no-print" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Edit the digest</h2>
      {update.isError && (
        <p className="notice notice-error" role="alert">
          Not saved, and the digest is back as it was. {errorMessage(update.error)}
        </p>
      )}

      <div className="tool">
        <p>
          {digest.published
            ? 'Published: everyone can read this digest.'
            : 'Not published: only moderators can see this digest.'}
        </p>
        <button
          type="button"
          className="button button-small"
          disabled={update.isPending}
          onClick={() =>
            digest.published
              ? save({ published: false }, 'The digest is unpublished.')
              : save({ published: true }, 'The digest is published.')
          }
        >
          {digest.published ? 'Unpublish digest' : 'Publish digest'}
        </button>
      </div>

      <form
        aria-label="Editorial introduction"
        onSubmit={onSubmit(() => save({ editorial }, 'Saved the editorial introduction.'))}
      >
        <Field
          id={`${id}-editorial`}
          label="Editorial introduction"
          hint="A few words shown after the discussion’s introduction. Leave empty for none."
        >
          {(control) => (
            <textarea
              {...control}
              value={editorial}
              maxLength={2000}
              onChange={(e) => setEditorial(e.target.value)}
            />
          )}
        </Field>
        <button
          type="submit"
          className="button button-quiet button-small"
          disabled={update.isPending}
        >
          Save introduction
        </button>
      </form>

      <h3>Order of the extracts</h3>
      {digest.extracts.length === 0 ? (
        <p className="hint">Feature comments from the discussion’s page to add them here.</p>
      ) : (
        <ol className="extract-order">
          {digest.extracts.map((c, i) => (
            <li key={c.id}>
              <span>
                <strong>
                  <bdi className="person-name">{c.author.name}</bdi>
                </strong>
                : “{excerpt(c.body)}”
              </span>
              <span className="actions">
                <button
                  id={`${id}-up-${c.id}`}
                  type="button"
                  className="button button-quiet button-small"
                  aria-label={`Move up the extract by ${c.author.name}`}
                  disabled={i === 0}
                  onClick={() => move(i, 'up')}
                >
                  Move up
                </button>
                <button
                  id={`${id}-down-${c.id}`}
                  type="button"
                  className="button button-quiet button-small"
                  aria-label={`Move down the extract by ${c.author.name}`}
                  disabled={i === digest.extracts.length - 1}
                  onClick={() => move(i, 'down')}
                >
                  Move down
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}

      <form
        aria-label="Resources in the digest"
        onSubmit={onSubmit(() =>
          save({ resourceIds: selection() }, 'Saved the selection of resources.'),
        )}
      >
        <fieldset>
          <legend>Resources in the digest</legend>
          {published.length === 0 && <p className="hint">No published resources yet.</p>}
          {published.map((r) => (
            <label key={r.id} className="choice">
              <input
                type="checkbox"
                checked={chosen.has(r.id)}
                onChange={(e) =>
                  setChosen((s) => {
                    const next = new Set(s);
                    if (e.target.checked) next.add(r.id);
                    else next.delete(r.id);
                    return next;
                  })
                }
              />
              {r.title}
            </label>
          ))}
        </fieldset>
        <button
          type="submit"
          className="button button-quiet button-small"
          disabled={update.isPending}
        >
          Save resource selection
        </button>
      </form>
    </section>
  );
}
