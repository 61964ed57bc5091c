import { describe, expect, it } from 'vitest';
import { formulaVariables, readFormula, sameQuantity } from '../../src/grading/formula-value.ts';
import { gradeOffline } from '../../src/grading/offline-grader.ts';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';

describe('whether two result formulas are the same quantity', () => {
  it('equates the forms people write one result in, and tells apart results that differ', () => {
    expect(sameQuantity('3(n-i+1)', '3*(n+1-i)')).toBe(true);
    expect(sameQuantity('ai=3n-3(i-1)', '3n-3i+3')).toBe(true);
    expect(sameQuantity('$c=n(n+1)(2n+1)/6', 'n(n+1)(2n+1)/6')).toBe(true);
    expect(sameQuantity('o(nlogn)', 'o(nlog(n))')).toBe(true);
    expect(sameQuantity('(2)(2n+1)/3', '(2n+1)/3')).toBe(true);
    expect(sameQuantity('2^n-1', '2^(n-1)')).toBe(false);
    expect(sameQuantity('(n-1)/2', 'n/2')).toBe(false);
    expect(sameQuantity('o(1)', 'o(n)')).toBe(false);
  });

  it('reads no value from what is not arithmetic: a range, a bare count, a stray symbol, an over-long text', () => {
    expect(readFormula('0<=i<=n-1')).toBeUndefined();
    expect(readFormula('8')).toBeUndefined();
    expect(readFormula('n#1')).toBeUndefined();
    expect(readFormula(`${'n+'.repeat(30)}1`)).toBeUndefined();
    expect(sameQuantity('n+', 'n')).toBeUndefined();
    expect(formulaVariables('ai=3(n+1-i)')).toBe('in');
    expect(formulaVariables('o(nlogn)')).toBe('n');
  });
});

describe('an answer that gives another value for the result asked for', () => {
  const question = '有n个节点并且高度为n的二叉树的个数是多少？';
  const note = '对于具有n个节点且高度为n的二叉树，每个分支节点都只有一个子节点，这个子节点可以是左子节点也可以是右子节点。由于分支节点共有n-1个，因此这种树的总数为2^(n-1)种。';
  const grade = (answer: string) => scoreAnswer({ question, answer, references: [note] });

  it('is wrong however much of the reasoning it shares, and right when it states the result in any form', () => {
    const wrong = grade('n个节点高度为n说明每个节点只有一个孩子，要么是左孩子要么是右孩子，一共有n-1个节点可以有孩子，所以一共有2^n-1个。');
    expect(wrong.flags).toContain('wrong-result');
    expect(wrong.score).toBeLessThanOrEqual(1);
    const right = grade('每个分支节点只有一个孩子，左右两种选择，分支节点有n-1个，所以一共2^(n-1)种。');
    expect(right.flags).toContain('right-result');
    expect(right.score).toBeGreaterThanOrEqual(7);
  });

  it('says on the card that the result is wrong, and praises none of the reasoning', () => {
    const { grade } = gradeOffline({ question, answer: 'n个节点高度为n说明每个节点只有一个孩子，要么是左孩子要么是右孩子，一共有n-1个节点可以有孩子，所以一共有2^n-1个。', references: [{ source: 'notes.md', heading: question, text: note }] });
    expect(grade.score).toBeLessThanOrEqual(1);
    expect(grade.feedback).toContain('给出的结果和笔记里的不一样');
    expect(grade.strengths).toEqual([]);
  });

  it('leaves a formula of other letters, or one step of the derivation, to coverage', () => {
    expect(grade('分支节点共有 n-1 个，每个有两种选择，具体多少我算不出来。').flags).not.toContain('wrong-result');
    expect(grade('第 i 层的节点可以是左孩子或右孩子，共 2(i-1) 种走法。').flags).not.toContain('wrong-result');
  });
});
