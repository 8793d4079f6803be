import { useNewComments } from '../../api/live';
import { plural } from '../../lib/plural';
import { commentDomId } from './comment-item';
import { THREAD_COUNT_ID } from './comment-thread';

/**
 * "3 new comments — show them": comments published while the thread was open wait
 * here rather than move the page under the reader's eyes. The notice floats over
 * the page, so that its coming takes no room, and is read out politely.
 */
export function NewCommentsNotice({ slug }: { slug: string }) {
  const { count, show } = useNewComments(slug);
  const reveal = async () => {
    const ids = await show();
    // The first of them, or the thread's count when none is on the loaded pages.
    const first = ids.map((id) => document.getElementById(commentDomId(id))).find(Boolean);
    const target = first ?? document.getElementById(THREAD_COUNT_ID);
    target?.scrollIntoView({ block: 'center' });
    target?.focus({ preventScroll: true });
  };
  return (
    <div className="live-notice" role="status">
      {count > 0 && (
        <button type="button" className="button" onClick={() => void reveal()}>
          {plural(count, 'new comment')} — show them
        </button>
      )}
    </div>
  );
}
