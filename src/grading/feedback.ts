/**
 * The feedback a grade card shows, worded from the graded points so that score, band, lists and
 * sentences agree: points are named by their concepts ("没讲 bgsave、fork"), never by pasting a
 * note sentence; a contradicted point is said as "你说「X」，但笔记里是「Y」"; no praise after an
 * answer the guards caught (injection, off-topic, "不知道", a bare list of terms, a wrong verdict).
 */
import type { Coverage, GradeBand } from '../core/types.ts';
import { conceptsIn } from '../ingest/claims.ts';
import { memoByText } from './grading-memo.ts';
import type { ScoreFlag } from './offline-scorer.ts';

export interface WordedPoint {
  text: string;
  weight: number;
  covered: Coverage;
  /** The answer contradicts the point: what it said and what the note says. */
  wrong?: { said: string; notes: string };
}

/** Flags after which nothing the answer said is praised. */
export const untrustedFlags: readonly ScoreFlag[] = ['injection', 'wrong-verdict', 'swapped-values', 'mostly-wrong', 'hedged', 'offtopic', 'dontknow', 'question-back', 'list-of-terms', 'empty'];

/** Labels that organise a note but name nothing ("缺点：", "原因："). */
const genericLabel = /^(?:优点|缺点|优势|劣势|原因|作用|解决|方案|方法|总结|注意|例如|比如|特点|区别|场景|问题|结论|答案|好处|坏处|步骤|流程|过程|原理|定义|举例|补充|核心|关键|前提|结果|首先|其次|然后|最后|另外|第.)$/u;

/** Words that open a clause without naming anything. */
const leadingConnectives = /^(?:(?:那么|那|如果|假如|因为|由于|所以|而且|并且|但是|不过|然后|首先|其次|最后|另外|此外|同时|也就是说|就是|只有|只要|当|在|对于|关于)\s*)+/u;

/** Characters of a quoted clause in "你说「…」，但笔记里是「…」". */
const quoteCharacters = 32;

/** A clause quoted in feedback: without the label and punctuation around it ("多线程：单线程模型，" → 单线程模型). */
function quote(text: string): string {
  const clause = text
    .replace(/^[^：:，,。；;]{1,12}[：:]\s*(?=\S)/u, '')
    .replace(/([，。；、：！？])\s+/gu, '$1')
    .replace(/^[\s，,。；;、]+|[\s，,。；;、：:！!？?]+$/gu, '');
  return shorten(clause || text, quoteCharacters);
}

export function shorten(text: string, length: number): string {
  const characters = Array.from(text.replace(/\s+/g, ' ').trim());
  return characters.length > length ? `${characters.slice(0, length).join('')}…` : characters.join('');
}

/**
 * What a point is about, in a few words: its label ("引用计数：…" → 引用计数), else the terms that
 * carry it (glossary terms, identifiers), else its opening words. Terms the question already
 * names are left out: "没讲 Redis" says nothing to someone asked about Redis.
 */
export function pointTopic(text: string, question: string): string {
  const compact = text.replace(/\s+/g, ' ').trim();
  const label = /^([^：:，,。；;]{2,12})[：:]/u.exec(compact)?.[1]?.trim();
  // "值类型分别有：…" is about 值类型; the verb that introduces the list is not part of its name.
  const subject = label?.replace(/(?:分别|主要|一般|通常)?(?:有|是|包括|包含|为)$/u, '');
  if (subject && Array.from(subject).length >= 2 && !genericLabel.test(subject)) return subject;
  // A short opening clause is the point's subject ("如果只有两次握手，…" → 两次握手).
  const opening = compact.replace(/^[^：:，,。；;]{1,6}[：:]/u, '').split(/[，,。；;：:]/u)[0]!.replace(leadingConnectives, '').replace(/[中里时]$/u, '').trim();
  if (Array.from(opening).length >= 2 && Array.from(opening).length <= 10 && !question.includes(opening)) return opening;
  const asked = question.toLowerCase();
  // Identifiers (bgsave, fork, everysec) say most; then the longest terms.
  const terms = conceptsIn(compact, [])
    .filter((term) => !asked.includes(term.toLowerCase()))
    .sort((a, b) => Number(/^[a-z]/i.test(b)) - Number(/^[a-z]/i.test(a)) || b.length - a.length);
  if (terms.length) return terms.slice(0, 2).join('、');
  return shorten(opening || compact, 12);
}

/** A point's topic depends only on the card (its points and question): worked out once per card. */
const topicsForQuestion = memoByText((question: string) => memoByText((text: string) => pointTopic(text, question), 64), 1024);

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
  'mostly-wrong': '回答里的主要说法和笔记相反，这道题按答错处理。',
  hedged: '回答大多是猜测或者说不确定，猜的部分不算答到。',
  dontknow: '你表示对这道题不太清楚，建议先对照参考答案把要点过一遍再练。',
  'question-back': '回答只是在反问，没有给出内容。',
  offtopic: '回答的内容和题目关系不大，请围绕题目本身作答。',
  empty: '没有收到有效的回答内容。',
};

export interface WordedFeedback {
  strengths: string[];
  gaps: string[];
  feedback: string;
}

/** `points` are the shown points, heaviest first. */
export function wordFeedback(input: { question: string; band: GradeBand; points: readonly WordedPoint[]; flags: readonly ScoreFlag[] }): WordedFeedback {
  const topics = topicsForQuestion(input.question);
  const topic = (point: WordedPoint) => topics(point.text);
  const untrusted = input.flags.some((flag) => untrustedFlags.includes(flag));
  const wrong = input.points.filter((point) => point.wrong);
  const covered = untrusted ? [] : input.points.filter((point) => point.covered === 'yes' && !point.wrong);
  const partial = untrusted ? [] : input.points.filter((point) => point.covered === 'partial' && !point.wrong);
  // After a guard fired nothing counts as made, so every point is still to be made.
  const missed = input.points.filter((point) => !point.wrong && (untrusted || point.covered === 'no'));
  // At most four distinct terms in one sentence: a longer run reads as a list, not feedback. A term
  // already named in an earlier sentence is not named again ("讲到了leader。leader…提到了，但没讲透").
  const named = new Set<string>();
  const names = (points: readonly WordedPoint[]) => {
    const fresh = [...new Set(points.flatMap((point) => topic(point).split('、')))].filter((name) => !named.has(name)).slice(0, 4);
    for (const name of fresh) named.add(name);
    return fresh.join('、');
  };

  const sentences = [bandOpening[input.band]];
  for (const flag of input.flags) {
    const sentence = flagSentences[flag];
    if (sentence && sentences.length < 2) sentences.push(sentence);
  }
  for (const point of wrong.slice(0, 2)) sentences.push(`你说「${quote(point.wrong!.said)}」，但笔记里是「${quote(point.wrong!.notes)}」。`);
  const coveredNames = names(covered.slice(0, 3));
  if (coveredNames) sentences.push(`讲到了${coveredNames}。`);
  // On a complete answer a half-made point is something to expand, not a failing.
  const partialNames = names(partial.slice(0, 2));
  if (partialNames) sentences.push(input.band === 'excellent' ? `${partialNames}还可以再展开一点。` : `${partialNames}提到了，但没讲透。`);
  const missedNames = names(missed.slice(0, input.band === 'excellent' ? 1 : 2));
  if (missedNames && input.band !== 'excellent') sentences.push(`没讲${missedNames}，这是笔记里的要点。`);
  else if (missedNames) sentences.push(`还可以补充${missedNames}。`);
  if (sentences.length < 2) sentences.push('可以对照下方引用的笔记原文再复述一遍。');

  return {
    strengths: [...covered, ...partial].slice(0, 3).map((point) => `讲到了：${topic(point)}`),
    gaps: [
      ...wrong.map((point) => `说反了：${topic(point)}`),
      ...missed.map((point) => `没有提到：${topic(point)}`),
      ...partial.map((point) => `没讲透：${topic(point)}`),
    ].slice(0, 3),
    feedback: sentences.slice(0, 5).join(''),
  };
}
