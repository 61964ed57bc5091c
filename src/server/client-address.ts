/**
 * The client's address as seen through `hops` trusted reverse proxies. Each proxy appends the
 * address it received the request from to X-Forwarded-For, so only the last `hops` entries are
 * trustworthy; anything further left was written by the client itself and could be forged to
 * dodge the rate limit. Returns undefined when the header has fewer entries than that.
 */
export function forwardedClientAddress(forwardedFor: string | undefined, hops: number): string | undefined {
  if (!forwardedFor || hops < 1) return undefined;
  const entries = forwardedFor
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries.length >= hops ? entries[entries.length - hops] : undefined;
}
