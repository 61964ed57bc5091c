import { describe, expect, it } from 'vitest';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';
import { checkValues } from '../../src/grading/value-consistency.ts';

const question = 'vm.overcommit_memory 的几个取值分别是什么意思？';
const reference = `内核参数 vm.overcommit_memory 控制内存申请策略：
1. 设置为 0 时，内核用启发式算法判断，明显超出可用内存的申请会被拒绝；
2. 设置为 1 时，内核总是允许申请，不做任何检查；
3. 设置为 2 时，内核严格限制，提交的总量不能超过交换空间加上一定比例的物理内存。`;
const right = '设成 0 是启发式判断，明显超出可用内存的申请会被拒绝；设成 1 是总是允许申请，不做检查；设成 2 是严格限制，总量不能超过交换空间加一定比例的物理内存。';
const swapped = '设成 0 是总是允许申请，不做检查；设成 1 是严格限制，总量不能超过交换空间加一定比例的物理内存；设成 2 是启发式判断，明显超出可用内存的申请会被拒绝。';

describe('checkValues', () => {
  it('finds each value described as the note describes it', () => {
    expect(checkValues(question, right, reference)).toEqual({ consistent: 3, swapped: 0 });
  });

  it('finds descriptions attached to the wrong values', () => {
    expect(checkValues(question, swapped, reference)).toEqual({ consistent: 0, swapped: 3 });
  });

  it('does not compare an English description with a Chinese note, whose stray Latin words fit any value', () => {
    const redo = '设置为 0 时，每次事务提交都只把 redo log 留在 redo log buffer 中；设置为 1 时，每次事务提交都将 redo log 直接持久化到磁盘；设置为 2 时，只 write 到 page cache。';
    const english = 'With innodb_flush_log_at_trx_commit = 1, another transaction commit flushes the whole redo log buffer to disk, uncommitted logs included.';
    expect(checkValues('未提交事务的 redo log 会不会持久化到磁盘？', english, redo)).toEqual({ consistent: 0, swapped: 0 });
  });

  it('reads "设置是 1" as the note\'s value 1, so a terse right answer about it is not a swap', () => {
    // corpus/go-mysql-redis-ecommerce-qa.md, 未提交事务是否会写redolog.
    const redo = 'innodb_flush_log_at_trx_commit 设置是 1，也就是每次事务提交时，都执行 fsync 将 redolog 直接持久化到磁盘（设置为0表示每次事务提交的时候，都只是把 redolog 留在 redolog buffer 中；设置为2表示每次事务提交的时候，都只执行 write 将 redolog 写到文件系统的 page cache ）。\n按照 innodb_flush_log_at_trx_commit = 1 的逻辑，事务 B 要把 redolog buffer 里的日志全部持久化到磁盘。';
    // Read by "= 1" alone, value 1 was "事务 B 要把…日志全部持久化到磁盘", and 每次提交 fitted 0 and 2 better.
    expect(checkValues('innodb_flush_log_at_trx_commit 设成 0、1、2 分别是什么意思？', '设成1就是每次提交都刷盘', redo).swapped).toBe(0);
  });

  it('reads a bare number opening a clause as a value when the question asks about the values by number', () => {
    // corpus/go-mysql-redis-ecommerce-qa.md, innodb_flush_log_at_trx_commit 参数.
    const redo = '1. 设置为 0 时，表示每次事务提交时都只是把 redo log 留在 redo log buffer 中；\n2. 设置为 1 时，表示每次事务提交时都将 redo log 直接持久化到磁盘；\n3. 设置为 2 时，表示每次事务提交时都只是把 redo log 写到 page cache。';
    const asked = 'innodb_flush_log_at_trx_commit 设成 0、1、2 分别是什么意思？';
    expect(checkValues(asked, '0 是每次提交都刷盘最安全，1 只写到 page cache，2 留在 buffer 里等每秒刷。', redo)).toEqual({ consistent: 0, swapped: 2 });
    expect(checkValues(asked, '0：只留 buffer；1：每次提交 fsync 落盘；2：只 write 到 page cache。', redo).swapped).toBe(0);
    // Not asked by number, a number opening a clause is no value: "2 个线程…" under a question about something else.
    expect(checkValues('redo log 是怎么刷盘的？', '0 是每次提交都刷盘最安全，1 只写到 page cache，2 留在 buffer 里等每秒刷。', redo)).toEqual({ consistent: 0, swapped: 0 });
  });

  it('compares an English description with a Chinese note through its gloss', () => {
    const redo = '1. 设置为 0 时，表示每次事务提交时都只是把 redo log 留在 redo log buffer 中；\n2. 设置为 1 时，表示每次事务提交时都将 redo log 直接持久化到磁盘；\n3. 设置为 2 时，表示每次事务提交时都只是把 redo log 写到 page cache。';
    const asked = 'innodb_flush_log_at_trx_commit 设成 0、1、2 分别是什么意思？';
    expect(checkValues(asked, '0 leaves the redo log in the log buffer, 1 fsyncs it to disk on every commit, and 2 only writes it to the OS page cache.', redo)).toEqual({ consistent: 3, swapped: 0 });
    expect(checkValues(asked, "0 means every commit fsyncs the redo log. 1 only writes the redo log into the OS page cache, and 2 leaves it in the redo log buffer.", redo).swapped).toBeGreaterThan(0);
  });

  it('says nothing when the note does not enumerate values', () => {
    expect(checkValues(question, swapped, '这个参数控制内存超额分配。')).toEqual({ consistent: 0, swapped: 0 });
  });
});

describe('scoring swapped values', () => {
  it('scores the swapped answer far below the right one although they share the same words', () => {
    const good = scoreAnswer({ question, answer: right, references: [reference] });
    const bad = scoreAnswer({ question, answer: swapped, references: [reference] });
    expect(good.score).toBeGreaterThanOrEqual(8);
    expect(bad.flags).toContain('swapped-values');
    expect(bad.score).toBeLessThanOrEqual(3);
  });
});
