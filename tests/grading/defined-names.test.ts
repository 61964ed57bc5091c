import { describe, expect, it } from 'vitest';
import { definedNames } from '../../src/grading/defined-names.ts';
import { contradicted } from './contradicted.ts';

describe('names a note defines one by one (defined-names.ts)', () => {
  const question = '讲讲这个存储引擎的三层结构。';
  const note = ['W 是写缓冲区；', 'S 是只读的有序段文件；', 'C 是后台合并线程，把多个 S 合成一个更大的 S。'];

  it('are subjects: giving one name another\'s definition is a swap', () => {
    expect(contradicted(question, note, 'S 就是写缓冲区，W 才是有序段文件。')).toEqual([note[0], note[1]]);
  });

  it('are not swapped by an answer that keeps each definition', () => {
    expect(contradicted(question, note, 'W 就是写缓冲，S 是有序的只读段文件，C 在后台把 S 合并。')).toEqual([]);
  });

  it('are read from Chinese and English definitions, and need two: one name has nothing to be swapped with', () => {
    expect(definedNames(note)).toEqual(['w', 's', 'c']);
    expect(definedNames(['RDB means a point-in-time snapshot.', 'AOF is an append-only log of writes.'])).toEqual(['rdb', 'aof']);
    expect(definedNames(['WAL 是预写日志，先写日志再改数据页。'])).toEqual([]);
    expect(definedNames(['Redis 不是单线程的全部；', 'IO 是多线程的。'])).toEqual([]);
  });
});
