/** Placeholder until its issue lands. */
export function JoinRoute() {
  return <h1>Not built yet</h1>;
}
