import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';

describe('不等 as "unequal"', () => {
  const question = '顺序表里插入一个元素，平均要移动多少个元素？插在各位置的概率给定时又是多少？';
  const note = ['在等概率的前提下，插入一个元素平均要移动 n/2 个元素。', '按题目给定的概率，插入一个元素平均要移动 (2n+1)/3 个元素。'];

  it('names a case, as 不同 does: "不等 (2n+1)/3" gives the note\'s result for unequal probabilities', () => {
    expect(contradicted(question, note, '等概率 n/2；不等 (2n+1)/3')).toEqual([]);
  });

  it('still negates as 不等于 ("is not equal to") and before what is not waited for', () => {
    expect(contradicted(question, note, '平均要移动的元素个数不等于 (2n+1)/3。')).toEqual([note[1]]);
    const waits = ['写日志时业务线程要等磁盘刷完才返回。'];
    expect(contradicted('写日志时业务线程要等什么？', waits, '写日志时业务线程不等磁盘刷完就返回。')).toEqual([waits[0]]);
  });
});
