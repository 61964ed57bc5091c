import { describe, expect, it } from 'vitest';
import { gradeOffline } from '../../src/grading/offline-grader.ts';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';
import { polarityAbout, subQuestionVerdict, yesNoSubject } from '../../src/grading/sub-question-verdict.ts';

const question = 'TCP 建立连接为什么要三次握手？UDP 有没有握手过程？';
const reference =
  'TCP 三次握手是为了确认双方的发送和接收能力都正常，并同步双方的初始序列号，防止已失效的连接请求被误当成新连接。UDP 没有握手过程，它是无连接的，直接发送数据报。';
const explanation = '三次握手是让两边都确认对方能收能发，顺便交换初始序号，旧的连接请求也不会被误认。';

const score = (answer: string) => scoreAnswer({ question, answer, references: [reference] });

describe('the subject and the yes or no of a yes/no ask inside a question', () => {
  it('takes the subject from the clause of the ask, without scene-setting words', () => {
    expect(yesNoSubject(question)).toBe('udp');
    expect(yesNoSubject('冒泡排序中关键字可能反向移动，试举例说明之。快速排序过程中有没有这种现象？')).toBe('快速排序');
    expect(yesNoSubject('在 Redis 中，事务是否支持回滚？')).toBe('事务');
    // No named subject before the ask: nothing to compare.
    expect(yesNoSubject('能否将节点从链表中删去？')).toBeUndefined();
    expect(yesNoSubject('进程和线程有什么区别？')).toBeUndefined();
    // A list marker is not part of the subject; an embedded 是否 (判断…是否, 影响…是否) is not an ask.
    expect(yesNoSubject('二、http能不能一次连接多次请求，不等后端返回')).toBe('http');
    expect(yesNoSubject('9. 判断 channel 是否已经被关闭')).toBeUndefined();
    expect(yesNoSubject('这种数据一致性的实现效果会直接影响订单是否能够成功履约。')).toBeUndefined();
  });

  it('reads the clause after the subject, and the next one when the first only sets the scene', () => {
    expect(polarityAbout('在快速排序过程中，不会出现关键字反向移动的现象。', '快速排序')).toBe('no');
    expect(polarityAbout('快速排序中也有这种现象。', '快速排序')).toBe('yes');
    expect(polarityAbout('快速排序无此现象', '快速排序')).toBe('no');
    expect(polarityAbout('快速排序不存在这种情况，划分后基准就在最终位置。', '快速排序')).toBe('no');
    // 不断 is not a negation.
    expect(polarityAbout('快速排序会不断把元素换到基准两侧。', '快速排序')).toBe('yes');
    expect(polarityAbout('冒泡排序会反向移动。', '快速排序')).toBeUndefined();
    // A part of the subject is another subject; the scene of it is not.
    expect(polarityAbout('Redis 的事务不支持回滚。', 'redis')).toBeUndefined();
    expect(polarityAbout('Redis 的事务不支持回滚，但 Redis 支持事务。', 'redis')).toBe('yes');
    expect(polarityAbout('快速排序的过程中不会出现这种现象。', '快速排序')).toBe('no');
  });

  it('agrees or disagrees only when the note and the answer both say yes or no', () => {
    expect(subQuestionVerdict(question, [reference], 'UDP 不需要握手，直接发。')).toBe('agree');
    expect(subQuestionVerdict(question, [reference], 'UDP 也有握手过程。')).toBe('disagree');
    expect(subQuestionVerdict(question, [reference], explanation)).toBeUndefined();
    expect(subQuestionVerdict('进程和线程有什么区别？', [reference], 'UDP 也有握手过程。')).toBeUndefined();
  });
});

describe('scoring the yes/no ask inside a question', () => {
  it('gives a terse answer with the right yes or no the credit of the conclusion (scored 8 before)', () => {
    const right = score(`${explanation}UDP 不需要握手，直接发。`);
    expect(right.flags).toContain('right-verdict');
    expect(right.score).toBeGreaterThanOrEqual(9);
    expect(right.score).toBeGreaterThan(score(explanation).score);
  });

  it('gives the opposite yes or no at most 1 however much of the explanation is right (scored 7.3 before)', () => {
    const wrong = score(`${explanation}UDP 也有握手过程。`);
    expect(wrong.flags).toContain('wrong-verdict');
    expect(wrong.score).toBeLessThanOrEqual(1);
    const card = gradeOffline({ question, answer: `${explanation}UDP 也有握手过程。`, references: [{ source: 'network.md', heading: 'TCP 三次握手', text: reference }] }).grade;
    expect(card.feedback).toContain('结论与笔记相反');
    expect(card.feedback).not.toContain('判断题');
  });
});
