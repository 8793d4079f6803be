/** Placeholder until its issue lands. */
export function DigestRoute() {
  return <h1>Not built yet</h1>;
}
