import type { Resource } from '../../api/contract';
import { FlagControl } from '../../components/flag-control';

/** Participant actions on a resource: flag. */
export function ResourceActions({ resource }: { resource: Resource }) {
  return (
    <div className="entry-actions actions">
      <FlagControl kind="resource" entry={resource} />
    </div>
  );
}
