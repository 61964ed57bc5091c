/**
 * How a query is searched: its focus and lead-in (query-focus.ts), the lexical terms with their
 * weights, and the rare exact terms the question names. Built once per search and shared by the
 * lexical ranker, the vector ranker and the fusion, on Node and on Workers alike.
 *
 * Measured on eval/retrieval-rare-preamble.jsonl (31 rare-term and 26 lead-in questions, written
 * before this existed; see eval/README.md), card index: the passage naming the rare term ranks
 * first for 31 of 31 rare-term questions in lexical and in hybrid mode (29 before); lead-in
 * questions' hybrid recall@3 / MRR 0.77 / 0.71 → 1.00 / 0.93. The shared set is unchanged; the
 * held-out set gains (hybrid MRR 0.875 → 0.883, lexical 0.831 → 0.861). A lead-in weight
 * anywhere in 0.15–0.5 gives the same lead-in recall@3; 0.3 was chosen beforehand, not tuned.
 */
import { normaliseText } from '../text/tokenizer.ts';
import { stopwords } from '../text/stopwords.ts';
import type { Bm25Index } from './bm25.ts';
import { lexicalQueryTermWeight, type LexicalAnalyser } from './lexical-analyser.ts';
import { splitPreamble } from './query-focus.ts';

export interface QueryPlanOptions {
  /**
   * How much the lead-in counts relative to the focus, for lexical terms and for the vector
   * query alike. Not 0: the lead-in still says which project or topic the question is about.
   */
  preambleWeight: number;
  /**
   * A term is rare when at most this many passages contain it. 2, not 1: a long passage is cut
   * into overlapping chunks, so a term written once in the notes can sit in two chunks. 0 turns
   * rare-term ranking off.
   */
  maxRareDocumentFrequency: number;
  /**
   * The focus must hold at least this many words the notes contain, and must not point back
   * with a pronoun (它, 这种, it), for the lead-in to be down-weighted: a focus like
   * "那为什么不直接写？" or "那它的缺点呢？" is asking about the lead-in itself.
   */
  minFocusWords: number;
}

export const defaultQueryPlanOptions: QueryPlanOptions = {
  preambleWeight: 0.3,
  maxRareDocumentFrequency: 2,
  minFocusWords: 2,
};

/** Terms and rare terms are worked out when first read: vector search needs neither. */
export interface QueryPlan {
  /** The question proper (the whole query when nothing is down-weighted). */
  readonly focus: string;
  /** The down-weighted lead-in, '' when none. */
  readonly preamble: string;
  /** Lexical terms of focus and lead-in (repeats allowed; BM25 counts each once). */
  readonly terms: readonly string[];
  /** Weight of a term relative to a focus word (bigrams and lead-in terms count less). */
  readonly weight: (term: string) => number;
  /** Rare exact terms the focus names (see `rareTerms`). */
  readonly rare: ReadonlySet<string>;
}

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

/** Whole-mention answers kept per planner; the passages never change under one planner. */
const wholeCacheSize = 10_000;

const cjk = /[\u3400-\u9fff]/u;
const hasLetter = /[a-z]/;
/** Latin letters in any width: NFKC folds full-width ones to ASCII. */
const latinLetter = /[a-zA-Z\uff21-\uff3a\uff41-\uff5a]/;
const identifierPunctuation = /[0-9._\-]/;
/** ASCII identifiers as the tokenizer reads them (go1.18, time_wait, sync.cond, c++). */
const identifiers = /[a-z0-9](?:[a-z0-9_]|[.\-](?=[a-z0-9]))*[+#]*/g;
/** Literal values name no one thing, however rarely notes write them. */
const literals = new Set(['true', 'false', 'nil', 'null', 'none', 'undefined', 'nan']);
/** Pronouns by which a question refers back to what its lead-in named. */
const pointsBack = /它|这个|这种|这些|这样的|此|\b(?:it|its|they|them)\b/iu;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether `text` writes `term` as a whole identifier, not as part of a longer one: 'pool' is in
 * "sync.Pool" and 'go' in "client-go" only as parts, which the index also holds, for recall.
 */
export function mentionsWhole(text: string, term: string): boolean {
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

export class QueryPlanner {
  private readonly source: RareTermSource;

  /** `text(i)` is the searchable text of the lexical index's document i. */
  constructor(
    private readonly analyse: LexicalAnalyser,
    index: Pick<Bm25Index, 'documentFrequency' | 'documentsContaining'>,
    text: (index: number) => string,
    readonly options: QueryPlanOptions = defaultQueryPlanOptions,
  ) {
    const whole = new Map<string, boolean>();
    const source: RareTermSource = {
      documentFrequency: (term) => index.documentFrequency(term),
      documentsContaining: (term) => index.documentsContaining(term),
      text,
      writesWhole: (term) => {
        let known = whole.get(term);
        if (known === undefined) {
          if (whole.size >= wholeCacheSize) whole.clear();
          whole.set(term, (known = writtenWhole(source, term)));
        }
        return known;
      },
    };
    this.source = source;
  }

  plan(query: string): QueryPlan {
    const { focus, preamble } = splitPreamble(query);
    if (!preamble) return this.whole(query);
    const focusTerms = this.analyse(focus);
    const focusWords = new Set(focusTerms.filter((term) => !term.startsWith('#') && this.source.documentFrequency(term) > 0));
    if (focusWords.size < this.options.minFocusWords || pointsBack.test(focus)) return this.whole(query);
    const inFocus = new Set(focusTerms);
    const { preambleWeight, maxRareDocumentFrequency } = this.options;
    const source = this.source;
    let rare: ReadonlySet<string> | undefined;
    return {
      focus,
      preamble,
      terms: [...focusTerms, ...this.analyse(preamble)],
      weight: (term) => lexicalQueryTermWeight(term) * (inFocus.has(term) ? 1 : preambleWeight),
      get rare() {
        return (rare ??= rareTerms(focus, source, maxRareDocumentFrequency));
      },
    };
  }

  private whole(query: string): QueryPlan {
    const { analyse, source } = this;
    const { maxRareDocumentFrequency } = this.options;
    let terms: readonly string[] | undefined;
    let rare: ReadonlySet<string> | undefined;
    return {
      focus: query,
      preamble: '',
      get terms() {
        return (terms ??= analyse(query));
      },
      weight: lexicalQueryTermWeight,
      get rare() {
        return (rare ??= rareTerms(query, source, maxRareDocumentFrequency));
      },
    };
  }
}
