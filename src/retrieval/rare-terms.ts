/**
 * The exact rare terms a question names (bgsave, everysec, kubeconfig) and the grouping of a Chinese word with the
 * bigrams inside it, for the query plan (query-plan.ts). Split from query-plan.ts.
 */
import { normaliseText } from '../text/tokenizer.ts';
import { stopwords } from '../text/stopwords.ts';
import type { TermGroups } from './bm25.ts';
import { escapeRegExp } from '../text/regexp.ts';

/** What rare-term detection needs of the lexical index and the passages. */
export interface RareTermSource {
  documentFrequency(term: string): number;
  documentsContaining(term: string): readonly number[];
  /** A passage's searchable text (heading path and body). */
  text(index: number): string;
  /** `writtenWhole` answered from a cache, when the source keeps one. */
  writesWhole?(term: string): boolean;
}

/** Whether some passage containing `term` writes it whole (see `mentionsWhole`). */
export function writtenWhole(source: RareTermSource, term: string): boolean {
  return source.documentsContaining(term).some((index) => mentionsWhole(source.text(index), term));
}

const cjk = /[\u3400-\u9fff]/u;
const hasLetter = /[a-z]/;
/** Latin letters in any width: NFKC folds full-width ones to ASCII. */
const latinLetter = /[a-zA-Z\uff21-\uff3a\uff41-\uff5a]/;
const identifierPunctuation = /[0-9._\-]/;
/** ASCII identifiers as the tokenizer reads them (go1.18, time_wait, sync.cond, c++). */
const identifiers = /[a-z0-9](?:[a-z0-9_]|[.\-](?=[a-z0-9]))*[+#]*/g;
/** Literal values name no one thing, however rarely notes write them. */
const literals = new Set(['true', 'false', 'nil', 'null', 'none', 'undefined', 'nan']);


/**
 * Whether `text` writes `term` as a whole identifier, not as part of a longer one: 'pool' is in
 * "sync.Pool" and 'go' in "client-go" only as parts, which the index also holds, for recall.
 */
function mentionsWhole(text: string, term: string): boolean {
  return new RegExp(`(?<![a-z0-9_]|[a-z0-9][.\\-])${escapeRegExp(term)}(?![a-z0-9_]|[.\\-][a-z0-9])`).test(
    normaliseText(text),
  );
}

/**
 * Exact rare terms of `text`: identifiers it names (bgsave, everysec, runtime.numgoroutine,
 * innodb_log_buffer_size, kubeconfig) that 1–`maxDocumentFrequency` passages write whole.
 * - Only identifiers: a rare Chinese word in a question is usually phrasing the notes happen to
 *   share once (却, 意思, 撑不住), not a term that names one thing.
 * - In a question written in English, plain English words are phrasing too (call, data), so
 *   there an identifier must carry a digit, dot, underscore or dash.
 * - A word the notes only hold as part of a longer identifier (the 'pool' of "Buffer Pool"
 *   against sync.Pool) or a literal (true, nil) is no exact evidence.
 * - A compound identifier the notes never write whole (runtime.GC() asked, GC() written)
 *   contributes its parts.
 */
export function rareTerms(text: string, source: RareTermSource, maxDocumentFrequency: number): Set<string> {
  const found = new Set<string>();
  if (maxDocumentFrequency < 1 || !latinLetter.test(text)) return found;
  const english = !cjk.test(text);
  const qualifies = (term: string) => {
    if (term.length < 3 || !hasLetter.test(term) || literals.has(term) || stopwords.has(term)) return false;
    if (english && !identifierPunctuation.test(term)) return false;
    const frequency = source.documentFrequency(term);
    if (frequency < 1 || frequency > maxDocumentFrequency) return false;
    return source.writesWhole ? source.writesWhole(term) : writtenWhole(source, term);
  };
  for (const [token] of normaliseText(text).matchAll(identifiers)) {
    if (qualifies(token)) {
      found.add(token);
    } else if (source.documentFrequency(token) === 0) {
      for (const part of token.split(/[._\-]/)) if (part !== token && qualifies(part)) found.add(part);
    }
  }
  return found;
}

/**
 * Groups each Chinese word among `terms` with the bigrams (#xy) inside it; words sharing a bigram
 * (单线程 and 线程 share #线程) form one group. Bigrams straddling two words stay on their own.
 */
export function subwordGroups(terms: readonly string[], share: number): TermGroups | undefined {
  const unique = new Set(terms);
  const parent = new Map<string, string>();
  const root = (term: string): string => {
    let at = term;
    for (let next = parent.get(at); next !== undefined && next !== at; next = parent.get(at)) at = next;
    return at;
  };
  for (const word of unique) {
    if (word.length < 2 || word.startsWith('#') || word.startsWith('~') || !cjk.test(word)) continue;
    for (let at = 0; at + 2 <= word.length; at++) {
      const bigram = `#${word.slice(at, at + 2)}`;
      if (!unique.has(bigram)) continue;
      const [left, right] = [root(word), root(bigram)];
      parent.set(left, left);
      if (left !== right) parent.set(right, left);
    }
  }
  if (parent.size === 0) return undefined;
  return { of: (term) => (parent.has(term) ? root(term) : undefined), share };
}
