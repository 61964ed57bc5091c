import { describe, expect, it } from 'vitest';
import { hypothetical, supposition } from '../../src/grading/suppositions.ts';
import { contradicted } from './contradicted.ts';

describe('a placement the note turns down, said as what is done (placements.ts)', () => {
  const question = 'GMP 里为什么非要加一个 P？本地队列和 Work Stealing 直接挂在 M 上不行吗？';
  const note = [
    'M 不断增加的话，如果本地队列挂载在 M 上，那就意味着本地队列也会随之增加。',
    '这显然是不合理的，因为本地队列的管理会变得复杂，且 Work Stealing 性能会大幅度下降。',
    '因此使用 M 是不合理的，那么引入新的组件 P，把本地队列关联到 P 上，就能很好的解决这个问题。',
  ];

  it('is contradicted by an answer that puts the thing where the note only supposes it', () => {
    // Spoken, with fillers before the claim (sw018).
    const spoken = '那如果本地队列挂在P上，队列会跟着P一起变多，所以，那个，Go是把本地队列放在M上，M数量固定等于CPU核数。';
    expect(contradicted(question, note, spoken)).toContain(note[2]);
  });

  it('is not contradicted by the note’s own placement, a denied one or a supposed one', () => {
    expect(contradicted(question, note, '本地队列放在 P 上，而不是放在 M 上。')).not.toContain(note[2]);
    expect(contradicted(question, note, '嗯，本地队列是挂在P上的，M要跑G得先绑定一个P。')).not.toContain(note[2]);
    // A supposition opened by a spoken lead-in ("那如果…") supposes as "如果…" does (sw016, an honest answer).
    const honest = '那如果本地队列挂在M上，本地队列也会跟着M一起增加，管理就变得很复杂。所以就引入P，把本地队列关联到P上。';
    expect(contradicted(question, note, honest)).toEqual([]);
  });

  it('is not read for a place the note never weighs', () => {
    const redis = ['Redis 把数据保存在内存中，所以读写很快。'];
    expect(contradicted('Redis 为什么快？', redis, 'RDB 会把数据保存在磁盘上，用于持久化。')).toEqual([]);
  });
});

describe('a supposition after a spoken lead-in (suppositions.ts)', () => {
  it('supposes as the bare word does', () => {
    expect(hypothetical.test('那如果本地队列挂在p上,')).toBe(true);
    expect(hypothetical.test('然后如果有系统阻塞调用把m阻塞了,')).toBe(true);
    expect(supposition('那如果不加锁,')).toBe('如果');
    expect(hypothetical.test('那么本地队列就挂在p上,')).toBe(false);
  });
});
