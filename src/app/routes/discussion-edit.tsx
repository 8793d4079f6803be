/** Placeholder until its issue lands. */
export function DiscussionEditRoute() {
  return <h1>Not built yet</h1>;
}
