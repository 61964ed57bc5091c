import { describe, expect, it } from 'vitest';
import { buildGrade, coverageOf } from '../../src/grading/grade-builder.ts';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';

describe('a point met only in general words is not made (coverage.ts grounds, answer-coverage.ts withoutGeneralOnly)', () => {
  const note = `- 高可用：领导者失效时，跟随者超时后发起选举，很快选出新的领导者，保证系统持续可用
- 性能开销：每个写操作都要把日志复制到多数派节点，带来一定的性能开销
- 强一致：日志在多数派上持久化后才提交，读到的都是已提交的数据`;
  const question = 'Raft 有什么优缺点？';
  const marks = (answer: string) => scoreAnswer({ question, answer, references: [note] }).points.map((point) => coverageOf(point.coverage.recall));

  it('generic talk sharing 保证, 系统, 性能, 一定 with the note makes no point and scores at most 2', () => {
    // Before: 4.4 from the points on 高可用 and 性能开销 marked partly made on 保证系统 / 性能 / 开销 alone.
    const generic = '这个问题挺常见的，主要就是要注意一些细节，保证系统稳定，性能也要考虑到，会有一定的开销。';
    const score = scoreAnswer({ question, answer: generic, references: [note] });
    expect(score.score).toBeLessThanOrEqual(2);
    expect(marks(generic).every((mark) => mark === 'no')).toBe(true);
    const card = buildGrade({ score: score.score, points: score.points.map(({ spec, coverage }) => ({ text: spec.text, weight: spec.weight, covered: coverageOf(coverage.recall) })), flags: score.flags, references: [], grader: 'offline', fallback: false });
    expect(card.strengths).toEqual([]);
  });

  it('guard: a short answer naming the points on their own terms keeps its credit', () => {
    const specific = '领导者挂了跟随者超时就重新选举；缺点是每次写都要把日志复制到多数派。';
    expect(scoreAnswer({ question, answer: specific, references: [note] }).score).toBeGreaterThanOrEqual(5);
    expect(marks(specific).slice(0, 2)).not.toContain('no');
  });

  it('guard: general words still count beside what the answer says specifically', () => {
    // 性能开销 is met in general words only, but the answer names the election and the majority: it is an answer.
    const mixed = '领导者失效会重新选举，保证系统可用；每个写操作都要复制到多数派，有一定的性能开销。';
    expect(marks(mixed)[1]).not.toBe('no');
  });
});
