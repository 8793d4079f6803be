import type { Resource } from '../../api/contract';

/** Participant actions on a resource: flag. (Issue 3) */
export function ResourceActions(_props: { resource: Resource }) {
  return null;
}
