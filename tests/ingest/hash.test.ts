import { describe, expect, it } from 'vitest';
import { stableHash } from '../../src/core/hash.ts';

describe('stableHash', () => {
  it('is 16 hex chars and deterministic', () => {
    const first = stableHash('TCP 拥塞控制');
    expect(first).toMatch(/^[0-9a-f]{16}$/);
    expect(stableHash('TCP 拥塞控制')).toBe(first);
  });

  it('distinguishes near-identical inputs, including the empty string', () => {
    const inputs = ['', 'a', 'b', 'ab', 'ba', 'TCP 拥塞控制', 'TCP 拥塞控制 ', 'go\u0000x', 'gox'];
    const hashes = new Set(inputs.map(stableHash));
    expect(hashes.size).toBe(inputs.length);
  });

  it('does not collide across many short keys', () => {
    const hashes = new Set<string>();
    for (let index = 0; index < 50_000; index++) hashes.add(stableHash(`question-${index}`));
    expect(hashes.size).toBe(50_000);
  });

  it('both 32-bit halves vary independently', () => {
    const left = new Set<string>();
    const right = new Set<string>();
    for (let index = 0; index < 2_000; index++) {
      const hash = stableHash(`k${index}`);
      left.add(hash.slice(0, 8));
      right.add(hash.slice(8));
    }
    expect(left.size).toBe(2_000);
    expect(right.size).toBe(2_000);
  });
});
