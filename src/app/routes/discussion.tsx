import { useParams } from 'react-router';
import { CommentActions } from '../../features/comments/comment-actions';
import { CommentComposer } from '../../features/comments/comment-composer';
import { CommentThread } from '../../features/comments/comment-thread';
import { FollowButton } from '../../features/notifications/follow-button';
import { ModerationControls } from '../../features/moderation/moderation-controls';
import { ModeratorPanel } from '../../features/moderation/moderator-panel';
import { SearchForm } from '../../features/search/search-form';
import { ResourceSummary } from '../../features/resources/resource-summary';
import { CampaignList } from '../../features/threads/campaign-list';
import { DiscussionHeader } from '../../features/threads/discussion-header';
import { FeedLink } from '../../features/threads/feed-link';
import { DiscussionFrame } from './discussion-frame';

export function DiscussionRoute() {
  const { slug = '', commentId } = useParams();
  return (
    <DiscussionFrame
      slug={slug}
      header={(d) => (
        <>
          <DiscussionHeader discussion={d} />
          <FollowButton
            target={{ kind: 'discussion', slug }}
            label="Follow this discussion"
            news="new comments and resources"
          />
        </>
      )}
    >
      {(discussion) => (
        <div className="discussion-layout">
          <section className="discussion-main" aria-labelledby="comments-heading">
            <h2 id="comments-heading">Comments</h2>
            <SearchForm slug={slug} />
            <CommentThread
              slug={slug}
              anchor={commentId}
              actions={(comment) => (
                <>
                  <CommentActions comment={comment} />
                  {comment.status === 'published' && (
                    <FollowButton
                      target={{ kind: 'thread', slug, id: comment.id }}
                      label="Follow this thread"
                      news="new replies"
                    />
                  )}
                  <ModerationControls kind="comment" entry={comment} />
                </>
              )}
            />
            <CommentComposer discussion={discussion} />
          </section>
          <aside className="discussion-aside" aria-label="Resources and campaigns">
            <ModeratorPanel discussion={discussion} />
            <ResourceSummary slug={slug} />
            <CampaignList slug={slug} />
            <FeedLink
              path={`/discussions/${encodeURIComponent(slug)}/feed.atom`}
              title={`${discussion.title}: comments and resources (Atom)`}
              lead="Follow new comments and resources in a feed reader:"
            />
          </aside>
        </div>
      )}
    </DiscussionFrame>
  );
}
