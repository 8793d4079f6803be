/** Placeholder until its issue lands. */
export function SignInRoute() {
  return <h1>Not built yet</h1>;
}
