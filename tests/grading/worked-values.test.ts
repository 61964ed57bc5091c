import { describe, expect, it } from 'vitest';
import { profiledText, profileText } from '../../src/grading/text-analysis.ts';

const units = (text: string) => new Set(profileText(text).units.keys());

describe('a product of whole numbers is the value it comes to (text-analysis.ts)', () => {
  // The note divides by 「24 × 60 × 60」 seconds, the answer by 86400: one value, written two ways.
  it('gives the note\'s product and the answer\'s number the same unit', () => {
    const note = units('30万/(24 × 60 × 60)秒 = 3.47个请求每秒');
    const answer = units('30 万 ÷ 86400 秒 ≈ 3.47');
    expect(note.has('86400')).toBe(true);
    expect(answer.has('86400')).toBe(true);
    expect(note.has('24')).toBe(false);
  });

  it('leaves decimals and letters beside a product as written', () => {
    expect(units('4×0.4M=1.6MB').has('16')).toBe(false);
    expect(units('4×0.4M=1.6MB').has('$4*0.4m')).toBe(true);
    expect(units('每层 2 × n 个节点').has('2')).toBe(true);
  });
});

describe('a spelt-out size unit and rounding words are folded (variant-spellings.ts)', () => {
  it('reads 1.6MByte as 1.6MB', () => {
    expect(profiledText('1.6MByte × 8bit')).toContain('1.6mb ');
    expect(profiledText('写了 3 KBytes')).toContain('3 kb');
    // A word that only ends in the letters is not a size.
    expect(profiledText('the bytes field')).toContain('bytes');
  });

  it('reads 化整 as 取整', () => {
    expect(profiledText('将请求化整，就是4个请求每秒')).toContain('取整');
  });
});
