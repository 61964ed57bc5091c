import { describe, expect, it } from 'vitest';
import { cutsLatinWord, isIdentifier, wholeIndexOf } from '../../src/grading/latin-words.ts';

describe('Latin words as wholes', () => {
  it('finds a Latin word only where it is not part of a longer one', () => {
    expect(wholeIndexOf('bgsave和save', 'save')).toBe(7);
    expect(wholeIndexOf('bgsave', 'save')).toBe(-1);
    expect(wholeIndexOf('innodb_flush_log_at_trx_commit', 'commit')).toBe(-1);
  });

  it('holds only the Latin ends of a mixed piece to a boundary', () => {
    expect(wholeIndexOf('bgsave是创建一个子进程', 'save是创建一个子进程')).toBe(-1);
    expect(wholeIndexOf('缓存穿透是指', '穿透是指')).toBe(2);
  });

  it('tells where a Latin word is cut and what an identifier is', () => {
    expect(cutsLatinWord('bgsave', 2)).toBe(true);
    expect(cutsLatinWord('bg save', 2)).toBe(false);
    expect(isIdentifier('s1')).toBe(true);
    expect(isIdentifier('node.js')).toBe(false);
  });
});
