/**
 * A question's grade, defined once. A question is asked, maybe followed up, maybe hinted at and
 * maybe skipped part-way; each answer is graded on everything said so far (hint-capped), so the
 * question's grade is its best graded answer, the latest on ties. A skip before any answer is a
 * 0; a skip after one (of a follow-up) keeps what was answered. The engine's running score, the
 * card shown after a skip, the report, the export, history and the FSRS review all read this.
 */
import type { Card, Grade, Reference, Turn } from '../core/types.ts';
import { roundScore } from '../grading/offline-scorer.ts';
import { pointTopic } from '../grading/point-topics.ts';
import { listedNames } from '../ingest/name-lists.ts';
import type { RankedPoint } from './key-points.ts';

export const keptAfterSkipNotice = '跳过了追问，本题保留已作答部分的成绩';

/** Whether `candidate` replaces `current` as the question's grade. */
function isBetter(candidate: Grade, current: Grade | undefined): boolean {
  return !current || candidate.score >= current.score;
}

/** The running score after one more graded answer. */
export function nextBestScore(best: number | null, grade: Grade): number {
  return roundScore(Math.max(best ?? 0, grade.score));
}

/**
 * The question's grade after a follow-up answer. That answer is graded with everything said before
 * it, and the joined text can read a little further into points already partly made without making
 * any: a wrong 「所有节点都要同意才行」 after a Raft answer took 5.4 to 5.7 while its card said it
 * added nothing. Only a point the follow-up makes (`added`) lets the joined grade stand.
 */
export function followupQuestionGrade(joined: Grade, earlier: Grade | undefined, added: readonly string[] | undefined): Grade {
  return earlier && added?.length === 0 ? earlier : joined;
}

/** The question's grade from its turns: best answer grade, else the 0 of a skip, else none. */
export function gradeOfQuestion(turns: readonly Turn[], questionId: string): Grade | undefined {
  let best: Grade | undefined;
  let skipped: Grade | undefined;
  for (const turn of turns) {
    if (turn.role !== 'candidate' || turn.questionId !== questionId || !turn.grade) continue;
    if (turn.kind === 'skip') skipped ??= turn.grade;
    else if (isBetter(turn.grade, best)) best = turn.grade;
  }
  return best ?? skipped;
}

export function referencesOf(card: Card | undefined): Reference[] | undefined {
  if (!card?.answered) return undefined;
  // Key points the owner fixed (题库 page), or the LLM compiled from the note, are what the answer is graded on;
  // so are a list's names, which the grader's own cut of the note would pair up ("FIFO LFU", "LRU TTL").
  const keyPoints = card.edit?.keyPoints || card.compiled?.keyPoints || listedNames(card.reference).length > 0 ? { keyPoints: card.keyPoints.map(({ text, weight }) => ({ text, weight })) } : {};
  return [{ source: card.source, heading: card.headingPath.join(' > '), text: card.reference, ...keyPoints }];
}

/**
 * The grade of a question skipped before any answer: 0, with the points to review named by what they
 * are about ("save 为什么会造成阻塞：…", point-topics.ts), not as a bag of their terms ("fork、函数").
 */
export function skippedGrade(card: Card, points: readonly RankedPoint[], toReview: readonly string[]): Grade {
  const topics = [...new Set(toReview.map((point) => pointTopic(point, card.question)))].slice(0, 2);
  return {
    score: 0,
    band: 'none',
    keyPoints: points.map((point) => ({ text: point.text, covered: 'no' })),
    strengths: [],
    gaps: points.slice(0, 3).map((point) => `没有提到：${pointTopic(point.text, card.question)}`),
    feedback: [
      '你跳过了这道题，本题记 0 分。',
      topics.length > 0 ? `复习时重点看看：${topics.join('；')}。` : '',
      '建议对照参考答案复习后再来练一次。',
    ]
      .filter(Boolean)
      .join(''),
    references: referencesOf(card) ?? [],
    grader: 'offline',
    fallback: false,
  };
}

/** The grade a skip of a follow-up shows: what was answered, saying why it stands. */
export function keptGrade(grade: Grade): Grade {
  const notice = grade.notice?.includes(keptAfterSkipNotice) ? grade.notice : grade.notice ? `${grade.notice}；${keptAfterSkipNotice}` : keptAfterSkipNotice;
  return { ...grade, notice };
}
