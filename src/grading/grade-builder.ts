/**
 * Turns a score and per-key-point coverage into the `Grade` the product shows: bands, covered /
 * missed key points, strengths, gaps and concrete Chinese feedback that names the points.
 */
import type { Coverage, Grade, GradeBand, KeyPoint, Reference } from '../core/types.ts';
import { roundScore, type ScoreFlag } from './offline-scorer.ts';

/** Key points shown per grade; the rest are minor and would bury the ones that matter. */
export const maximumShownKeyPoints = 8;
const pointLabelCharacters = 28;
const evidenceCharacters = 80;

export function bandOf(score: number): GradeBand {
  if (score >= 8.5) return 'excellent';
  if (score >= 6.5) return 'good';
  if (score >= 4) return 'fair';
  if (score >= 1.5) return 'weak';
  return 'none';
}

/** Recall of a point's content → covered. Half the content of a point, in any order, is the point made. */
export function coverageOf(recall: number): Coverage {
  if (recall >= 0.5) return 'yes';
  if (recall >= 0.2) return 'partial';
  return 'no';
}

export interface GradedPoint {
  text: string;
  weight: number;
  covered: Coverage;
  evidence?: string;
}

/** The most important points, shown in note order. */
export function selectShownPoints<T extends { weight: number }>(points: readonly T[]): T[] {
  const kept = new Set([...points].sort((a, b) => b.weight - a.weight).slice(0, maximumShownKeyPoints));
  return points.filter((point) => kept.has(point));
}

function shorten(text: string, length: number): string {
  const characters = Array.from(text.replace(/\s+/g, ' ').trim());
  return characters.length > length ? `${characters.slice(0, length).join('')}…` : characters.join('');
}

function quoted(points: readonly GradedPoint[]): string {
  return points.map((point) => `「${shorten(point.text, pointLabelCharacters)}」`).join('、');
}

const bandOpening: Record<GradeBand, string> = {
  excellent: '整体回答得很完整，和笔记的要点基本一致。',
  good: '回答抓住了大部分要点，思路清楚。',
  fair: '回答答到了一部分要点，但还不够完整。',
  weak: '回答只触及了很少的要点，离笔记里的答案还有明显差距。',
  none: '这次回答没有给出能对上笔记要点的内容。',
};

const flagSentences: Partial<Record<ScoreFlag, string>> = {
  injection: '回答里有试图影响评分的指令性文字，这部分已被忽略，并按无效内容处理。',
  'wrong-verdict': '判断结论与笔记相反，这道判断题的核心结论答错了。',
  'list-of-terms': '回答主要是在罗列术语，没有解释它们之间的关系和作用。',
  'swapped-values': '几个取值和它们的含义对应错了，和笔记里的说法正好错开。',
  dontknow: '你表示对这道题不太清楚，建议先对照参考答案把要点过一遍再练。',
  offtopic: '回答的内容和题目关系不大，请围绕题目本身作答。',
  empty: '没有收到有效的回答内容。',
};

export interface BuildGradeInput {
  score: number;
  points: readonly GradedPoint[];
  flags: readonly ScoreFlag[];
  references: Reference[];
  grader: Grade['grader'];
  fallback: boolean;
  notice?: string;
}

export function buildGrade(input: BuildGradeInput): Grade {
  const score = roundScore(input.score);
  const band = bandOf(score);
  const shown = selectShownPoints(input.points);
  const byWeight = [...shown].sort((a, b) => b.weight - a.weight);
  const covered = byWeight.filter((point) => point.covered === 'yes');
  const partial = byWeight.filter((point) => point.covered === 'partial');
  const missed = byWeight.filter((point) => point.covered === 'no');
  const keyPoints: KeyPoint[] = shown.map((point) => ({
    text: point.text,
    covered: point.covered,
    weight: point.weight,
    ...(point.evidence && point.covered !== 'no' ? { evidence: shorten(point.evidence, evidenceCharacters) } : {}),
  }));
  const untrusted = ['injection', 'wrong-verdict', 'swapped-values'].some((flag) => input.flags.includes(flag as ScoreFlag));
  const strengths = untrusted ? [] : [...covered, ...partial].slice(0, 3).map((point) => `讲到了：${shorten(point.text, 40)}`);
  const gaps = [...missed, ...partial].slice(0, 3).map((point) => `${point.covered === 'partial' ? '没讲透' : '没有提到'}：${shorten(point.text, 40)}`);

  const sentences = [bandOpening[band]];
  for (const flag of input.flags) {
    const sentence = flagSentences[flag];
    if (sentence && sentences.length < 3) sentences.push(sentence);
  }
  const mentionedPartial = !untrusted && !covered.length ? partial.slice(0, 2) : [];
  if (!untrusted && covered.length) sentences.push(`你讲到了${quoted(covered.slice(0, 2))}。`);
  else if (mentionedPartial.length) sentences.push(`你提到了${quoted(mentionedPartial)}，但解释得还不够充分。`);
  const stillMissing = [...missed, ...partial.filter((point) => !mentionedPartial.includes(point))];
  if (stillMissing.length) sentences.push(`还可以补充${quoted(stillMissing.slice(0, 2))}，这是笔记里的要点。`);
  if (sentences.length < 2) sentences.push('可以对照下方引用的笔记原文再复述一遍。');

  return {
    score,
    band,
    keyPoints,
    strengths,
    gaps,
    feedback: sentences.slice(0, 5).join(''),
    references: input.references,
    grader: input.grader,
    fallback: input.fallback,
    ...(input.notice ? { notice: input.notice } : {}),
  };
}

/** The grade when the notes hold nothing that matches the question. */
export function noReferenceGrade(notice?: string): Grade {
  return {
    score: 0,
    band: 'none',
    keyPoints: [],
    strengths: [],
    gaps: ['笔记里没有与这道题对应的内容'],
    feedback:
      '在你的笔记里没有找到与这道题对应的参考答案，所以这次没有对照评分，分数不代表回答质量。可以把这道题的要点补充进笔记，重新建立索引后再练习。',
    references: [],
    grader: 'offline',
    fallback: false,
    ...(notice ? { notice } : {}),
  };
}
