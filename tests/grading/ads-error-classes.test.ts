import { describe, expect, it } from 'vitest';
import { coverPoint, viewAnswer } from '../../src/grading/coverage.ts';
import { extractAllKeyPoints } from '../../src/grading/key-points.ts';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';
import { profileText } from '../../src/grading/text-analysis.ts';

const questionUnitsOf = (question: string) => new Set(profileText(question).units.keys());

describe('a point that says one thing twice ("X，即 Y") is made by either saying (coverage.ts restatedHalves)', () => {
  const question = '归并两个有序表时，比较次数最多的情况下两个表有什么特征？';
  const note = '两个表的元素正好交替排列，即一个表的第 i 个元素大于另一个表的第 i 个元素，但小于另一个表的第 i+1 个元素。';
  const [point] = extractAllKeyPoints(note, 0);

  it('the short saying alone makes the point', () => {
    // Before: measured against both sayings at once, recall 0.30 and a score of 8.4.
    const answer = '两个表的元素交替排列的时候比较次数最多。';
    expect(coverPoint(point!, viewAnswer(answer), questionUnitsOf(question), {}).recall).toBeGreaterThanOrEqual(0.4);
    expect(scoreAnswer({ question, answer, references: [note] }).score).toBeGreaterThanOrEqual(9.5);
  });

  it('guard: answers that only name the same things are not a reading of the short saying', () => {
    expect(scoreAnswer({ question, answer: '两个表的元素个数不同。', references: [note] }).score).toBeLessThanOrEqual(5);
    expect(scoreAnswer({ question, answer: '一个表的所有元素都比另一个表的小。', references: [note] }).score).toBeLessThanOrEqual(5);
  });

  it('guard: a saying made mostly of the question\'s words does not stand for the point', () => {
    const tcpQuestion = 'TCP 的滑动窗口大小是谁决定的？';
    const tcpNote = '滑动窗口的大小由接收方决定，即接收方在每个确认报文里通告自己的缓冲区还能容纳多少字节。';
    // "由接收方决定" weighs a unit or two once 窗口/大小/决定 (the question's) are left out; read on its own,
    // the wrong "由发送方…决定" scored 6.7.
    expect(scoreAnswer({ question: tcpQuestion, answer: '窗口大小由发送方根据网络拥塞情况决定。', references: [tcpNote] }).score).toBeLessThanOrEqual(3);
    expect(scoreAnswer({ question: tcpQuestion, answer: '接收方会在确认报文里告诉发送方自己的缓冲区还能容纳多少字节。', references: [tcpNote] }).score).toBeGreaterThanOrEqual(9.5);
  });

  it('guard: 即使 (even if) is not a restatement', () => {
    const [heartbeat] = extractAllKeyPoints('连接空闲时心跳包照常由客户端发送，即使没有任何业务数据需要传输，也要靠它检测对方是否存活。', 0);
    // Split at 即使, the clause after it would make the point alone (recall 0.97).
    expect(coverPoint(heartbeat!, viewAnswer('没有任何业务数据需要传输，也要靠它检测对方是否存活。'), new Set(), {}).recall).toBeLessThan(0.6);
  });
});

describe('交错 / 穿插 are 交替 (text-analysis.ts variantSpellings)', () => {
  it('an answer saying the elements 交错 makes the point the note words 交替', () => {
    const question = '归并两个有序表时，比较次数最多的情况下两个表有什么特征？';
    const note = '两个表的元素正好交替排列，每取一个元素都要和另一个表比较一次。';
    const [point] = extractAllKeyPoints(note, 0);
    // Before: 交错 shared no unit with 交替.
    expect(coverPoint(point!, viewAnswer('两个表的元素交错排列。'), questionUnitsOf(question), {}).recall).toBeGreaterThanOrEqual(0.4);
    expect(profileText('两表的元素互相穿插').units.has('交替')).toBe(true);
  });

  it('guard: other 交 words keep their own units', () => {
    const units = profileText('相邻元素两两比较并交换，交叉验证').units;
    expect(units.has('交换')).toBe(true);
    expect(units.has('交叉')).toBe(true);
    expect(units.has('交替')).toBe(false);
  });
});

describe('压入 / 压栈 / 进栈 are 入栈, 查询 is 查找 (text-analysis.ts variantSpellings)', () => {
  it('an answer that pushes with 压入 makes the point the note words 入栈', () => {
    const question = '如何用两个栈实现一个队列？';
    const [point] = extractAllKeyPoints('入队时元素直接入栈到第一个栈，出队时若第二个栈为空，先把第一个栈的元素依次出栈再入栈到第二个栈。', 0);
    const recall = (answer: string) => coverPoint(point!, viewAnswer(answer), questionUnitsOf(question), {}).recall;
    // Before: 压入 shared no unit with 入栈 (recall 0.62 against 0.71 for the same answer saying 入栈).
    expect(recall('入队就压入第一个栈；出队时第二个栈空了，就把第一个栈的元素依次出栈压入第二个栈。')).toBeCloseTo(
      recall('入队就入栈第一个栈；出队时第二个栈空了，就把第一个栈的元素依次出栈入栈第二个栈。'),
      6,
    );
    expect(profileText('主要操作是遍历和查询').units.has('查找')).toBe(true);
  });

  it('guard: 出栈 and 入队 keep their own units', () => {
    const units = profileText('元素出栈后入队').units;
    expect(units.has('出栈')).toBe(true);
    expect(units.has('入队')).toBe(true);
    expect(units.has('入栈')).toBe(false);
  });
});
