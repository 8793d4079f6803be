import { useNavigate } from 'react-router';
import { useCreateDiscussion } from '../../api/discussion-admin';
import { useAnnounce } from '../../components/announcer';
import { useDocumentTitle } from '../../components/document-title';
import { DiscussionForm } from '../../features/moderation/discussion-form';
import { ModeratorsOnly } from '../../features/moderation/moderators-only';
import { paths } from '../../lib/paths';

export function DiscussionNewRoute() {
  useDocumentTitle('Create a discussion');
  const create = useCreateDiscussion();
  const navigate = useNavigate();
  const announce = useAnnounce();
  return (
    <>
      <div className="page-intro">
        <h1>Create a discussion</h1>
        <p className="lede">It opens at once; you can close it, or schedule its closing, later.</p>
      </div>
      <ModeratorsOnly what="create a discussion">
        <DiscussionForm
          submitLabel="Create discussion"
          failed="The discussion was not created"
          pending={create.isPending}
          error={create.error}
          cancelTo="/moderation"
          onSubmit={(body) =>
            create.mutate(body, {
              onSuccess: (d) => {
                announce(`Created the discussion “${d.title}”.`);
                void navigate(paths.discussion(d.slug));
              },
            })
          }
        />
      </ModeratorsOnly>
    </>
  );
}
