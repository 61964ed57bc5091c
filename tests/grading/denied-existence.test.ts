import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';

describe('what the question asks after, said not to exist', () => {
  const question = 'Go 的 select 主要是用来解决什么问题的？它对 case 里能写的东西有什么硬性限制？';
  const note = ['select机制用来处理异步IO问题', 'select机制最大的一条限制就是每个case语句里必须是一个IO操作'];

  it('denies the note that names the limit', () => {
    expect(contradicted(question, note, '它对 case 其实没有什么硬性限制。')).toEqual([note[1]]);
    expect(contradicted(question, note, '它对 case 没有任何限制。')).toEqual([note[1]]);
  });

  it('leaves a word of the question that is not asked after, and a denial the sentence takes back', () => {
    const stack = ['错误。顺序栈是指使用顺序存储结构实现的栈，栈中的元素不一定是有序的。'];
    expect(contradicted('请判断以下叙述是否正确，并做出解释：顺序栈中元素值的大小是有序的', stack, '错，因为元素值是自己输入的，没有顺序')).toEqual([]);
    expect(contradicted(question, note, '别的没有什么限制，限制就是 case 里必须是 IO 操作。')).toEqual([]);
  });
});
