/**
 * A card's own note rendered as a candidate's answer, for the checks that need no labelled data: the note as plain
 * text, said aloud, and with one of its sentences negated (tests/grading/notes-agree-with-themselves.test.ts and
 * `npm run eval -- self`).
 */
import type { Card } from '../../src/core/types.ts';
import { withProseFencesOpened } from '../../src/grading/note-blocks.ts';

/** The reference as plain text: no code (a fence holding prose is text), images, link targets, Markdown marks or bullets. */
export function plainNote(markdown: string): string {
  return withProseFencesOpened(markdown)
    .replace(/```[\s\S]*?```/g, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>#|]/g, '')
    .replace(/^\s*[-+]\s+/gm, '')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

const fillers = ['嗯，', '就是，', '然后，', '对，', '那个，'];

/** The text as a candidate says it: a filler before each sentence. */
export function spokenNote(text: string): string {
  return text
    .split(/(?<=[。；\n])/u)
    .map((sentence, index) => (sentence.trim() ? fillers[index % fillers.length] + sentence.trim() : ''))
    .join('');
}

export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[。；！？\n])/u)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

/** Verbs a negation turns round, each with the words it is only a character of (性能, 可能, 是否, 就是…). */
const negatable: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<![不没机社学开体]|只|一|总|都)会(?![话议员计])/u, '不会'],
  [/(?<![不没可性功智只才本])能(?![力量源否够])/u, '不能'],
  [/(?<![不没])需要/u, '不需要'],
  [/(?<![不没])可以/u, '不可以'],
  [/(?<![不没还总就但于只或要若凡可也即却])是(?![否])/u, '不是'],
];

/**
 * The note with its longest sentence that has a negatable verb (12–120 characters) negated once, and that sentence
 * before and after; undefined when no sentence has one.
 */
export function negatedOnce(text: string): { sentences: string[]; index: number; negated: string } | undefined {
  const sentences = sentencesOf(text);
  let best: { index: number; negated: string } | undefined;
  sentences.forEach((sentence, index) => {
    if (sentence.length < 12 || sentence.length > 120) return;
    const verb = negatable.find(([pattern]) => pattern.test(sentence));
    if (verb && (!best || sentence.length > sentences[best.index]!.length)) best = { index, negated: sentence.replace(verb[0], verb[1]) };
  });
  return best && { sentences, ...best };
}

/** The cards the self-checks grade: answered, asked, and with a note of some length once Markdown is gone. */
export function selfCheckedCards(cards: readonly Card[]): Card[] {
  return cards.filter((card) => card.answered && !card.searchOnly && plainNote(card.reference).length >= 20);
}

/**
 * A card's note said as its answer, with the lowest score it should earn on its own card: as written, said aloud, and
 * as the card's key points in a row (its summary, a little short of the note).
 */
export const noteAnswers: ReadonlyArray<{ name: string; render: (card: Card) => string; lowest: number }> = [
  { name: 'as written', render: (card) => plainNote(card.reference), lowest: 8 },
  { name: 'spoken', render: (card) => spokenNote(plainNote(card.reference)), lowest: 8 },
  { name: 'its key points', render: (card) => card.keyPoints.map((point) => point.text).join('。'), lowest: 7 },
];

/** Whether a grade's reference is the card's own note. */
export function isOwnNote(card: Card, reference: { source: string; heading: string } | undefined): boolean {
  return reference?.source === card.source && reference.heading === card.headingPath.join(' > ');
}
