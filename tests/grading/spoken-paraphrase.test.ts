import { describe, expect, it } from 'vitest';
import { readStances } from '../../src/grading/answer-signals.ts';
import { withoutFillers } from '../../src/text/spoken-fillers.ts';
import { focusOn } from '../../src/grading/section-focus.ts';
import { coverPoint, viewAnswer } from '../../src/grading/coverage.ts';
import { extractAllKeyPoints } from '../../src/grading/key-points.ts';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';
import { profileText } from '../../src/grading/text-analysis.ts';

const question = '什么是偏向锁？';
const reference =
  '如果一个线程获得了锁，并且在接下来的时间内没有其他线程竞争该锁，那么锁将一直偏向于该线程，这样可以避免线程每次进入同步代码块时都需要执行锁的获取和释放操作，从而减少了不必要的CAS操作，提高了性能。';
const score = (answer: string) => scoreAnswer({ question, answer, references: [reference] }).score;

describe('spoken answers (issue 10 item 3)', () => {
  const written = '一个线程拿到锁以后，如果没有别的线程竞争，锁就一直偏向这个线程。它再进入同步代码块时省去了锁的获取和释放，减少了 CAS 操作，性能更好。';
  const spoken =
    '嗯，就是说，一个线程拿到锁以后，呃，如果没有别的线程竞争，那个，锁就一直偏向这个线程。然后呢，它再进入同步代码块时省去了锁的获取和释放，我记得，减少了 CAS 操作，性能更好嘛。';

  it('drops fillers, so a transcribed answer scores like the written one', () => {
    expect(withoutFillers('嗯，就是说，呃，那个，锁就一直偏向这个线程。')).toBe('锁就一直偏向这个线程。');
    // The same words stay where they say something.
    expect(withoutFillers('那个锁我觉得不对，它是单线程的啊')).toBe('那个锁我觉得不对，它是单线程的啊');
    expect(withoutFillers('erm, 啊，the kernel wakes it')).toBe('the kernel wakes it');
    expect(score(written)).toBeGreaterThanOrEqual(7);
    expect(Math.abs(score(spoken) - score(written))).toBeLessThanOrEqual(0.3);
  });

  it('reads 应该是 and a closing 嘛 as statements, 好像…吧 still as a guess', () => {
    expect(readStances('应该是先写 redo log，再写 binlog。').clauses.every((clause) => clause.stance === 'asserted')).toBe(true);
    expect(readStances('因为它是单线程的嘛。').clauses[0]?.stance).toBe('asserted');
    expect(readStances('好像是先写 redo log 吧。').clauses[0]?.stance).toBe('tentative');
    const guessed = '好像一个线程拿到锁以后锁就一直偏向这个线程吧。好像进入同步代码块时省去了锁的获取和释放吧。好像减少了 CAS 吧。';
    expect(score(guessed)).toBeLessThan(score(written) - 1);
  });

  it('a short dense answer that makes every point scores like a long one', () => {
    const terse = '无竞争时锁一直偏向持有它的线程：再进同步代码块不用获取、释放锁，省掉 CAS，性能更好。';
    expect(score(terse)).toBeGreaterThanOrEqual(score(written) - 2);
    expect(score(terse)).toBeGreaterThanOrEqual(6);
  });
});

describe('re-split words (coverage.ts)', () => {
  const [point] = extractAllKeyPoints('双缓冲日志把日志先写进前端缓冲区，写满后交给后端线程落盘。', 0);
  const recall = (answer: string) => coverPoint(point!, viewAnswer(answer), new Set()).recall;

  it('credits a word whose characters the answer keeps in other order, at a fifth of an exact match', () => {
    const exact = recall('双缓冲日志把日志先写进前端缓冲区，写满后交给后端线程落盘。');
    const resplit = recall('日志写到前端的缓冲里，双缓冲，满了让后端的线程去落到磁盘上。');
    const unrelated = recall('用哈希表加链表实现 LRU。');
    expect(exact).toBeCloseTo(1, 5);
        expect(unrelated).toBe(0);
    // Characters scattered over words that say nothing of the point earn nothing.
    expect(recall('缓存冲突日后再写，前面的满了，线上后台落地。')).toBe(0);
    // Re-split words count a fifth: its exact bigrams alone make 0.38 of the point, with 冲日, 写满, 交给 … re-split 0.44.
    expect(resplit).toBeGreaterThan(0.42);
    expect(resplit).toBeLessThan(exact);
  });
});

describe('a question about one section of an overview note', () => {
  const note = `#### 垃圾回收

Go 使用三色标记法，配合写屏障，让标记和用户程序并发执行。

- 白色对象是潜在的垃圾，灰色对象待扫描，黑色对象已扫描完毕。

#### 垃圾回收触发时机

##### 内存分配量达到阈值触发GC

每次内存分配时检查当前内存分配量是否已达到阈值，达到阈值则立即启动GC。阈值 = 上次GC内存分配量 × 内存增长率，增长率由 GOGC 控制，默认为 100。

##### 定期触发GC

默认情况下，最长2分钟触发一次GC，由 forcegcperiod 控制。

##### 手动触发

程序代码中也可以使用 runtime.GC() 来手动触发GC，主要用于 GC 性能测试和统计。

#### GC性能优化

减少对象分配个数，比如对象复用或使用大对象组合多个小对象；避免 string 和 []byte 频繁转化。`;
  const question = 'Go 的 GC 在什么时候会被触发？';

  it('is graded on that section with its sub-sections, even when a sub-section names the question as well', () => {
    const focused = focusOn(question, extractAllKeyPoints(note, 0), 'go > 聊聊你对gc的理解');
    expect(focused.length).toBeGreaterThanOrEqual(3);
    expect(focused.every((point) => point.section.includes('垃圾回收触发时机'))).toBe(true);
    const answer = '三种情况：堆内存分配量到了阈值，阈值是上次 GC 后的内存乘增长率，GOGC 默认 100；定期触发，最长两分钟一次；还有代码里手动调 runtime.GC()。';
    expect(scoreAnswer({ question, answer, references: [note], headings: ['go > 聊聊你对gc的理解'] }).score).toBeGreaterThanOrEqual(8);
  });
});

describe('spoken words for the notes\' written ones (text-analysis.ts)', () => {
  it('reads 跑 as 运行, 拿到 as 获取, 挂了 as 崩溃', () => {
    const reference = '内核态运行操作系统内核和设备驱动；线程获取锁后才能进入临界区；一个进程崩溃不影响其他进程。';
    const written = '内核态运行操作系统内核和驱动，线程获取锁才能进临界区，进程崩溃不影响别的进程。';
    const spoken = '内核态跑操作系统内核和驱动，线程拿到锁才能进临界区，进程挂了不影响别的进程。';
    const grade = (answer: string) => scoreAnswer({ question: '说说内核态、锁和进程隔离。', answer, references: [reference] }).score;
    expect(grade(spoken)).toBeGreaterThanOrEqual(grade(written) - 0.2);
    expect(profileText('跑步').units.has('运行')).toBe(false);
  });
});
