/**
 * Cards with nothing to ask: a heading whose whole text is a line of links and tags, or a note's title over questions
 * that are not its sections. Each stays in the bank for search, never asked.
 */
import type { Card } from '../core/types.ts';
import { withoutObsidianComments } from '../grading/note-formats.ts';
import { contentLength } from './claims.ts';
import { isQuestionText } from './question-lines.ts';

/** Links of both kinds, embeds included: what a line of them says is elsewhere. */
const link = /!?\[[^\]\n]*\]\([^)\n]*\)|!?\[\[[^\]\n]*\]\]/gu;
/** Tags: `#redis`, `#八股` (a heading's # is a space away). */
const tag = /(?<=^|\s)#[^\s#]+/gu;
/** Longest label beside links that still says nothing of its own ("相关", "See also", "参考链接"). */
const maximumLabel = 8;

/**
 * Whether a reference says nothing once its links and tags are set aside: "相关：[[MySQL索引]] | [[分布式锁|锁]] #redis #八股"
 * under "# Redis 面试复习" had made the card "说说你对Redis 面试复习的了解。", whose whole answer was that line. Every line must
 * hold a link or a tag and at most a short label besides; a line of names without links ("- LRU") is an answer.
 */
export function saysNothing(reference: string): boolean {
  const lines = withoutObsidianComments(reference)
    .split('\n')
    .map((line) => line.replace(/^\s*(?:>\s*)*(?:[-*+]\s+)?(?:\[![a-z]+\][+-]?)?/iu, '').trim())
    .filter((line) => contentLength(line) > 0);
  if (lines.length === 0) return false;
  return lines.every((line) => {
    const rest = line.replace(link, ' ').replace(tag, ' ');
    return rest !== line && contentLength(rest) <= maximumLabel;
  });
}

/** Whether `inner`'s heading path lies under `outer`'s. */
const isUnder = (inner: Card, outer: Card) => inner.headingPath.length > outer.headingPath.length && outer.headingPath.every((heading, index) => inner.headingPath[index] === heading);

/**
 * A note's cards with the empty ones never asked. A reference that says nothing (saysNothing) is no answer. A title with
 * no text of its own that opens the note and has no section under it ("# 操作系统 Q&A" over "## 进程和线程的区别？", whose
 * questions the note lists as its own cards) had been the unanswered card "说说你对操作系统 Q&A的了解。": it names the note,
 * it asks nothing. A title with sections under it is left as it was: an unanswered card, asked only when asked for.
 */
export function withEmptyCardsUnasked(cards: readonly Card[]): Card[] {
  const first = Math.min(...cards.map((card) => card.lines.start));
  return cards.map((card) => {
    if (card.searchOnly || card.kind !== 'technical' || card.code) return card;
    if (card.reference !== '' && saysNothing(card.reference)) return { ...card, answered: false, searchOnly: true };
    const title = card.headingPath.length === 1 && card.lines.start === first && cards.length > 1 && !isQuestionText(card.headingPath[0]!);
    if (card.reference === '' && card.followups.length === 0 && title && !cards.some((other) => isUnder(other, card))) return { ...card, searchOnly: true };
    return card;
  });
}
