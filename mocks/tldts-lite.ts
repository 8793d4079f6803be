/**
 * The demo build's stand-in for tldts, which MSW's cookie store (tough-cookie)
 * asks only for the registrable part of a cookie's domain. The demo's mocked
 * cookies never leave its own origin, so the host's last two labels serve, and
 * every first visit is spared the public suffix list (about 45 KB gzipped).
 */
export function getDomain(hostname: string): string | null {
  if (/^[\d.]+$/.test(hostname) || hostname.includes(':')) return hostname;
  const labels = hostname.split('.');
  return labels.length <= 2 ? hostname : labels.slice(-2).join('.');
}
