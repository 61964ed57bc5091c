import { describe, expect, it } from 'vitest';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';
import { statesListedSequence } from '../../src/grading/sequence-term.ts';

describe('a general term states a result the note gives as a list of terms (sequence-term.ts)', () => {
  const question = '把 2、4、6、…、2n 依次入栈，再全部出栈，出栈序列为 b1、b2、…、bn，求 bi，并说明原因。';
  const note = '入栈次序为2、4、6、...、2n，栈是后进先出的，最后入栈的最先出栈，所以出栈序列为2n、2n-2、...、4、2。';

  it('"bi=2(n-i+1)" is the note\'s 2n、2n-2、… and earns the right-result floor', () => {
    const answer = 'bi=2（n-i+1），因为最后入栈的 2n 最先出栈。';
    expect(statesListedSequence(question, [note], answer)).toBe(true);
    // Before: the note's list holds no formula of i, so the answer's term matched nothing (no right result).
    const score = scoreAnswer({ question, answer, references: [note] });
    expect(score.flags).toContain('right-result');
    expect(score.score).toBeGreaterThanOrEqual(8);
  });

  it('other spellings of the same term, and a range written after it, read the same', () => {
    for (const answer of ['bi 为 2n+2-2i', 'b_i = 2n - 2*(i - 1)', '所以bi=2(n-i+1)(1<=i<=n)']) expect(statesListedSequence(question, [note], answer)).toBe(true);
  });

  it('guard: a term that gives other leading terms is not the result', () => {
    for (const answer of ['bi=2n-2i-2', 'bi=2i', 'bi=2(n-i)']) {
      expect(statesListedSequence(question, [note], answer)).toBe(false);
      expect(scoreAnswer({ question, answer, references: [note] }).flags).not.toContain('right-result');
    }
  });

  it('guard: a term of another sequence than the one asked, or a list of numbers only, is no evidence', () => {
    expect(statesListedSequence(question, [note], 'ci=2(n-i+1)')).toBe(false);
    expect(statesListedSequence(question, ['入栈次序为2、4、6、...、20。'], 'bi=2i')).toBe(false);
  });
});
