import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';

/**
 * An exchanged word whose note side is a function character (后 of 最后, 前 of 之前) is still the note's word exchanged
 * for its opposite: note-edits.ts took a function character only on the answer's side (从 of 从服务器), so the note's
 * 后 exchanged for 先 passed unread.
 */
describe("an opposite exchanged for the note's function character", () => {
  const question = 'runtime.GOMAXPROCS(1) 下起 10 个 goroutine 打印 i，输出的第一行是什么？为什么？';
  const note = ['从runtime的源码可以看到，当创建一个G时，会优先放入到下一个调度的runnext字段上作为下一次优先调度的G。', '因此，最先输出的是最后创建的G，也就是9.'];

  it('finds "最先输出的是最先创建的G" against "最先输出的是最后创建的G"', () => {
    expect(contradicted(question, note, '最先输出的是最先创建的G。')).toEqual([note[1]]);
  });

  it('keeps the note restated, and a one-character change that is no opposite', () => {
    expect(contradicted(question, note, '最先输出的是最后创建的G，也就是9。')).toEqual([]);
    expect(contradicted(question, note, '最先输出的是最晚创建的G。')).toEqual([]);
  });
});
