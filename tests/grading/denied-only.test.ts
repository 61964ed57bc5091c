import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';

describe("\"not only\" against the note's \"only\"", () => {
  const multi = ['Redis 的事务只保证命令按顺序执行，中途出错不会回滚已执行的命令。', 'WATCH 提供乐观锁。'];

  it('finds the limit denied on the same claim ("Redis 的事务不只保证命令按顺序执行")', () => {
    expect(contradicted('Redis 事务能保证什么？', multi, 'Redis 的事务不只保证命令按顺序执行，还保证原子性。')).toEqual([multi[0]]);
  });

  it('finds it in English ("not only scans the young generation…")', () => {
    const minor = ['A minor GC only scans the young generation and the card table.'];
    expect(contradicted('What does a minor GC scan?', minor, 'A minor GC not only scans the young generation and the card table but the whole old generation too.')).toEqual([minor[0]]);
  });

  it('keeps the limit repeated, and "not only" said of something else', () => {
    expect(contradicted('Redis 事务能保证什么？', multi, 'Redis 的事务只保证命令按顺序执行。')).toEqual([]);
    expect(contradicted('Redis 事务能保证什么？', multi, 'Redis 不只是缓存，还能做消息队列。')).toEqual([]);
  });
});
