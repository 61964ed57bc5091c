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
  it('two things the question asks to tell apart, given each other\'s role', () => {
    const question = 'Linux 的 namespace 和 cgroup，在容器里各自负责什么？';
    const swap = { point: 2, cue: 'swap' as const, between: ['namespace', 'cgroup'] as const };
    expect(contradictsCore(question, flat, [swap])).toBe(true);
    // A question that does not ask to tell them apart, or a swap between things it does not name, is one wrong point.
    expect(contradictsCore('容器的资源限制是怎么做的？', flat, [swap])).toBe(false);
    expect(contradictsCore(question, flat, [{ ...swap, between: ['pid', 'net'] as const }])).toBe(false);
  });

  it('the number it asks for, changed', () => {
    const refresh = { point: 2, cue: 'number' as const, said: '默认 refresh_interval 为 1 分钟' };
    expect(contradictsCore('一条文档写进去以后要经过什么、大概多久才能被搜到？', flat, [refresh])).toBe(true);
    expect(contradictsCore('一条文档写进去以后要经过什么？', flat, [refresh])).toBe(false);
    const rate = { point: 3, cue: 'number' as const, said: 'which gives 4096 IDs per second per node.' };
    expect(contradictsCore('How many IDs can a single node hand out?', flat, [rate])).toBe(true);
    // Asked how many IDs, a changed number of something else the note counts is not the ask.
    expect(contradictsCore('How many IDs can a single node hand out?', flat, [{ ...rate, said: '10 bits worker ID, so up to 2048 nodes' }])).toBe(false);
  });

  it('fails an answer that swaps the two roles the question asks about, in the note\'s own words', () => {
    const question = 'Linux 的 namespace 和 cgroup，在容器里各自负责什么？能各举几个例子吗？';
    const note =
      '# 容器隔离：namespace vs cgroup\n\n1. 分工\n   1.1 namespace —— 管"能看到什么"（隔离视图）\n   1.2 cgroup —— 管"能用多少"（限制资源）\n2. namespace 的例子\n   - PID：容器内进程号从 1 开始\n   - NET：独立网卡、路由表、端口\n3. cgroup 的例子\n   - CPU、内存、IO、进程数的配额与统计\n   - memory.max 超限 → 先回收，回收不了触发该 cgroup 内 OOM kill';
    const swapped = 'namespace 管能用多少，负责限制 CPU、内存、IO、进程数的配额，比如 memory.max 超限触发 OOM kill；cgroup 管能看到什么，负责隔离视图，比如 PID、NET，让容器内进程号从 1 开始、有独立网卡。';
    const honest = 'cgroup 管能用多少，负责限制 CPU、内存、IO、进程数的配额，比如 memory.max 超限触发 OOM kill；namespace 管能看到什么，负责隔离视图，比如 PID、NET，让容器内进程号从 1 开始、有独立网卡。';
    expect(scoreAnswer({ question, answer: swapped, references: [note] }).score).toBeLessThanOrEqual(1.5);
    expect(scoreAnswer({ question, answer: honest, references: [note] }).score).toBeGreaterThanOrEqual(7);
  });
});
