import { describe, expect, it } from 'vitest';
import { forwardedClientAddress, rateLimitKey } from '../../src/server/client-address.ts';

describe('forwardedClientAddress', () => {
  it('takes the entry the nearest trusted proxy recorded', () => {
    expect(forwardedClientAddress('203.0.113.7', 1)).toBe('203.0.113.7');
    expect(forwardedClientAddress('198.51.100.1, 203.0.113.7', 1)).toBe('203.0.113.7');
  });

  it('ignores addresses the client prepended to forge a fresh rate-limit budget', () => {
    expect(forwardedClientAddress('1.2.3.4, 5.6.7.8, 203.0.113.7, 10.0.0.2', 2)).toBe('203.0.113.7');
  });

  it('gives nothing without a header, without trusted hops, or with too few entries', () => {
    expect(forwardedClientAddress(undefined, 1)).toBeUndefined();
    expect(forwardedClientAddress('203.0.113.7', 0)).toBeUndefined();
    expect(forwardedClientAddress('203.0.113.7', 2)).toBeUndefined();
    expect(forwardedClientAddress(' , ', 1)).toBeUndefined();
  });
});

describe('rateLimitKey', () => {
  it('keys IPv4 by address and IPv6 by its /64, so one subscriber gets one budget', () => {
    expect(rateLimitKey('203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(rateLimitKey('2001:0DB8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(rateLimitKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitKey('::1')).toBe('0:0:0:0::/64');
    expect(rateLimitKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('leaves anything that is not an address as it is', () => {
    expect(rateLimitKey('owner:AbC')).toBe('owner:AbC');
    expect(rateLimitKey('1::2::3')).toBe('1::2::3');
    expect(rateLimitKey('zz:1')).toBe('zz:1');
  });
});
