/**
 * The feedback a grade card shows, worded from the graded points so that score, band, lists and
 * sentences agree: points are named by what they are about ("没讲 bgsave 为什么不会造成阻塞",
 * `point-topics.ts`), never by pasting a note sentence or listing its terms; a point is named once; a contradicted point is said as "你说「X」，但笔记里是「Y」"; no praise after an
 * answer the guards caught (injection, off-topic, "不知道", a bare list of terms, a wrong verdict).
 */
import type { Coverage, GradeBand } from '../core/types.ts';
import { memoByText } from './grading-memo.ts';
import type { ScoreFlag } from './offline-scorer.ts';
import { pointTopic } from './point-topics.ts';
import { withoutOpeningConnective } from './point-phrases.ts';

export interface WordedPoint {
  text: string;
  weight: number;
  covered: Coverage;
  /** The answer contradicts the point: what it said and what the note says. */
  wrong?: { said: string; notes: string };
  /** The answer's words the point was matched on: tells an answer in another language than the note. */
  evidence?: string;
  /** About what the question does not ask (unasked-members.ts), marked by the grade builder: never called missed. */
  offQuestion?: boolean;
}

/** Flags that make the answer wrong as a whole, whatever its coverage. */
const judgedWrongFlags: readonly ScoreFlag[] = ['mostly-wrong', 'wrong-verdict', 'wrong-choice', 'wrong-result', 'swapped-values', 'denied-difference', 'unconditional-verdict'];
/** Flags after which nothing the answer said is praised. */
export const untrustedFlags: readonly ScoreFlag[] = ['injection', 'wrong-verdict', 'unconditional-verdict', 'wrong-choice', 'recited-choices', 'denied-difference', 'wrong-result', 'swapped-values', 'mostly-wrong', 'hedged', 'offtopic', 'dontknow', 'question-back', 'list-of-terms', 'labels-only', 'empty'];

/** Characters of a quoted clause in "你说「…」，但笔记里是「…」". */
const quoteCharacters = 32;

/** A clause quoted in feedback: without the label and punctuation around it ("多线程：单线程模型，" → 单线程模型). */
function quote(text: string): string {
  // The clause the note continues with a connective ("…，但是可以大大减少STW的时间") is quoted as the claim it makes.
  const clause = withoutOpeningConnective(text.replace(/^[^：:，,。；;]{1,12}[：:]\s*(?=\S)/u, ''))
    .replace(/([，。；、：！？])\s+/gu, '$1')
    .replace(/^[\s，,。；;、]+|[\s，,。；;、：:！!？?]+$/gu, '');
  return shorten(clause || text, quoteCharacters);
}

export function shorten(text: string, length: number): string {
  const characters = Array.from(text.replace(/\s+/g, ' ').trim());
  return characters.length > length ? `${characters.slice(0, length).join('')}…` : characters.join('');
}

/** A point's topic depends only on the card (its points and question): worked out once per card. */
const topicsForQuestion = memoByText((question: string) => memoByText((text: string) => pointTopic(text, question), 64), 1024);

export interface WordedFeedback {
  strengths: string[];
  gaps: string[];
  feedback: string;
}

export type FeedbackLanguage = 'zh' | 'en';

/** The card's sentences in each language the UI speaks; topics stay in the note's own words. */
interface Wording {
  opening: Record<GradeBand, string>;
  /** The opening when the score is good but every point it earned is only half made. */
  halfMade: string;
  someMade: string;
  someMissed: string;
  /** The opening when the score came from shared words alone: no point was made, half made or contradicted. */
  wordsOnly: string;
  /** The opening when the score came from the right yes or no alone, with no point of the note made besides. */
  verdictOnly: string;
  /** The opening of a low score on an answer that made points and contradicted others, which cost more than they earned. */
  outweighed: string;
  /** After wordsOnly: the one point to start from, instead of a list of everything missed. */
  startWith: (topic: string) => string;
  /** The opening of a low score on an answer in another language than the note: its other words may not have matched. */
  otherLanguage: (someMade: boolean) => string;
  /** The same said after wordsOnly. */
  otherWords: string;
  flags: Partial<Record<ScoreFlag, string>>;
  wrong: (said: string, notes: string) => string;
  covered: (topics: string) => string;
  partial: (topics: string, complete: boolean) => string;
  missed: (topics: string) => string;
  /** Graded against the closest note, which does not answer the question: what it is about, not what was missed. */
  nearest: (topics: string) => string;
  more: (topics: string) => string;
  rest: string;
  join: (topics: readonly string[]) => string;
  strength: (topic: string) => string;
  gap: { wrong: (topic: string) => string; missed: (topic: string) => string; partial: (topic: string) => string; nearest: (topic: string) => string };
}

/** Short names are listed with 、; topics that are phrases, or have their own 、 or ：, are set apart with ；. */
const joinChinese = (topics: readonly string[]) => topics.join(topics.some((topic) => /[、：，]/u.test(topic) || Array.from(topic).length > 10) ? '；' : '、');

const wordings: Record<FeedbackLanguage, Wording> = {
  zh: {
    opening: {
      excellent: '整体回答得很完整，和笔记的要点基本一致。',
      good: '回答抓住了大部分要点，思路清楚。',
      fair: '回答答到了一部分要点，但还不够完整。',
      // What the grader saw, not a verdict on the answer: a right answer in other words also lands here.
      weak: '回答里能和笔记要点对上的内容不多。',
      none: '这次回答没有给出能对上笔记要点的内容。',
    },
    halfMade: '回答涉及了笔记的大部分要点，但每一点都只说了一部分。',
    someMade: '回答讲清楚了其中一部分要点，其余几点只是带过。',
    someMissed: '回答讲清楚了一部分要点，但还有要点没讲到。',
    wordsOnly: '回答用到了这道题的一些词，但没有一条能和笔记里的要点对上，分数只来自这些零散的用词。',
    verdictOnly: '结论和笔记一致，分数主要来自这个结论；理由还没有对上笔记里的要点。',
    outweighed: '回答里有说法和笔记相反，扣掉的分抵过了答对的部分。',
    otherWords: '你用英文作答，换了说法的地方评分可能没有认出来，可以对照下方笔记原文看看差在哪里。',
    startWith: (topic) => `可以先从「${topic}」讲起，这是笔记里最重要的一点。`,
    otherLanguage: (someMade) => `你用英文作答，能和笔记要点对上的${someMade ? '只有一部分' : '不多'}：评分按概念和笔记逐条对照，换了说法的地方可能没有对上，可以对照下方笔记原文看看差在哪里。`,
    flags: {
      injection: '回答里有试图影响评分的指令性文字，这部分已被忽略，并按无效内容处理。',
      'wrong-verdict': '“是不是/有没有”的结论与笔记相反，这道题的核心结论答错了。',
      'unconditional-verdict': '笔记里这要分情况：条件不同，结论也不同；你直接给了一个结论，没讲在什么条件下成立。',
      'wrong-choice': '选的选项和笔记里的答案不一样，这道题按答错处理。',
      'recited-choices': '回答把几个选项都说了一遍，没有选定其中一个，不算作答。',
      'wrong-result': '给出的结果和笔记里的不一样，这道题问的就是这个结果，按答错处理。',
      'list-of-terms': '回答主要是在罗列术语，没有解释它们之间的关系和作用。',
      'labels-only': '回答只说出了笔记里各条内容的标题，没有讲标题下面的内容。',
      'swapped-values': '几个取值和它们的含义对应错了，和笔记里的说法正好错开。',
      'denied-difference': '题目问的是它们有什么不同，你说两者没有区别，但笔记里它们是不同的，这道题的核心答错了。',
      'mostly-wrong': '回答里的主要说法和笔记相反，这道题按答错处理。',
      hedged: '回答大多是猜测或者说不确定，猜的部分不算答到。',
      dontknow: '你表示对这道题不太清楚，建议先对照参考答案把要点过一遍再练。',
      'question-back': '回答只是在反问，没有给出内容。',
      offtopic: '回答的内容和题目关系不大，请围绕题目本身作答。',
      empty: '没有收到有效的回答内容。',
    },
    wrong: (said, notes) => `你说「${said}」，但笔记里是「${notes}」。`,
    covered: (topics) => `讲到了${topics}。`,
    partial: (topics, complete) => (complete ? `${topics}还可以再展开一点。` : `${topics}只提了一句，没讲透。`),
    missed: (topics) => `没讲${topics}，这是笔记里的要点。`,
    nearest: (topics) => `最接近的这条笔记讲的是${topics}，和这道题不完全对应，可以对照下方原文看看。`,
    more: (topics) => `还可以补充${topics}。`,
    rest: '可以对照下方引用的笔记原文再复述一遍。',
    join: joinChinese,
    strength: (topic) => `讲到了：${topic}`,
    gap: { wrong: (topic) => `说反了：${topic}`, missed: (topic) => `没有提到：${topic}`, partial: (topic) => `没讲透：${topic}`, nearest: (topic) => `最接近的笔记讲到：${topic}` },
  },
  en: {
    opening: {
      excellent: 'A complete answer that matches the key points of your notes.',
      good: 'You got most of the key points across clearly.',
      fair: 'You made some of the key points, but the answer is not complete yet.',
      weak: 'Only a little of the answer could be matched to the key points of your notes.',
      none: 'Nothing in this answer matches a key point of your notes.',
    },
    halfMade: 'You touched on most of the key points, but made each of them only in part.',
    someMade: 'You made some of the key points clearly and only touched on the rest.',
    someMissed: 'You made some of the key points clearly, but left others out.',
    wordsOnly: 'The answer uses some of the words of this topic but makes none of the key points in your notes; its few points come from those words alone.',
    verdictOnly: 'Your conclusion matches your notes, and most of the score is for it; the reasons do not yet match their key points.',
    outweighed: 'Some of what you said contradicts your notes, and that cost more than what you got right earned.',
    startWith: (topic) => `Start with ${topic}, the most important point in your notes.`,
    otherWords: 'Your notes are in Chinese: points made in other words may not have been recognised, so compare with the quoted note below.',
    otherLanguage: (someMade) => `Your notes are in Chinese and ${someMade ? 'only some' : 'few'} of your points matched them: points made in other words may not have been recognised, so compare with the quoted note below.`,
    flags: {
      injection: 'Part of the answer tried to instruct the grader; it was ignored and counted as no content.',
      'wrong-verdict': 'Your yes/no verdict is the opposite of the notes: the core of this question is wrong.',
      'unconditional-verdict': 'Your notes say it depends on a condition; you gave one yes or no for every case without saying when it holds.',
      'wrong-choice': 'The option you chose is not the one your notes give, so the question counts as wrong.',
      'recited-choices': 'The answer names several of the options without choosing one, which does not answer the question.',
      'wrong-result': 'The result you give differs from the one in your notes, and the result is what this question asks for, so it counts as wrong.',
      'list-of-terms': 'The answer mostly lists terms without explaining how they relate or what they do.',
      'labels-only': 'The answer only names the labels your notes file their points under, and says nothing of what is under them.',
      'swapped-values': 'Several values are paired with the wrong meanings compared with your notes.',
      'denied-difference': 'The question asks how they differ, and you said there is no difference; your notes tell them apart, so the core of this question is wrong.',
      'mostly-wrong': 'The main claims of the answer say the opposite of your notes, so it counts as wrong.',
      hedged: 'Most of the answer is guesses or admitted uncertainty; guesses do not count as covered.',
      dontknow: 'You said you are not sure about this one; go through the reference answer, then try again.',
      'question-back': 'The answer only asks a question back and gives no content.',
      offtopic: 'The answer is mostly about something else; answer the question itself.',
      empty: 'No answer content was received.',
    },
    wrong: (said, notes) => `You said "${said}", but your notes say "${notes}".`,
    covered: (topics) => `You covered ${topics}.`,
    partial: (topics, complete) => (complete ? `You could expand a little on ${topics}.` : `You mentioned ${topics}, but did not explain it fully.`),
    missed: (topics) => `You did not cover ${topics}, a key point in your notes.`,
    nearest: (topics) => `The closest note is about ${topics}, which does not quite answer this question; compare your answer with it below.`,
    more: (topics) => `You could also add ${topics}.`,
    rest: 'Compare with the quoted note below and say it again in your own words.',
    join: (topics) => topics.map((topic) => (/[\u3400-\u9fff]/u.test(topic) ? `「${topic}」` : `"${topic}"`)).join('; '),
    strength: (topic) => `Covered: ${topic}`,
    gap: { wrong: (topic) => `Said the opposite: ${topic}`, missed: (topic) => `Not covered: ${topic}`, partial: (topic) => `Not explained fully: ${topic}`, nearest: (topic) => `In the closest note: ${topic}` },
  },
};

/**
 * Whether the answer was in English while the note is Chinese, as the card can tell: the clauses the
 * points were matched on are Latin script and the points are Chinese.
 */
function answeredInOtherLanguage(points: readonly WordedPoint[]): boolean {
  // Each quote once: one clause quoted under three points is not three times the English.
  const evidence = [...new Set(points.map((point) => point.evidence ?? ''))].join(' ');
  // Words the note writes in English itself are its words: 「id（primary key）」 answering 「id（primary key）」 is not English.
  const noteWords = new Set(points.flatMap((point) => point.text.toLowerCase().match(/[a-z]+/g) ?? []));
  // Letters of words, not of identifiers: "CLOSED->SYN_SENT->ESTABLISHED" answers in the note's own names, not in English.
  const words = evidence.match(/(?<![\w-])[A-Za-z]?[a-z]{2,}(?![\w-])/g) ?? [];
  const latin = words.filter((word) => !noteWords.has(word.toLowerCase())).join('').length;
  const chinese = (evidence.match(/[\u3400-\u9fff]/gu) ?? []).length;
  const noteChinese = points.some((point) => /[\u3400-\u9fff]/u.test(point.text));
  return noteChinese && latin >= 20 && chinese * 4 < latin;
}

/** Share of the listed points' weight made before "抓住了大部分要点" is true: one of two equal points is not most. */
const mostMade = 0.6;

function weightOf(points: readonly WordedPoint[]): number {
  return points.reduce((sum, point) => sum + point.weight, 0);
}

/** `points` are the shown points, heaviest first. */
export function wordFeedback(input: {
  question: string;
  band: GradeBand;
  points: readonly WordedPoint[];
  flags: readonly ScoreFlag[];
  language?: FeedbackLanguage;
  /** Graded against the closest note: its points are not what the question asked, so they are not called missed. */
  closest?: boolean;
}): WordedFeedback {
  const words = wordings[input.language ?? 'zh'];
  const topics = topicsForQuestion(input.question);
  const topic = (point: WordedPoint) => topics(point.text);
  const untrusted = input.flags.some((flag) => untrustedFlags.includes(flag));
  const wrong = input.points.filter((point) => point.wrong);
  // A card that scores nothing praises nothing: "讲到了…" beside 0/10 (the wrong points outweighed them) reads as a contradiction.
  const praise = !untrusted && input.band !== 'none';
  const covered = praise ? input.points.filter((point) => point.covered === 'yes' && !point.wrong) : [];
  const partial = praise ? input.points.filter((point) => point.covered === 'partial' && !point.wrong) : [];
  // After a guard fired nothing counts as made (the card lists what was touched as partly covered), but
  // only what the answer never touched is "没讲": the list shows the rest as touched.
  // A point on what the question does not ask (another comparison, another member of a list) answers another question:
  // listed, never called missed.
  const missed = input.points.filter((point) => !point.wrong && point.covered === 'no' && !point.offQuestion);
  // Each topic is named once on the card, in the first sentence that reaches it: a point said and
  // missed in the same breath ("讲到了阻塞……没讲阻塞") reads as the card contradicting itself.
  const named = new Set<string>();
  const names = (points: readonly WordedPoint[], most: number) => {
    const fresh = [...new Set(points.map(topic))].filter((name) => !named.has(name)).slice(0, most);
    for (const name of fresh) named.add(name);
    return fresh.length ? words.join(fresh) : '';
  };

  // A good band reached mostly by half-made points must not claim "抓住了大部分要点": one ZooKeeper stage of three
  // made, the other two touched through their shared "leader", is some of the points made, not most.
  // An answer judged wrong opens with why: "只触及了很少的要点" misdescribes one that restated most of the note the wrong way round.
  const verdict = input.flags.find((flag) => judgedWrongFlags.includes(flag) && words.flags[flag]);
  // A score with no point made, half made or contradicted came from shared words alone: "答到了一部分要点"
  // or three "没讲…" would not say why it is not zero. A guard that fired says why itself.
  const wordsOnly = !untrusted && input.band !== 'none' && input.points.every((point) => point.covered === 'no' && !point.wrong);
  // An English answer to a Chinese note scored low: its other words may be what did not match.
  const otherLanguage = (input.band === 'weak' || input.band === 'fair') && !untrusted && answeredInOtherLanguage(input.points);
  // Points made and others contradicted, at a low score: 「没有给出能对上笔记要点的内容」 beside the card's ✔ marks (the wrong
  // points cost more than those earned) reads as the card contradicting itself.
  const outweighed = !untrusted && (input.band === 'none' || input.band === 'weak') && wrong.length > 0 && input.points.some((point) => !point.wrong && point.covered !== 'no');
  const opening = verdict
    ? words.flags[verdict]!
    : outweighed
      ? words.outweighed
      : wordsOnly
      ? input.flags.includes('right-verdict') ? words.verdictOnly : words.wordsOnly
      : otherLanguage
        ? words.otherLanguage(input.band === 'fair')
        : input.band === 'good' && partial.length > 0 && weightOf(covered) < weightOf([...covered, ...partial, ...missed]) / 2
          ? covered.length ? words.someMade : words.halfMade
          : input.band === 'good' && missed.length > 0 && weightOf(covered) < mostMade * weightOf([...covered, ...partial, ...missed])
            ? words.someMissed
            : words.opening[input.band];
  const sentences = [opening];
  if (wordsOnly && otherLanguage) sentences.push(words.otherWords);
  // What the candidate said of themselves ("具体细节有点忘了") explains a miss better than how far off the topic it was.
  const byConcern = [...input.flags].sort((a, b) => Number(a === 'offtopic') - Number(b === 'offtopic'));
  for (const flag of byConcern) {
    // Off the closest note is not off the question: that note does not answer it, so how far the answer strays from it says nothing.
    if (flag === 'offtopic' && input.closest) continue;
    const sentence = words.flags[flag];
    if (sentence && flag !== verdict && sentences.length < 2) sentences.push(sentence);
  }
  for (const point of wrong.slice(0, 2)) {
    named.add(topic(point));
    sentences.push(words.wrong(quote(point.wrong!.said), quote(point.wrong!.notes)));
  }
  const complete = input.band === 'excellent';
  const coveredNames = names(covered, 3);
  if (coveredNames) sentences.push(words.covered(coveredNames));
  // On a complete answer a half-made point is something to expand, not a failing.
  const partialNames = names(partial, 2);
  if (partialNames) sentences.push(words.partial(partialNames, complete));
  const missedNames = names(missed, complete || wordsOnly ? 1 : 2);
  if (missedNames) sentences.push(input.closest ? words.nearest(missedNames) : complete ? words.more(missedNames) : wordsOnly ? words.startWith(missedNames) : words.missed(missedNames));
  if (sentences.length < 2) sentences.push(words.rest);

  const listed = new Set<string>();
  const once = (entries: ReadonlyArray<readonly [WordedPoint, (topic: string) => string]>) =>
    entries.flatMap(([point, say]) => {
      const name = topic(point);
      if (listed.has(name)) return [];
      listed.add(name);
      return [say(name)];
    });
  return {
    strengths: once(covered.map((point) => [point, words.strength] as const)).slice(0, 3),
    gaps: once([
      ...wrong.map((point) => [point, words.gap.wrong] as const),
      ...missed.map((point) => [point, input.closest ? words.gap.nearest : words.gap.missed] as const),
      ...partial.map((point) => [point, words.gap.partial] as const),
    ]).slice(0, 3),
    feedback: sentences.slice(0, 5).join(input.language === 'en' ? ' ' : ''),
  };
}
