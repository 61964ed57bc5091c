import { describe, expect, it } from 'vitest';
import { coverPoint, viewAnswer } from '../../src/grading/coverage.ts';
import { extractAllKeyPoints } from '../../src/grading/key-points.ts';
import { profileText } from '../../src/grading/text-analysis.ts';

const questionUnitsOf = (question: string) => new Set(profileText(question).units.keys());

describe('交错 / 穿插 are 交替 (text-analysis.ts variantSpellings)', () => {
  it('an answer saying the elements 交错 makes the point the note words 交替', () => {
    const question = '归并两个有序表时，比较次数最多的情况下两个表有什么特征？';
    const note = '两个表的元素正好交替排列，每取一个元素都要和另一个表比较一次。';
    const [point] = extractAllKeyPoints(note, 0);
    // Before: 交错 shared no unit with 交替.
    expect(coverPoint(point!, viewAnswer('两个表的元素交错排列。'), questionUnitsOf(question), {}).recall).toBeGreaterThanOrEqual(0.4);
    expect(profileText('两表的元素互相穿插').units.has('交替')).toBe(true);
  });

  it('guard: other 交 words keep their own units', () => {
    const units = profileText('相邻元素两两比较并交换，交叉验证').units;
    expect(units.has('交换')).toBe(true);
    expect(units.has('交叉')).toBe(true);
    expect(units.has('交替')).toBe(false);
  });
});
