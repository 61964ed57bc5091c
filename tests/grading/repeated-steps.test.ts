import { describe, expect, it } from 'vitest';
import { findContradictions } from '../../src/grading/contradictions.ts';
import { profileText } from '../../src/grading/text-analysis.ts';

/** The cues found against a note whose points are the reference's list items, as [cue, note point]. */
function cues(question: string, reference: string, answer: string): [string, string][] {
  const note = reference.split('\n').map((line) => line.replace(/^\s*(?:\d+\.|-)\s+/u, ''));
  const points = note.map((text) => ({ text }));
  return findContradictions(question, points, answer, new Set(profileText(question).units.keys()), reference).map((entry) => [entry.cue, note[entry.point]!]);
}

describe('a step the note repeats in the same words for two actors', () => {
  const question = '事务消息的投递流程是什么样的？';
  const reference = [
    '1. 生产者把这条消息写入本地的事务表中，并向 broker 发送半消息。',
    '2. broker 收到半消息后，把这条消息写入本地的事务表中，并回复生产者。',
    '3. 生产者提交本地事务成功以后，broker 把消息投递给消费者并删除事务表里的记录。',
  ].join('\n');

  it('still comes before the later steps: "先投递给消费者，再写入本地的事务表" reverses the note', () => {
    const found = cues(question, reference, '生产者先让 broker 把消息投递给消费者，然后再写入本地的事务表，最后才发半消息。');
    expect(found.map(([cue]) => cue)).toContain('order');
  });

  it('is not reversed by the note\'s own order', () => {
    expect(cues(question, reference, '生产者先写入本地的事务表，再发半消息给 broker，broker 也写入本地的事务表，最后提交成功以后才投递给消费者。')).toEqual([]);
  });
});

describe('a participant the note names in different actions', () => {
  const question = '主从复制的数据同步流程是怎样的？';
  const reference = ['1. 主库把写操作记录到日志里', '2. 主库将日志发送给副本', '3. 副本重放日志成功以后，返回确认给主库', '4. 主库收到全部确认以后，更新提交位点', '5. 主库通知各节点提交'].join('\n');

  it('places no step: naming the replica again after the acknowledgements keeps the order', () => {
    expect(cues(question, reference, '主库收到确认以后更新位点，再让副本提交。')).toEqual([]);
  });
});
