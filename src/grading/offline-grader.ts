/**
 * The offline grader: scores an answer against reference passages with `scoreAnswer` and words
 * the result as a `Grade`. Synchronous and runtime-agnostic; no model, no network.
 */
import type { Grade, Reference } from '../core/types.ts';
import { completeShare } from './answer-coverage.ts';
import { addsToQuestion } from './general-evidence.ts';
import { profileText } from './text-analysis.ts';
import { viewAnswer } from './coverage.ts';
import { untrustedFlags, type FeedbackLanguage } from './feedback.ts';
import { saysLabel } from './named-points.ts';
import { buildGrade, coverageOf, type GradedPoint } from './grade-builder.ts';
import { defaultScoringParameters, scoreAnswer, type OfflineScore } from './offline-scorer.ts';

export interface OfflineGradeResult {
  grade: Grade;
  details: OfflineScore;
}

/** `scored` is the answer's score against these same references when the caller already worked it out (`answered-reference.ts`). */
export function gradeOffline(request: { question: string; answer: string; references: Reference[]; language?: FeedbackLanguage; closest?: boolean; scored?: OfflineScore }): OfflineGradeResult {
  const details =
    request.scored ??
    scoreAnswer({
      question: request.question,
      answer: request.answer,
      references: request.references.map((reference) => reference.text),
      headings: request.references.map((reference) => reference.heading),
      keyPoints: request.references.map((reference) => reference.keyPoints),
    });
  const complete = completeShare(details.points.filter(({ coverage }) => coverage.mass > 0).length, defaultScoringParameters);
  // A point that only restates the question is neither made nor missed: 「没讲zookeeper使用ZAB协议的」 told a candidate who
  // had said just that to say it. Unless no point says more, when the card has nothing else to show.
  const questionUnits = new Set(profileText(request.question).units.keys());
  const own = details.points.filter(({ spec, wrong }) => wrong || addsToQuestion(spec.profile, questionUnits));
  // A point the answer names by its label is touched, not missed (named-points.ts); not once a guard decided the grade.
  const guarded = details.flags.some((flag) => untrustedFlags.includes(flag));
  const answer = guarded ? undefined : viewAnswer(request.answer);
  const points: GradedPoint[] = (own.length ? own : details.points).map(({ spec, coverage, wrong }) => {
    const covered = wrong ? 'no' : coverageOf(coverage.recall, coverage.observable < 1 ? defaultScoringParameters.crossLingualPointMade : defaultScoringParameters.pointMade, complete);
    const named = covered === 'no' && !wrong && answer ? saysLabel(spec, answer, questionUnits, defaultScoringParameters.pointMade) : undefined;
    const evidence = named ?? coverage.evidence;
    return { text: spec.text, weight: spec.weight, covered: named ? 'partial' : covered, ...(evidence ? { evidence } : {}), ...(wrong ? { wrong } : {}) };
  });
  const grade = buildGrade({
    question: request.question,
    score: details.score,
    points,
    flags: details.flags,
    references: request.references,
    grader: 'offline',
    fallback: false,
    ...(request.language ? { language: request.language } : {}),
    ...(request.closest ? { closest: true } : {}),
  });
  return { grade, details };
}
