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

/**
 * The key a client is rate-limited under: an IPv4 address as it is, an IPv6 address by its /64
 * network. A subscriber is usually handed a whole /64, so keying single IPv6 addresses would give
 * one attacker 2^64 budgets of wrong tokens. IPv4-mapped IPv6 (::ffff:a.b.c.d) is the IPv4 address.
 */
export function rateLimitKey(address: string): string {
  const bare = address.split('%')[0]!.toLowerCase();
  if (!bare.includes(':')) return address;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(bare);
  if (mapped) return mapped[1]!;
  const [head = '', tail, ...extra] = bare.split('::');
  const groupsOf = (part: string | undefined) => (part ? part.split(':') : []);
  const known = [...groupsOf(head), ...groupsOf(tail)];
  if (extra.length > 0 || known.length > 8 || known.some((group) => !/^[0-9a-f]{1,4}$/.test(group))) return address;
  const groups = tail === undefined ? known : [...groupsOf(head), ...Array<string>(8 - known.length).fill('0'), ...groupsOf(tail)];
  if (groups.length !== 8) return address;
  return `${groups.slice(0, 4).map((group) => parseInt(group, 16).toString(16)).join(':')}::/64`;
}
