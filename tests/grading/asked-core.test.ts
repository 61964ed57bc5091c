import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';
import { contradictsCore } from '../../src/grading/core-contradictions.ts';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';

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

describe('a wrong clause made of the question\'s own words is the core', () => {
  const question = 'HTTP/1.1 明明支持 Pipelining，为什么浏览器默认不开启它？';
  const note = [
    'HTTP/1.1 的 Pipelining 允许客户端在一个连接上连续发出多个请求，不必等上一个响应回来。',
    '服务器必须按照收到请求的顺序返回响应，因为文本协议的响应里没有请求的编号。',
    '',
    'Pipelining存在的问题：浏览器默认不开启的原因',
    '',
    '一些中间代理不能正确地处理 Pipelining。',
    '',
    '流水线的正确实现很复杂，各家服务器的支持参差不齐。',
    '',
    '队头阻塞：第一个请求处理得慢，后面的响应都得排队等它。',
    '',
    'HTTP/2 用多路复用取代了它，多个请求可以在同一个连接中并行进行。',
  ].join('\n');
  const rest = '客户端可以在一个连接上连续发出多个请求，服务器必须按照收到请求的顺序返回响应；第一个请求处理得慢，后面的响应都得排队等它，这就是队头阻塞；一些中间代理也处理不好；HTTP/2 用多路复用取代了它。';

  it('fails an answer that denies what the question asks about, however light that point is among the rest it gets right', () => {
    const denied = scoreAnswer({ question, answer: `其实浏览器默认是开启 Pipelining 的。${rest}`, references: [note] });
    expect(denied.flags).toContain('mostly-wrong');
    expect(denied.score).toBeLessThanOrEqual(2);
  });

  it('leaves the honest twin whole', () => {
    const honest = scoreAnswer({ question, answer: `${rest}正因为这些问题，浏览器默认不开启它。`, references: [note] });
    expect(honest.flags).not.toContain('contradiction');
    expect(honest.score).toBeGreaterThanOrEqual(9);
  });

  it('reads only a clause made mostly of the question\'s words as the ask', () => {
    const entry = (said: string) => ({ point: 5, cue: 'negation' as const, said });
    expect(contradictsCore(question, flat, [entry('其实浏览器默认是开启 Pipelining 的')])).toBe(true);
    expect(contradictsCore(question, flat, [entry('中间代理都能正确处理流水线')])).toBe(false);
  });
});
