/** Placeholder until its issue lands. */
export function DiscussionNewRoute() {
  return <h1>Not built yet</h1>;
}
