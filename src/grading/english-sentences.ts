/**
 * Where English prose ends its sentences: at a dot before the next sentence, not at the dots of abbreviations, numbers,
 * file names or method calls. Chinese sentences end at 。, which note-blocks.ts splits at already.
 */
/** Marks where an English sentence ends; a private-use character, so inline cleaning keeps it. */
export const englishSentenceEnd = '\uE000';

/** Words ending in a dot that do not end a sentence ("e.g. Redis", "vs. Memcached", "etc. And"). */
const abbreviation = /^(?:[A-Za-z]\.)*[A-Za-z]$|^(?:etc|vs|cf|al|approx|resp|Mr|Mrs|Ms|Dr|St|Jr|Sr|No|Fig|Inc|Ltd|Co)$/iu;

/**
 * An English paragraph's sentences, marked apart: "volatile guarantees visibility and ordering, but not atomicity. A write
 * to a volatile variable is flushed to main memory…" had been one point opening with "but not atomicity. A write…", as
 * Chinese sentences end at 。 and these at a dot only. A dot ends a sentence when a space and a capital, a digit or a code
 * span follow it; a dot inside a word (1.5, proc.go, sync.Once) has no space after it, and an abbreviation (e.g., i.e.,
 * vs., etc., Mr.), a list number ("2. Then") or an ellipsis is no end.
 */
export function withEnglishSentenceEnds(text: string): string {
  return text.replace(/(\S+)\.(?=[ \t]+[`*_"“(]*[A-Z0-9`])/gu, (whole, word: string) => {
    const bare = word.replace(/^[^A-Za-z0-9\u4e00-\u9fff]+/u, '');
    return !bare || word.endsWith('.') || abbreviation.test(bare) || /^\d{1,2}$/u.test(bare) ? whole : `${whole}${englishSentenceEnd}`;
  });
}
