import { useQuery } from '@tanstack/react-query';
import { discussionQueries } from '../../api/discussions';

interface DiscussionSelectProps {
  value: string | undefined;
  onChange: (slug: string) => void;
}

/** The queue's and the log's filter by discussion: every discussion, or one. */
export function DiscussionSelect({ value, onChange }: DiscussionSelectProps) {
  const discussions = useQuery(discussionQueries.list());
  return (
    <label>
      Discussion
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">All discussions</option>
        {discussions.data?.discussions.map((d) => (
          <option key={d.slug} value={d.slug}>
            {d.title}
          </option>
        ))}
      </select>
    </label>
  );
}
