import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Discussion } from '../../api/contract';
import { digestQueries } from '../../api/digest';
import { ApiError } from '../../api/http';
import { useSession } from '../../api/session';
import { ErrorState } from '../../components/error-state';
import { LoadingRegion, Skeleton } from '../../components/skeleton';
import { DigestDocument } from './digest-document';
import { DigestEditor } from './digest-editor';
import { DigestExport } from './digest-export';
import { paths } from '../../lib/paths';

/** The digest page's content: the document, its export, and for moderators the editor. */
export function DigestView({ discussion }: { discussion: Discussion }) {
  const { data, isPending, isError, error, refetch } = useQuery(
    digestQueries.detail(discussion.slug),
  );
  const canEdit = useSession().data?.user?.role === 'moderator';
  if (isPending) {
    return (
      <LoadingRegion label="Loading the digest…">
        <Skeleton lines={8} height={20} />
      </LoadingRegion>
    );
  }
  if (isError) {
    if (error instanceof ApiError && error.status === 404) {
      return (
        <div className="page-message">
          <p>The digest of extracts of this discussion is not published yet.</p>
          <p>
            <Link to={paths.discussion(discussion.slug)}>Read the discussion</Link>
          </p>
        </div>
      );
    }
    return (
      <ErrorState
        error={error}
        title="The digest could not be loaded"
        onRetry={() => void refetch()}
      />
    );
  }
  return (
    <div className="digest-layout">
      {!data.published && (
        <p className="notice no-print">This digest is not published: only moderators can see it.</p>
      )}
      <DigestExport discussion={discussion} digest={data} />
      <DigestDocument discussion={discussion} digest={data} />
      {canEdit && <DigestEditor slug={discussion.slug} digest={data} />}
    </div>
  );
}
