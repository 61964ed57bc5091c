/**
 * How an English answer clause denies a Chinese note (denied-claims.ts): what its negation denies, which negations claim
 * nothing of the note's matter, and what the clause is about in the Chinese words the gloss gives it.
 */
import { contentKeys } from './claim-reading.ts';
import { chineseWordsOf } from './english-gloss.ts';
import type { NegationScope } from './statements.ts';

/**
 * An English negation denies the few words after its auxiliaries ("is no longer a persistent connection"), up to a
 * preposition: "so the cache doesn't drift from the DB" denies drifting, not the DB.
 */
export function englishDenied(scope: NegationScope, clause: string): string[] {
  const words = englishAfter(scope, clause).filter((word) => !englishAuxiliary.test(word));
  const preposition = words.findIndex((word) => englishPreposition.test(word));
  return words.slice(0, Math.min(3, preposition < 0 ? words.length : preposition));
}

/** The words after an English negation, to its clause's end. */
const englishAfter = (scope: NegationScope, clause: string): string[] => clause.slice(scope.at + scope.word.length).split(/[,.;:!?()]/u)[0]!.split(/\s+/u).filter(Boolean);

const englishPreposition = /^(?:from|to|into|onto|in|on|at|with|by|over|than|about|between|across|through|via|per|against)$/u;

/**
 * Words that make an English negation deny how or how far, not the predicate: "so the select can't block forever" (a
 * timeout case) against 「select则阻塞」, "it doesn't run containers itself — the container runtime … starts containers".
 */
const englishQualifier = /^(?:itself|themselves|directly|forever|indefinitely|always|completely|entirely|fully|totally|solely)$/u;

/** An English clause that opens with its negation, an imperative: "don't let…", "do not…", "never…". */
const englishAdvice = /^(?:(?:so|and|but|then|just|always)\s+)?(?:don't|do not|never)\b/u;

/** A head that is the Chinese gloss of an English word (chineseWordsOf), which a Chinese note clause can assert. */
export const glossed = (head: string) => /[\u4e00-\u9fff]/u.test(head);

/** Words that open an English clause without naming its thing: it is the thing asked about. */
const openingPronoun = /^(?:it|they|this|that)\b/u;

/**
 * What an English clause is about, with the Chinese words the gloss gives its own ("files" → 文件) and, when it opens with a
 * pronoun ("it doesn't split files up"), the question's words: the thing asked about.
 */
export function englishAboutInChinese(about: ReadonlySet<string>, clause: string, question: string): ReadonlySet<string> {
  const keys = new Set(about);
  for (const word of clause.match(/[a-z][a-z'-]*/gu) ?? []) for (const form of chineseWordsOf(word)) for (const key of contentKeys(form)) keys.add(key);
  if (openingPronoun.test(clause.trim())) for (const key of contentKeys(question)) keys.add(key);
  return keys;
}

/** Words between an English negation and what it denies. */
const englishAuxiliary = /^(?:a|an|the|be|is|are|was|were|been|do|does|did|have|has|had|need|needs|let|lets|any|longer|more|really|actually|even|always|just|at|all|it|its|it's|they|them|to|for|of|a)$/u;

/**
 * A negation that claims nothing of the note's matter: advice ("don't let hot keys expire") or one that denies how far or
 * who ("can't block forever", "isn't always", "doesn't run containers itself"), the qualifier among the auxiliaries or after
 * the words denied.
 */
export function deniesNoClaim(scope: NegationScope, clause: string): boolean {
  return englishAdvice.test(clause) || englishAfter(scope, clause).slice(0, 5).some((word) => englishQualifier.test(word));
}
