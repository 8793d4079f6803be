import { useQuery } from '@tanstack/react-query';
import { followQueries, useFollow, type FollowTarget } from '../../api/notifications';
import { useSession } from '../../api/session';
import { useAnnounce } from '../../components/announcer';
import { errorMessage } from '../../components/error-state';

interface FollowButtonProps {
  target: FollowTarget;
  /** "Follow this discussion" or "Follow this thread": the button's name, pressed while following. */
  label: string;
  /** What following brings, said when it starts: "new comments", "new replies". */
  news: string;
}

/** A toggle to be told of new published entries where one follows; for people signed in. */
export function FollowButton({ target, label, news }: FollowButtonProps) {
  const signedIn = Boolean(useSession().data?.user);
  const { data } = useQuery({ ...followQueries.inDiscussion(target.slug), enabled: signedIn });
  const follow = useFollow();
  const announce = useAnnounce();
  if (!signedIn || !data) return null;
  const following =
    target.kind === 'discussion' ? data.discussion : data.threads.includes(target.id);
  const what = target.kind === 'discussion' ? 'this discussion' : 'this thread';
  return (
    <span className="follow-control">
      <button
        type="button"
        className="button button-quiet button-small"
        aria-pressed={following}
        disabled={follow.isPending}
        title={following ? 'Press to unfollow' : undefined}
        onClick={() =>
          follow.mutate(
            { target, following: !following },
            {
              onSuccess: ({ following: now }) =>
                announce(
                  now
                    ? `You follow ${what}: you are told of ${news} in your notifications.`
                    : `You unfollowed ${what}.`,
                ),
            },
          )
        }
      >
        {following && <span aria-hidden="true">✓ </span>}
        {label}
      </button>
      {follow.isError && <span role="alert">{errorMessage(follow.error)}</span>}
    </span>
  );
}
