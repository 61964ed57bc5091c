import { describe, expect, it } from 'vitest';
import { conceptTokens } from '../../src/text/glossary.ts';

describe('field terms an English answer names in English (issue 10 item 3)', () => {
  it('reads biased locks, lock upgrades, byte order and rate-limit buckets as the notes\' Chinese terms', () => {
    expect(conceptTokens('biased locking')).toEqual(expect.arrayContaining(conceptTokens('偏向锁').filter((token) => token !== '~lock')));
    expect(conceptTokens('偏向锁')).toContain('~biased_lock');
    expect(conceptTokens('it is upgraded to a lightweight lock or a heavyweight lock')).toEqual(expect.arrayContaining(conceptTokens('轻量级锁或重量级锁')));
    expect(conceptTokens('network byte order is big-endian')).toEqual(expect.arrayContaining(conceptTokens('网络字节序是大端')));
    expect(conceptTokens('token bucket vs leaky bucket')).toEqual(expect.arrayContaining([...conceptTokens('令牌桶'), ...conceptTokens('漏桶')]));
    expect(conceptTokens('lock granularity')).toEqual(expect.arrayContaining(conceptTokens('锁粒度')));
  });
});
