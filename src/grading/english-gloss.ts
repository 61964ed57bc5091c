/**
 * A word-by-word Chinese gloss of an English answer, so that it can be measured against a Chinese
 * note's points on their whole content instead of on the few terms both languages share. The
 * bilingual glossary (src/text/glossary.ts) names the field's concepts (thread → 线程), its topic vocabulary
 * (glossary-topics.ts) the named mechanisms of each field (slave state machine → 从状态机); the table in
 * english-gloss-words.ts adds the general words explanations are made of (same → 同一, fixed → 固定,
 * expensive → 开销大), which no concept list holds and which carry most of a point's relation. A gloss
 * has no word order and keeps only the words' own bigrams, so it reaches part of what a Chinese twin
 * would: it is a lower bound on what the English answer said, never padding (the answer's units are
 * only added to).
 */
import { topicWordsInChinese, withChineseTerms } from '../text/glossary.ts';
import { generalWords } from './english-gloss-words.ts';
import { isMostlyEnglish, profiledText, profileText, stemWord } from './text-analysis.ts';

const byStem = new Map<string, string[]>();
for (const [english, chinese] of generalWords) {
  const forms = chinese.split('|');
  for (const word of english.split('|')) {
    const stem = stemWord(word);
    byStem.set(stem, [...new Set([...(byStem.get(stem) ?? []), ...forms])]);
  }
}

/** A stem's Chinese words of two characters or more, spelled as profiles read them (超过 → 大于). */
const wordsOfStem = new Map<string, string[]>();

/**
 * Whether a normalised Chinese text says an English word of a note (a stemmed unit of its profile) in
 * Chinese: "writes get an error" has 写入 in "写入失败". One-character words (写, 大) would be found
 * anywhere, so only longer ones count.
 */
export function saysInChinese(unit: string, normalised: string): boolean {
  let words = wordsOfStem.get(unit);
  if (!words) wordsOfStem.set(unit, (words = (byStem.get(unit) ?? []).filter((form) => form.length >= 2).map((form) => profiledText(form))));
  return words.some((word) => normalised.includes(word));
}

/** The Chinese words of two characters the gloss gives an English word ("split" → 拆分, 划分, 切分, 分片). */
export function chineseWordsOf(word: string): string[] {
  return (byStem.get(stemWord(word.toLowerCase())) ?? []).filter((form) => /^[\u4e00-\u9fff]{2}$/u.test(form));
}

/**
 * The answer followed by the Chinese words of what it says: the glossary's concepts (for text that
 * is mostly English) and the general words above.
 */
export function withChineseGloss(answer: string): string {
  const prose = proseOf(answer);
  const concepts = withChineseTerms(prose).slice(prose.length).trim();
  const additions = new Set<string>(concepts ? concepts.split(' ') : []);
  // A possessive is its noun: "the parent's page tables" names the parent (父).
  for (const [word] of prose.toLowerCase().matchAll(/[a-z][a-z'-]*/g)) for (const form of byStem.get(stemWord(word.replace(/'s?$/u, ''))) ?? []) additions.add(form);
  for (const form of topicWordsInChinese(prose)) additions.add(form);
  return additions.size ? `${answer}\n${[...additions].join(' ')}` : answer;
}

/**
 * Whether the answer's prose, its code left out, is English: only then is a gloss its reading. A
 * Chinese explanation around a program reads as English by its letters, and is not one; nor is a
 * Chinese clause around a long name or two ("zookeeper使用ZAB协议的": twelve letters to five
 * characters), which glossed had said what the names stand for (原子广播) and made a point it never made.
 */
export function isEnglishProse(answer: string): boolean {
  const prose = proseOf(answer);
  return isMostlyEnglish(profileText(prose)) && hasEnglishSentence(prose);
}

/** Latin words English prose has at least: a sentence of its own, not a name or two. */
const minimumEnglishWords = 4;

/** Whether a text has the Latin words of an English sentence, not only a name or two ("zookeeper使用ZAB协议的"). */
export function hasEnglishSentence(text: string): boolean {
  return (text.match(/[a-z]{2,}/giu) ?? []).length >= minimumEnglishWords;
}

/**
 * The answer without its code: code blocks and spans, and every segment (between ; or line breaks
 * or sentence ends) that reads as code: includes, comments, braces, comparisons and assignments,
 * calls such as "s1.empty()" or "push(a)". An answer that is mostly a program reads as English by its
 * letters, but its identifiers are not words of an explanation: glossed, push / empty / stack credited
 * a two-stack queue's code with the note's prose. Segments, not lines: the scorer reads an answer's
 * clauses joined on one line.
 */
function proseOf(answer: string): string {
  return answer
    .replace(/```[\s\S]*?(?:```|$)|`[^`\n]*`/g, ' ')
    .split(/[;；\n]|(?<=[.。!?！？])\s/)
    .filter((segment) => !/[{}<>=]|#\s*include|\/\/|\w\(\S*\)/.test(segment))
    .join('\n');
}
