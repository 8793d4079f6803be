/**
 * A clock for tests of the rate limits, which count in fixed windows (of 10, 15
 * and 60 minutes, all starting on the hour): it runs from just after the start of
 * the coming hour, so no test's requests fall on both sides of a window's end, and
 * every refusal has minutes, not seconds, left to wait.
 */
export function windowStartClock(): () => Date {
  const hour = 3600_000;
  const anchor = Math.ceil(Date.now() / hour) * hour + 5_000;
  const started = performance.now();
  return () => new Date(anchor + (performance.now() - started));
}
