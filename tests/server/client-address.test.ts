import { describe, expect, it } from 'vitest';
import { forwardedClientAddress } from '../../src/server/client-address.ts';

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
