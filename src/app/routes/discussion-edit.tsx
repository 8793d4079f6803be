import { Link, useNavigate, useParams } from 'react-router';
import { useUpdateDiscussion } from '../../api/discussion-admin';
import { useAnnounce } from '../../components/announcer';
import { DiscussionForm } from '../../features/moderation/discussion-form';
import { ModeratorsOnly } from '../../features/moderation/moderators-only';
import { DiscussionFrame } from './discussion-frame';
import { paths } from '../../lib/paths';

export function DiscussionEditRoute() {
  const { slug = '' } = useParams();
  const update = useUpdateDiscussion(slug);
  const navigate = useNavigate();
  const announce = useAnnounce();
  const base = paths.discussion(slug);
  return (
    <DiscussionFrame
      slug={slug}
      page="Edit"
      header={(d) => (
        <header className="discussion-header compact">
          <p className="eyebrow">
            <Link to={base}>{d.title}</Link>
          </p>
          <h1>Edit the discussion</h1>
        </header>
      )}
    >
      {(discussion) => (
        <ModeratorsOnly what="edit a discussion">
          <DiscussionForm
            discussion={discussion}
            submitLabel="Save changes"
            failed="The changes were not saved"
            pending={update.isPending}
            error={update.error}
            cancelTo={base}
            onSubmit={(body) =>
              update.mutate(body, {
                onSuccess: () => {
                  announce('Saved the changes to the discussion.');
                  void navigate(base);
                },
              })
            }
          />
        </ModeratorsOnly>
      )}
    </DiscussionFrame>
  );
}
