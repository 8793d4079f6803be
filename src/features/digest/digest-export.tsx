import type { Digest, Discussion } from '../../api/contract';
import { useAnnounce } from '../../components/announcer';
import { saveFile } from '../../lib/save-file';
import { digestMarkdown } from './digest-markdown';

/** Saves a file made in the page, without a round trip to the backend. */
const download = (filename: string, text: string, type: string) =>
  saveFile(filename, new Blob([text], { type }));

/** Take the digest away: as a Markdown file, or on paper through the print stylesheet. */
export function DigestExport({ discussion, digest }: { discussion: Discussion; digest: Digest }) {
  const announce = useAnnounce();
  const filename = `${discussion.slug}-digest.md`;
  return (
    <div className="actions digest-export no-print">
      <button
        type="button"
        className="button button-quiet"
        onClick={() => {
          download(filename, digestMarkdown(discussion, digest), 'text/markdown;charset=utf-8');
          announce(`Downloaded ${filename}.`);
        }}
      >
        Download as Markdown
      </button>
      <button type="button" className="button button-quiet" onClick={() => window.print()}>
        Print
      </button>
    </div>
  );
}
