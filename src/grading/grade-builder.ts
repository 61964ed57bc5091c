/**
 * Turns a score and per-key-point coverage into the `Grade` the product shows: bands, covered /
 * missed key points, strengths, gaps and concrete Chinese feedback that names the points.
 */
import type { Coverage, Grade, GradeBand, KeyPoint, Reference } from '../core/types.ts';
import { evidenceClause, quoteMatch, tidyQuote } from './evidence-clause.ts';
import { restsOnGeneralWords } from './general-evidence.ts';
import { shorten, untrustedFlags, wordFeedback, type FeedbackLanguage, type WordedPoint } from './feedback.ts';
import { roundScore, type ScoreFlag } from './offline-scorer.ts';
import { lettersOnly } from './text-analysis.ts';
import { offQuestionPoints } from './unasked-members.ts';

/** Key points shown per grade; the rest are minor and would bury the ones that matter. */
const maximumShownKeyPoints = 8;
const evidenceCharacters = 80;

export function bandOf(score: number): GradeBand {
  if (score >= 8.5) return 'excellent';
  if (score >= 6.5) return 'good';
  if (score >= 4) return 'fair';
  if (score >= 1.5) return 'weak';
  return 'none';
}

/**
 * Recall of a point's content → covered, on the score's own scale: a point is `yes` exactly when
 * scoring counts it as made (`made`, the scorer's pointMade: 0.4, or 1 across languages where only
 * terms are observable), `partial` once it earns a quarter of its weight (scoring credits a point
 * by recall ÷ made). A separate, stricter threshold for the lists made a 10/10 card list "partial …
 * 没讲透" points; a looser scale than scoring's made a 6/10 card show every point ✘ ("lru 是根据最近访问
 * 时间来淘汰" earns 48% of 「lru是根据最近访问时间来进行缓存置换的，…」 at recall 0.19).
 * `complete` is the share of a long note's points that scoring already counts as a complete answer
 * (completePoints ÷ points): on that scale a point earning `complete` of its weight counts as fully as
 * a made point of a short note. Without it a spoken answer to a 16-point note scored 10/10 beside seven
 * points marked half-made, and a terse 7.9 read "每一点都只说了一部分".
 */
export function coverageOf(recall: number, made = 0.4, complete = 1): Coverage {
  if (recall >= made * complete) return 'yes';
  if (recall >= made * partialShare) return 'partial';
  return 'no';
}

/** Share of a point's weight it must earn to be listed as partly made rather than missed. */
const partialShare = 0.25;

export interface GradedPoint {
  text: string;
  weight: number;
  covered: Coverage;
  evidence?: string;
  /** The answer contradicts the point: what it said and what the note says. */
  wrong?: { said: string; notes: string };
}

/**
 * The points a card shows, in note order: every point that earned or cost score first, then the
 * most important of the rest. Picking by weight alone hid what was credited when a long note has
 * more points than a card shows: an answer scored 6 beside eight points all marked missed.
 */
export function selectShownPoints<T extends { weight: number; covered?: Coverage; wrong?: unknown }>(points: readonly T[]): T[] {
  const counted = (point: T) => point.covered === 'yes' || point.covered === 'partial' || Boolean(point.wrong);
  const byWeight = (a: T, b: T) => b.weight - a.weight;
  const ranked = [...points.filter(counted).sort(byWeight), ...points.filter((point) => !counted(point)).sort(byWeight)];
  const kept = new Set(ranked.slice(0, maximumShownKeyPoints));
  return points.filter((point) => kept.has(point));
}

/**
 * A quote that shares only general words with its point (关键, 实现, 数据) is no evidence of it, on any card, so it is
 * not shown; once a guard decided the grade the point is not listed as touched on it either. An off-topic
 * "我觉得关键是先定位瓶颈" had listed 「好友分享 关键点：记录文件hash」 as 部分覆盖, quoting itself. Otherwise the mark stays
 * on the score's scale: the score counted what the point earned.
 */
function withoutHollowEvidence(point: GradedPoint, guarded: boolean): GradedPoint {
  if (!point.evidence || point.wrong || !restsOnGeneralWords(point.text, point.evidence)) return point;
  const { evidence: _hollow, ...rest } = point;
  return guarded ? { ...rest, covered: 'no' } : rest;
}

export interface BuildGradeInput {
  /** The question asked: feedback names points by what they add to it. */
  question?: string;
  score: number;
  points: readonly GradedPoint[];
  flags: readonly ScoreFlag[];
  references: Reference[];
  grader: Grade['grader'];
  fallback: boolean;
  notice?: string;
  /** The language the card is worded in (the session's UI language); Chinese by default. */
  language?: FeedbackLanguage;
  /** Graded against the closest note rather than one that answers the question (the grade's notice says so). */
  closest?: boolean;
}

export function buildGrade(input: BuildGradeInput): Grade {
  const score = roundScore(input.score);
  const band = bandOf(score);
  // Once a guard decided the grade (judged wrong, only names, hedged, off topic…), nothing the answer
  // touched counts as made: listed ✔ beside "没讲…" or a 1.5 it read as the card contradicting itself.
  const guarded = input.flags.some((flag) => untrustedFlags.includes(flag));
  // A denied premise of the question ("Redis 其实是多线程模型" for "Redis 为什么采用单线程模型？") is charged to
  // the note's heaviest point for scoring; on the card, in its list and its gaps alike, it is what the note says.
  const said = (point: GradedPoint) => (point.wrong && !lettersOnly(point.text).includes(lettersOnly(point.wrong.notes)) ? { ...point, text: tidyQuote(point.wrong.notes) } : point);
  const shown = selectShownPoints(input.points.map((point) => said(withoutHollowEvidence(guarded && point.covered === 'yes' ? { ...point, covered: 'partial' as const } : point, guarded))));
  // What the question does not ask is found once, for the card's list and its feedback alike.
  const offQuestion = offQuestionPoints(shown.map((point) => point.text), input.question ?? '');
  const marked: WordedPoint[] = shown.map((point) => (point.covered === 'no' && !point.wrong && offQuestion.has(point.text) ? { ...point, offQuestion: true } : point));
  const byWeight = [...marked].sort((a, b) => b.weight - a.weight);
  const quotes = assignedQuotes(shown);
  const keyPoints: KeyPoint[] = marked.map((point, index) => ({
    text: point.text,
    covered: point.covered,
    weight: point.weight,
    ...(point.wrong ? { contradicted: true } : {}),
    ...(point.offQuestion ? { offQuestion: true } : {}),
    ...(quotes[index] ? { evidence: shorten(quotes[index]!, evidenceCharacters) } : {}),
  }));
  const { strengths, gaps, feedback } = wordFeedback({ question: input.question ?? '', band, points: byWeight, flags: input.flags, ...(input.language ? { language: input.language } : {}), ...(input.closest ? { closest: true } : {}) });

  return {
    score,
    band,
    keyPoints,
    strengths,
    gaps,
    feedback,
    references: input.references,
    grader: input.grader,
    fallback: input.fallback,
    ...(input.notice ? { notice: input.notice } : {}),
  };
}

/**
 * The clause each point quotes. A contradiction quotes what was said; a made or touched point, the clause of the answer
 * about it (evidenceClause). A clause quoted for a point it makes is about that point: quoted again for a point it only
 * touches (「共三个阶段 选举leader」 under 数据同步 and 请求广播 as well as under 选举leader), it read as evidence of what it does
 * not say. Among touched points the clause is the one's it matches best: 「save 阻塞主线程」 had been the quote of both 「区别在于
 * 是否阻塞主线程」 and 「为什么这样做：减少创建子进程时的性能损耗」. A clause can make two points, so made points keep theirs.
 */
function assignedQuotes(points: readonly GradedPoint[]): (string | undefined)[] {
  const first = points.map((point) => (point.evidence && (point.covered !== 'no' || point.wrong) ? (point.wrong ? tidyQuote(point.evidence) : evidenceClause(point.text, point.evidence)) : undefined));
  const owner = new Map<string, number>();
  // Each point's claim to its own quote, worked out once: made first, then how well the quote matches it.
  const ranks = first.map((quote, index) => [points[index]!.covered === 'yes' ? 1 : 0, quote ? quoteMatch(points[index]!.text, quote) : 0] as const);
  const rank = (index: number) => ranks[index]!;
  first.forEach((quote, index) => {
    if (!quote || points[index]!.wrong) return;
    const held = owner.get(quote);
    const [made, match] = rank(index);
    const [heldMade, heldMatch] = held === undefined ? [-1, -1] : rank(held);
    if (made > heldMade || (made === heldMade && match > heldMatch)) owner.set(quote, index);
  });
  // A quote within another point's ("save 在主线程里写 RDB" within "save 在主线程里写 RDB，会阻塞") is that clause quoted again:
  // it stays with the point that matches it better.
  const within = (index: number, other: number) => first[other] !== undefined && first[other] !== first[index] && first[other]!.includes(first[index]!);
  const outranked = (index: number) =>
    first.some((_, other) => other !== index && !points[other]!.wrong && within(index, other) && quoteMatch(points[other]!.text, first[index]!) > quoteMatch(points[index]!.text, first[index]!));
  return first.map((quote, index) => (quote && points[index]!.covered === 'partial' && !points[index]!.wrong && (owner.get(quote) !== index || outranked(index)) ? undefined : quote));
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
