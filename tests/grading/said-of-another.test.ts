import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';

describe('a negation said of the other thing the note sets beside it', () => {
  const question = '为什么新生代用复制算法？';
  const note = ['标记-清除：先标记存活对象，再清除未标记的，会产生内存碎片', '复制算法：把存活对象复制到另一块，不会有碎片，但浪费一半空间'];

  it('is the other thing\'s property, not a denial of the note\'s clause about the first', () => {
    expect(contradicted(question, note, '复制算法不会产生碎片，代价是要浪费一半空间。')).toEqual([]);
  });

  it('is still a denial when the answer says it of the thing the note says it of', () => {
    expect(contradicted(question, note, '标记-清除不会产生碎片。')).toEqual([note[0]]);
  });
});
