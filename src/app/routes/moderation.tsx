/** Placeholder until its issue lands. */
export function ModerationRoute() {
  return <h1>Not built yet</h1>;
}
