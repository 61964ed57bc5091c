import { describe, expect, it } from 'vitest';
import { readStances } from '../../src/grading/answer-signals.ts';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';

/**
 * A clause that claims something of unnamed cases ("有的情况会阻塞住"), says the answer depends without saying on what
 * ("要看各家的实现"), or says only that a behaviour differs ("不同状态下读写的表现不一样") makes no point (answer-signals.ts).
 */
describe('claims over unnamed cases make no point', () => {
  const note = `**channel有三种状态：**

1. nil，未初始化的状态，只进行了声明，或者手动赋值为nil
2. active，正常的channel，可读可写
3. closed，已关闭

| 操作 | nil的channel | 正常channel | 已关闭channel |
| --- | --- | --- | --- |
| <-ch (读) | 阻塞 | 成功或阻塞 | 读到零值 |
| ch<- (写) | 阻塞 | 成功或阻塞 | panic |
| close(ch) (关闭) | panic | 成功 | panic |`;
  const question = '对一个 nil 的 channel、正常的 channel、已经关闭的 channel，分别做读、写、close 会发生什么？';
  const grade = (answer: string) => scoreAnswer({ question, answer, references: [note] }).score;

  it('an answer that names blocking and panicking of no case scores as vague (held-out hg005: 5.8 before)', () => {
    const vague = 'channel 的话要看它当前是什么状态，不同状态下读写的表现不一样，有的情况会阻塞住，有的情况会直接 panic，所以用的时候要比较小心。';
    const score = scoreAnswer({ question, answer: vague, references: [note] });
    expect(score.score).toBeLessThanOrEqual(3);
    // Talk around the question's things is vague, not off topic: what it said keeps it on the question.
    expect(score.flags).not.toContain('offtopic');
  });

  it('guard: the same words tied to their cases are the answer', () => {
    // Only the table's three rows: the states' definitions are left out, so about half the note.
    const specific = 'nil 的 channel 读和写都会阻塞，close 会 panic。已经关闭的 channel 读到零值，写会 panic，close 也会 panic。正常的 channel 读写成功或阻塞，close 成功。';
    expect(grade(specific)).toBeGreaterThanOrEqual(5);
  });

  it('reads the clause, not the words: a named case, a tool looked at, a named difference stay claims', () => {
    const stances = (answer: string) => readStances(answer).clauses.map((clause) => clause.stance);
    expect(stances('有的情况会阻塞住，具体怎么做要看各家的实现，对性能的影响不同。')).toEqual(['unspecific', 'unspecific', 'unspecific']);
    expect(stances('先 top 看是哪个进程把 CPU 吃满了，时间轮加锁的粒度不一样，不带头结点时第一个节点的操作和其他节点不一样。')).toEqual(['asserted', 'asserted', 'asserted']);
  });
});
