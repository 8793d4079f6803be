/** Placeholder until its issue lands. */
export function ModerationLogRoute() {
  return <h1>Not built yet</h1>;
}
