import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';
import { contradictsCore } from '../../src/grading/core-contradictions.ts';

const flat = Array.from({ length: 8 }, () => ({ weight: 0.125 }));

describe('a label that names a subject names the clause after it', () => {
  const question = '令牌桶和漏桶都能做限流，它们最大的区别在哪？突发流量来了各自怎么表现？';
  const note = [
    '令牌桶：系统按固定速率 r 往桶里放令牌，桶里最多存 b 个；请求来了拿到令牌就放行，拿不到就拒绝或等待。',
    '漏桶：请求先进一个容量固定的队列，出口以恒定速率流出处理，队列满了就丢。不管进来多猛，出去永远是匀速，不允许突发。',
  ];

  it('reads "漏桶：系统按固定速率往桶里放令牌" as the token bucket\'s refill given to the leaky bucket', () => {
    expect(contradicted(question, note, '漏桶：系统按固定速率往桶里放令牌，所以允许一定突发。令牌桶：请求先进一个固定容量的队列，出口以恒定速率流出。')).toContain(note[0]);
    expect(contradicted(question, note, '令牌桶：系统按固定速率往桶里放令牌，所以允许一定突发。漏桶：请求先进一个固定容量的队列，出口以恒定速率流出。')).toEqual([]);
  });
});

describe('the question\'s own ask answered otherwise is the core, however flat the note', () => {
  it('the number it asks for, changed', () => {
    const refresh = { point: 2, cue: 'number' as const, said: '默认 refresh_interval 为 1 分钟' };
    expect(contradictsCore('一条文档写进去以后要经过什么、大概多久才能被搜到？', flat, [refresh])).toBe(true);
    expect(contradictsCore('一条文档写进去以后要经过什么？', flat, [refresh])).toBe(false);
    const rate = { point: 3, cue: 'number' as const, said: 'which gives 4096 IDs per second per node.' };
    expect(contradictsCore('How many IDs can a single node hand out?', flat, [rate])).toBe(true);
    // Asked how many IDs, a changed number of something else the note counts is not the ask.
    expect(contradictsCore('How many IDs can a single node hand out?', flat, [{ ...rate, said: '10 bits worker ID, so up to 2048 nodes' }])).toBe(false);
  });

});
