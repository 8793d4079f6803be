import { useId, useState, type MouseEvent } from 'react';
import { apiUrl } from '../../api/http';
import { useAnnounce } from '../../components/announcer';
import { saveFile } from '../../lib/save-file';

const FILES = [
  { path: 'export/comments.csv', label: 'Comments (CSV)' },
  { path: 'export/resources.csv', label: 'Resources (CSV)' },
  { path: 'export/campaigns.csv', label: 'Campaigns (CSV)' },
  { path: 'export.json', label: 'Everything (JSON)' },
] as const;

/** The name the server gives the download, else the path's last part. */
function fileNameOf(response: Response, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '');
  return match?.[1] ?? fallback;
}

async function failure(response: Response): Promise<string> {
  const body: unknown = await response.json().catch(() => undefined);
  const message =
    typeof body === 'object' && body !== null && 'error' in body
      ? (body as { error: { message?: unknown } }).error.message
      : undefined;
  return typeof message === 'string' ? message : `The server answered ${response.status}.`;
}

/**
 * A moderator's downloads of the discussion, for its organisers. The files are
 * fetched by the page (so the in-page demo backend answers them too) and saved.
 */
export function DiscussionExportLinks({ slug }: { slug: string }) {
  const id = useId();
  const announce = useAnnounce();
  const [error, setError] = useState('');

  const save = async (event: MouseEvent<HTMLAnchorElement>, fallback: string) => {
    event.preventDefault();
    setError('');
    const { href } = event.currentTarget;
    try {
      const response = await fetch(href, { credentials: 'same-origin' });
      if (!response.ok) {
        setError(`Not downloaded. ${await failure(response)}`);
        return;
      }
      const name = fileNameOf(response, fallback);
      saveFile(name, await response.blob());
      announce(`Downloaded ${name}.`);
    } catch {
      setError('Not downloaded. Could not reach the server. Check your connection and try again.');
    }
  };

  return (
    <section className="tool" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Download the discussion</h3>
      <p className="hint">
        Every entry with its status, waiting and rejected ones too: for the organisers, not for
        publishing.
      </p>
      <ul className="tool-links">
        {FILES.map((f) => (
          <li key={f.path}>
            <a
              href={apiUrl(`/discussions/${encodeURIComponent(slug)}/${f.path}`).href}
              download
              onClick={(event) => void save(event, `${slug}-${f.path.split('/').pop() ?? ''}`)}
            >
              {f.label}
            </a>
          </li>
        ))}
      </ul>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
