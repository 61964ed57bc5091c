/**
 * A reference that only lists names ("FIFO / LFU / LRU / TTL / Random" under 缓存失效策略, one a
 * line or a list item): the names are what it answers, each a key point of its own. Merged into
 * sentence-sized points the way prose is ("FIFO LFU", "LRU TTL"), naming LRU covered TTL too and
 * the card showed pairs the note never paired.
 */
import { contentLength, isBareTerm } from './claims.ts';
import { stripLineMarkup } from './question-lines.ts';

/** Fewer names than this is a short answer, not a list. */
const minimumNames = 3;
/** A name is short: a longer line is a phrase about something. */
const longestName = 16;

/** The names a reference lists, one per line or list item, or none when it says anything else. */
export function listedNames(reference: string): string[] {
  const lines = reference
    .split('\n')
    .map((line) => stripLineMarkup(line.replace(/^\s*(?:[-*+]\s+|\d{1,2}[.、)）]\s*)/u, '')).replace(/[。.;；,，]+$/u, '').trim())
    .filter((line) => line !== '');
  // "FIFO、LFU、LRU、TTL" or "FIFO LFU LRU TTL" on one line lists them too.
  const items = lines.length === 1 ? lines[0]!.split(/\s*[、，,／/]\s*|(?<=[\x21-\x7e])\s+(?=[\x21-\x7e])/u).filter((item) => item !== '') : lines;
  if (items.length < minimumNames || new Set(items).size !== items.length) return [];
  return items.every(isName) ? items : [];
}

function isName(item: string): boolean {
  return contentLength(item) > 0 && contentLength(item) <= longestName && isBareTerm(item) && !/[：:]/u.test(item);
}
