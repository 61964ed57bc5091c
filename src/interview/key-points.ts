/**
 * Key-point bookkeeping on grades: the importance order of a grade's points (for the report and
 * the LLM interviewer), and how hints cap a question's score.
 */
import type { Coverage, Grade, KeyPoint } from '../core/types.ts';
import { bandOf } from '../grading/grade-builder.ts';
import { extractKeyPoints } from '../grading/key-points.ts';

export interface RankedPoint {
  text: string;
  covered: Coverage;
}

const coverageOrder: Record<Coverage, number> = { no: 0, partial: 1, yes: 2 };

function weightOf(point: KeyPoint): number {
  // Without weights, the grader's own order stands as the importance order.
  return typeof point.weight === 'number' && Number.isFinite(point.weight) ? point.weight : 0;
}

/**
 * Orders a grade's key points for asking: missed before covered; within those, heavier first,
 * then 'no' before 'partial', then the grader's own order.
 */
export function rankPoints(keyPoints: readonly KeyPoint[]): RankedPoint[] {
  // A point the question does not ask about is not one to follow up, hint at or review (KeyPoint.offQuestion).
  return keyPoints
    .filter((point) => !point.offQuestion)
    .map((point, order) => ({ point, order }))
    .sort((a, b) => {
      const missedA = a.point.covered === 'yes' ? 1 : 0;
      const missedB = b.point.covered === 'yes' ? 1 : 0;
      return (
        missedA - missedB ||
        weightOf(b.point) - weightOf(a.point) ||
        coverageOrder[a.point.covered] - coverageOrder[b.point.covered] ||
        a.order - b.order
      );
    })
    .map(({ point }) => ({ text: point.text, covered: point.covered }));
}

/**
 * Gives a grade's key points the importance weights of the reference they were taken from, when
 * the grader did not attach its own; if the texts do not line up, the grader's order stands.
 */
export function weighPoints(keyPoints: readonly KeyPoint[], reference: string | undefined): KeyPoint[] {
  if (!reference || keyPoints.every((point) => typeof point.weight === 'number')) return [...keyPoints];
  const weights = new Map(extractKeyPoints(reference).map((point) => [point.text, point.weight]));
  if (!keyPoints.every((point) => weights.has(point.text))) return [...keyPoints];
  return keyPoints.map((point) => ({ ...point, weight: point.weight ?? weights.get(point.text) }));
}

/** Shown per hint-able question; matches what a grade card lists, so a hint names a point the card shows. */
const referencePointLimit = 8;

/** A reference's most important key points, heaviest first, none covered yet: the source of hints. */
export function referencePoints(reference: string): RankedPoint[] {
  return [...extractKeyPoints(reference)]
    .sort((a, b) => b.weight - a.weight)
    .slice(0, referencePointLimit)
    .map((point) => ({ text: point.text, covered: 'no' as const }));
}

/** Highest score a question can still earn after 0, 1, 2, 3 hints. */
const hintCaps = [10, 7, 5, 3] as const;
export const maxHints = hintCaps.length - 1;

export function hintCap(hints: number): number {
  return hintCaps[Math.min(Math.max(hints, 0), maxHints)] ?? 3;
}

/** Applies the hint cap to a grade, recording why in its notice; an uncapped grade is returned as is. */
export function capGrade(grade: Grade, hints: number): Grade {
  const cap = hintCap(hints);
  if (hints === 0 || grade.score <= cap) return grade;
  const reason = `使用了 ${hints} 次提示，本题最高 ${cap} 分（原始得分 ${grade.score}）`;
  return { ...grade, score: cap, band: bandOf(cap), notice: grade.notice ? `${grade.notice}；${reason}` : reason };
}
