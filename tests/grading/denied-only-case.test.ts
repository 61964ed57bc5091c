import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';

describe('the case a note excludes, denied, is the note said again', () => {
  const pipe = ['匿名管道( pipe )：管道是一种半双工的通信方式，数据只能单向流动，而且只能在具有亲缘关系的进程间使用。'];
  const question = '匿名管道能不能用在两个没有亲缘关系的进程之间？';

  it('reads "without kinship, use another pipe" and "without kinship, it cannot" as agreeing with "only between kin"', () => {
    expect(contradicted(question, pipe, '不能。没亲缘关系得用有名管道。')).toEqual([]);
    expect(contradicted(question, pipe, '没亲缘关系的进程不能用匿名管道，只有父子进程这种才行。')).toEqual([]);
  });

  it('still finds the excluded case given the same thing, in the clause or later in its sentence', () => {
    expect(contradicted(question, pipe, '没有亲缘关系的进程也能用匿名管道。')).toEqual(pipe);
    expect(contradicted(question, pipe, '匿名管道不需要亲缘关系，随便两个进程都能用。')).toEqual(pipe);
  });
});
