import { describe, expect, it } from 'vitest';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';
import { contradicted } from './contradicted.ts';

describe('a complexity changed (changed-complexity.ts)', () => {
  const question = '跳表为什么快？';
  const note = ['跳表查找、插入、删除的平均时间复杂度都是 O(logN)，最坏 O(N)', '跳表的空间复杂度是 O(N)'];

  it('reads another growth for the same operation as wrong, however the formula is written', () => {
    expect(contradicted(question, note, '跳表通过多层索引，查找是 O(1) 的，和哈希表一样。')).toEqual([note[0]]);
    expect(contradicted(question, note, '插入要 O(n^2)。')).toEqual([note[0]]);
    expect(contradicted(question, note, '跳表的空间复杂度是 O(1)。')).toEqual([note[1]]);
    const reference = note.join('。');
    expect(scoreAnswer({ question, answer: '跳表通过多层索引，查找是 O(1) 的', references: [reference] }).score).toBeLessThanOrEqual(2);
  });

  it('accepts the same growth written otherwise, another thing\'s complexity, and a case the note does not name', () => {
    expect(contradicted(question, note, '查找平均 O(log n)，最坏会退化成 O(n)。')).toEqual([]);
    expect(contradicted(question, note, '哈希表查找是 O(1)，跳表查找是 O(lg n)。')).toEqual([]);
    expect(contradicted(question, ['跳表查找的时间复杂度是 O(logN)'], '最坏情况下查找会退化到 O(n)。')).toEqual([]);
  });
});
