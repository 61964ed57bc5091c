/**
 * Chinese + English tokenisation for retrieval and grading. Runtime-agnostic (Node, workerd,
 * browsers): no imports beyond plain TypeScript.
 *
 * Why Intl.Segmenter and not jieba-wasm (measured on the five seed notes, 72k chars, Node 20):
 * - jieba-wasm segments better out of the box (缓存, 定时器, 链表 whole where ICU gives 缓|存,
 *   定|时|器), 57 ms warm, but its first call costs ~440 ms, the wasm is 4 MB (over the Workers
 *   free-plan bundle budget) and it loads differently per runtime (fs in Node, a wasm module
 *   import in workerd); its user dictionary is also process-global state.
 * - Intl.Segmenter ships with Node and workerd, needs no loading and costs 45–80 ms for the
 *   corpus when fed short runs. Fed one long string it degrades badly (7 s for the corpus), so
 *   we only ever give it single CJK runs between punctuation.
 * ICU's weaker spots are exactly domain terms, which the domain dictionary fixes: dictionary
 * words are matched first (forward maximum matching over the CJK run) and only the gaps go to
 * the segmenter. Retrieval additionally uses character n-grams, so a residual mis-split still
 * matches.
 */
import { stopwords } from './stopwords.ts';

/** Unicode ranges treated as CJK ideographs (BMP unified + extension A + compatibility). */
const cjkClass = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
/**
 * An ASCII identifier: letters/digits plus inner `_ . -` and trailing `+`/`#` so go1.18,
 * time_wait, utf-8, c++ and c# stay one token. Dots and dashes must be followed by an
 * alphanumeric so a sentence-final "." is not swallowed.
 */
const identifierPattern = '[a-z0-9](?:[a-z0-9_]|[.\\-](?=[a-z0-9]))*[+#]*';
const runPattern = new RegExp(`(${identifierPattern})|([${cjkClass}]+)`, 'gu');
const cjkOnly = new RegExp(`^[${cjkClass}]+$`, 'u');

/** Longest dictionary word considered; longer phrases are sentences, not terms. */
export const maxDictionaryWordLength = 10;

/**
 * NFKC folds full-width forms (ＡＢＣ, ＃, （）) to ASCII and lowercases so "Epoll", "EPOLL" and
 * "ｅｐｏｌｌ" are one term.
 */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export interface Tokenizer {
  /**
   * Precise tokens in text order: dictionary words whole, ASCII identifiers whole and lowercased,
   * punctuation and stopwords dropped.
   */
  tokens(text: string): string[];
  /**
   * `tokens` plus recall helpers for indexing and querying: the segmenter's sub-words of long
   * dictionary words (三色标记法 also yields 三色, 标记), the parts of compound identifiers
   * (time_wait → time, wait) and adjacent English words joined (redo log → redolog).
   */
  searchTokens(text: string): string[];
  /** Whether `word` is in this tokenizer's domain dictionary (after normalisation). */
  hasWord(word: string): boolean;
}

type Segment = { text: string; kind: 'identifier' | 'dictionary' | 'segmenter' };

interface SegmenterLike {
  segment(input: string): Iterable<{ segment: string; isWordLike?: boolean }>;
}

let sharedSegmenter: SegmenterLike | null | undefined;

function chineseSegmenter(): SegmenterLike | null {
  if (sharedSegmenter === undefined) {
    sharedSegmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  }
  return sharedSegmenter;
}

/** ICU word segmentation of one CJK run (no punctuation inside), single characters without ICU. */
export function segmentCjk(run: string): string[] {
  const segmenter = chineseSegmenter();
  // Without ICU word data, single characters are still a correct (if coarse) segmentation.
  if (!segmenter) return Array.from(run);
  const words: string[] = [];
  for (const piece of segmenter.segment(run)) {
    if (piece.isWordLike !== false) words.push(piece.segment);
  }
  return words;
}

export function createTokenizer(dictionary: Iterable<string> = []): Tokenizer {
  const words = new Set<string>();
  let longest = 0;
  for (const raw of dictionary) {
    const word = normaliseText(raw).trim();
    if (word.length < 2 || word.length > maxDictionaryWordLength || !cjkOnly.test(word)) continue;
    words.add(word);
    longest = Math.max(longest, word.length);
  }

  function splitCjkRun(run: string, out: Segment[]): void {
    let gapStart = 0;
    let index = 0;
    const flushGap = (end: number) => {
      if (end > gapStart) {
        for (const word of segmentCjk(run.slice(gapStart, end))) out.push({ text: word, kind: 'segmenter' });
      }
    };
    while (index < run.length) {
      let matched = 0;
      for (let length = Math.min(longest, run.length - index); length >= 2; length--) {
        if (words.has(run.slice(index, index + length))) {
          matched = length;
          break;
        }
      }
      if (matched === 0) {
        index++;
        continue;
      }
      flushGap(index);
      out.push({ text: run.slice(index, index + matched), kind: 'dictionary' });
      index += matched;
      gapStart = index;
    }
    flushGap(run.length);
  }

  function segments(text: string): Segment[] {
    const out: Segment[] = [];
    for (const match of normaliseText(text).matchAll(runPattern)) {
      if (match[1] !== undefined) out.push({ text: match[1], kind: 'identifier' });
      else if (match[2] !== undefined) splitCjkRun(match[2], out);
    }
    return out;
  }

  const keep = (token: string) => token.length > 0 && !stopwords.has(token);

  return {
    tokens(text) {
      return segments(text)
        .map((segment) => segment.text)
        .filter(keep);
    },
    searchTokens(text) {
      const out: string[] = [];
      let previousIdentifier: string | undefined;
      for (const segment of segments(text)) {
        if (keep(segment.text)) out.push(segment.text);
        if (segment.kind === 'dictionary' && segment.text.length >= 3) {
          for (const sub of segmentCjk(segment.text)) if (sub !== segment.text && keep(sub)) out.push(sub);
        }
        if (segment.kind === 'identifier') {
          const parts = segment.text.split(/[._\-]/).filter((part) => part.length > 1 && keep(part));
          if (parts.length > 1) out.push(...parts);
          if (previousIdentifier && /^[a-z]+$/.test(previousIdentifier) && /^[a-z]+$/.test(segment.text)) {
            out.push(previousIdentifier + segment.text);
          }
          previousIdentifier = keep(segment.text) ? segment.text : undefined;
        } else {
          previousIdentifier = undefined;
        }
      }
      return out;
    },
    hasWord(word) {
      return words.has(normaliseText(word));
    },
  };
}

/**
 * Character n-grams of the normalised text, never crossing whitespace or punctuation: CJK runs
 * give overlapping n-grams; an ASCII word gives its n-grams with `^`/`$` boundary marks so short
 * words (io, gc) still produce one. Runs shorter than n produce themselves (CJK) so a lone 锁
 * is not lost.
 */
export function charNgrams(text: string, n: number): string[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  const out: string[] = [];
  for (const match of normaliseText(text).matchAll(runPattern)) {
    const run = match[1] !== undefined ? `^${match[1]}$` : (match[2] ?? '');
    const chars = Array.from(run);
    if (chars.length <= n) {
      out.push(run);
      continue;
    }
    for (let index = 0; index + n <= chars.length; index++) out.push(chars.slice(index, index + n).join(''));
  }
  return out;
}
