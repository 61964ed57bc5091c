import { describe, expect, it } from 'vitest';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';

const covered = (question: string, note: string, answer: string) =>
  scoreAnswer({ question, answer, references: [note] }).points.filter((point) => point.coverage.recall >= 0.4).map((point) => point.spec.text);

describe('what an answer denies is no evidence for a point that denies nothing', () => {
  const strategies = '缓存失效的策略：\n- FIFO\n- LFU\n- LRU\n- TTL\n- Random';
  const question = '说说缓存失效的策略。';

  it('leaves every name said only to be denied uncovered ("并不是FIFO")', () => {
    const denied = scoreAnswer({ question, answer: '并不是FIFO。并不是LFU。并不是LRU。并不是TTL。并不是Random。', references: [strategies] });
    expect(denied.points.filter((point) => point.coverage.recall > 0)).toEqual([]);
    expect(denied.score).toBeLessThanOrEqual(1);
    expect(scoreAnswer({ question, answer: 'FIFO、LFU、LRU、TTL、Random。', references: [strategies] }).score).toBeGreaterThanOrEqual(8);
  });

  it('still reads a denial as making a point that denies or avoids something itself', () => {
    const note = '- bgsave 由子进程写 RDB，不会阻塞主线程。\n- 单线程避免了死锁和数据竞争。';
    const asked = 'bgsave 会阻塞吗？单线程有什么好处？';
    expect(covered(asked, note, 'bgsave 是子进程写 RDB，主线程不会被阻塞。')).toContain('bgsave 由子进程写 RDB，不会阻塞主线程。');
    expect(covered(asked, note, '单线程没有死锁，也没有数据竞争的问题。')).toContain('单线程避免了死锁和数据竞争。');
  });

  it('keeps the clause that follows a denial, and what an answer avoids', () => {
    const note = '- 多线程切换的开销可能会抵消并行带来的性能提升。\n- 每个操作都是原子性的。';
    const asked = 'Redis 为什么用单线程？';
    const said = covered(asked, note, '不是为了省事，单线程避免了多线程切换的开销；每个操作都是原子性的。');
    expect(said).toEqual(['多线程切换的开销可能会抵消并行带来的性能提升。', '每个操作都是原子性的。']);
  });
});

describe('a clause that ends by dismissing what it names', () => {
  const note = '- 主备 读写分离\n- 集群 负载均衡\n- 查询缓存 raid';
  const question = 'MySQL 的数据量和访问量上到百万级了，你一般会从哪几方面去处理？';

  it('is no evidence for the things it dismisses ("查询缓存和 raid 这种更没必要")', () => {
    expect(covered(question, note, '百万级只要把索引建好就够了，查询缓存和 raid 这种更没必要，')).not.toContain('查询缓存 raid');
    expect(covered(question, note, '可以上查询缓存和 raid，再做主备和读写分离。')).toEqual(expect.arrayContaining(['查询缓存 raid', '主备 读写分离']));
  });
});

describe('a denial inside a condition denies only the condition', () => {
  const question = 'Go 的 GC 什么时候会被触发？';
  const note = '默认情况下，最长2分钟触发一次GC，这个间隔在src/runtime/proc.go:forcegcperiod变量中被声明。';
  const recall = (answer: string) => scoreAnswer({ question, answer, references: [note] }).points[0]!.coverage.recall;

  it('reads "2分钟没GC会强制跑一次" as saying when the forced GC runs, as "每2分钟会强制跑一次" does', () => {
    expect(recall('forcegcperiod兜底，2分钟没GC会强制跑一次。')).toBeGreaterThan(0.1);
    expect(recall('forcegcperiod兜底，2分钟没GC会强制跑一次。')).toBe(recall('forcegcperiod兜底，每2分钟会强制跑一次。'));
  });

  it('still sets aside a clause that denies the point itself', () => {
    expect(recall('forcegcperiod兜底，2分钟也不会强制触发GC。')).toBeLessThan(recall('forcegcperiod兜底，2分钟会强制触发GC。') / 2);
  });
});
