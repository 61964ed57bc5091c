/**
 * What a follow-up answer itself did, for the card shown beside it. The turn's grade stays the
 * question's (everything said on it, question-grade.ts); beside it the card shows this answer's own
 * result: on a follow-up about the same note, the points it made that the earlier answers had not;
 * on a deeper question about another card, its own grade against that card. Without it the card
 * after "不知道" showed the main answer's 10, and every follow-up re-showed the whole question's card.
 */
import type { Card, Coverage, FollowupResult, Grade, KeyPoint } from '../core/types.ts';
import { pointWeightIn } from '../grading/evidence-clause.ts';
import { shorten } from '../grading/feedback.ts';
import { pointTopic } from '../grading/point-topics.ts';
import type { RankedPoint } from './key-points.ts';

const coverageRank: Record<Coverage, number> = { no: 0, partial: 1, yes: 2 };

/** Topics named in one sentence: more would read as a list. */
const namedTopics = 3;

type Language = 'zh' | 'en';

const wording: Record<Language, { nothing: string; none: string; added: (topics: string) => string; deeperNothing: string; wrong: (said: string, notes: string) => string }> = {
  zh: {
    nothing: '这次追问没有答出内容，本题保留之前回答的成绩。',
    wrong: (said, notes) => `这次追问的回答和笔记不一致：你说「${said}」，但笔记里是「${notes}」。`,
    none: '这次追问的回答没有补上新的要点。',
    added: (topics) => `这次追问补上了：${topics}。`,
    deeperNothing: '这道深入的追问没有答出内容，不影响本题之前回答的成绩。',
  },
  en: {
    nothing: 'Nothing was said in answer to the follow-up; the question keeps the grade of the earlier answers.',
    wrong: (said, notes) => `The follow-up answer disagrees with the notes: you said "${said}", the notes say "${notes}".`,
    none: 'The follow-up answer added no new key point.',
    added: (topics) => `The follow-up answer added: ${topics}.`,
    deeperNothing: 'Nothing was said in answer to the deeper follow-up; the question keeps the grade of the earlier answers.',
  },
};

/** Longest quote of what was said, or of the note, in a follow-up's disagreement. */
const quotedCharacters = 40;

/** The points the joined grade finds contradicted that the question's earlier grade did not. */
export function newlyContradicted(earlier: Grade | undefined, after: Grade): KeyPoint[] {
  const before = new Set(earlier?.keyPoints.filter((point) => point.contradicted).map((point) => point.text));
  return after.keyPoints.filter((point) => point.contradicted && !before.has(point.text));
}

/** Text as a quote is searched for: no spacing or punctuation, which the grader's quotes tidy away. */
const searchable = (text: string) => text.replace(/[\s\p{P}\p{S}]+/gu, '').toLowerCase();

/**
 * Whether this answer's own words make the point its joined grade quotes. The joined text is read in
 * windows that can run from the end of an earlier answer into this one: 「ZK可以保存对应的key-value」 then
 * 「我觉得主要就是加锁，然后所有节点都要同意才行」 read as half of 「ZK可以监控每个服务的连接情况…」, and the
 * card said the follow-up had made it. A quote within this answer counts; one reaching back into the
 * earlier answers counts when most of what it shares with the point is this answer's. A point graded
 * without a quote is this answer's when it says some of the point's words the earlier answers did not.
 */
function madeByThisAnswer(point: KeyPoint, answer: string, earlier: string): boolean {
  if (!point.evidence) return pointWeightIn(point.text, answer, { besides: earlier }) > 0;
  const quote = searchable(point.evidence);
  const own = searchable(answer);
  if (own.includes(quote)) return true;
  const joined = `${searchable(earlier)}${own}`;
  const start = joined.lastIndexOf(quote);
  const answerStart = joined.length - own.length;
  // A model's quote need not be verbatim (its evidence is checked by bigram share, llm-grader.ts): one found nowhere is
  // judged by where its words are.
  if (start < 0) return pointWeightIn(point.text, answer, { quote: point.evidence }) > pointWeightIn(point.text, earlier, { quote: point.evidence });
  if (start + quote.length <= answerStart) return false;
  // Split as written, not in the searchable form: run together there, 「LFU」 then 「FIFO LRU TTL」 read as one word
  // "lfufifolruttl", which makes none of the points, and a follow-up naming every strategy was told it added nothing.
  const [earlierPart, ownPart] = splitAfterSearchable(point.evidence, answerStart - start);
  return pointWeightIn(point.text, ownPart) > pointWeightIn(point.text, earlierPart);
}

/** The text split after its first `count` searchable characters (those `searchable` keeps). */
function splitAfterSearchable(text: string, count: number): [string, string] {
  let seen = 0;
  let index = 0;
  // By code point, as `searchable` reads them (an emoji is one symbol, two code units).
  for (const character of text) {
    if (seen === count) break;
    seen += searchable(character).length;
    index += character.length;
  }
  return [text.slice(0, index), text.slice(index)];
}

/**
 * The points a follow-up answer made or raised: `before` graded without it, `after` with it (the
 * earlier answers and this one joined), each credited only where this answer's words make it.
 */
export function addedPoints(before: readonly RankedPoint[], after: Grade, followup: { answer: string; earlier: string; nonAnswer: boolean }): string[] {
  if (followup.nonAnswer) return [];
  const earlier = new Map(before.map((point) => [point.text, coverageRank[point.covered]]));
  return after.keyPoints
    .filter((point) => point.covered !== 'no' && coverageRank[point.covered] > (earlier.get(point.text) ?? 0) && madeByThisAnswer(point, followup.answer, followup.earlier))
    .map((point) => point.text);
}

export function followupResult(input: {
  card: Card;
  /** The question's grade after this answer. */
  questionScore: number;
  language: Language;
  /** The points this answer made that the earlier answers had not (addedPoints). */
  added: readonly string[];
  /** What this answer said against the notes that the earlier answers had not (newlyContradicted). */
  contradicted?: readonly KeyPoint[];
  nonAnswer: boolean;
  /** A deeper question's own grade, against the card it asks about. */
  deeper?: { card: Card; grade: Grade; nonAnswer: boolean };
}): FollowupResult {
  const words = wording[input.language];
  if (input.deeper) {
    const { card, grade, nonAnswer } = input.deeper;
    return {
      kind: 'deeper',
      question: card.question,
      score: grade.score,
      added: [],
      nonAnswer,
      feedback: nonAnswer ? words.deeperNothing : grade.feedback,
      questionScore: input.questionScore,
    };
  }
  const topics = [...new Set(input.added.map((text) => pointTopic(text, input.card.question)))].slice(0, namedTopics);
  // A follow-up answer that says the opposite of the notes is told so, as the main card would tell it, not 「没有补上新的要点」 alone.
  const [wrong] = input.contradicted ?? [];
  const disagreement = wrong?.evidence ? words.wrong(shorten(wrong.evidence, quotedCharacters), shorten(wrong.text, quotedCharacters)) : '';
  const feedback = input.nonAnswer ? words.nothing : `${disagreement}${topics.length ? words.added(topics.join(input.language === 'en' ? '; ' : '；')) : disagreement ? '' : words.none}`;
  return { kind: 'followup', added: [...input.added], nonAnswer: input.nonAnswer, feedback, questionScore: input.questionScore };
}
