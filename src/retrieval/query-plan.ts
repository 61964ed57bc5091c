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
 *
 * Three more classes of query after the notes became cards (shared set hybrid MRR 0.921 before
 * cards, 0.868 after): what a question sets aside ("不用 Redis 的话，拿 ZK 怎么做…") is not
 * searched (query-focus.ts `splitSetAside`); in a question written in English a glossary word
 * gives way to its concept (`englishGlossaryWordWeight`); a Chinese word and the bigrams inside it
 * count as one piece of evidence (`subwordBigramShare`).
 */
import type { Bm25Index, TermGroups } from './bm25.ts';
import { lexicalQueryTermWeight, type LexicalAnalyser } from './lexical-analyser.ts';
import { splitPreamble, splitSetAside } from './query-focus.ts';
import { conceptTokens } from '../text/glossary.ts';
import { kindTermsOf, withKindsNamed, type KindTerm } from './concept-kinds.ts';
import { rareTerms, subwordGroups, writtenWhole, type RareTermSource } from './rare-terms.ts';

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
  /**
   * How much the character bigrams inside a query word add to the word. Bigrams are there to
   * catch what segmentation splits differently (一个线程 vs 单线程 share #线程); counted on top of
   * the word they spell, a passage that writes a Chinese word the way the question does scores it
   * two to four times (线程 + #线程; 结构体 + 结构 + 体 + #结构 + #构体) while an English name or a
   * concept matched in other words scores once. So a word and its bigrams are one group: the best
   * of them plus this share of the rest (bm25.ts `TermGroups`). 1 counts them all in full.
   * Lexical MRR shared / held-out / rare-and-lead-in: 0.890 / 0.876 / 0.974 at 1, 0.941 / 0.889 /
   * 0.974 at 0.25; anywhere in 0–0.5 keeps the shared set at 0.941 and the others at or above
   * where they were (hybrid too). 0.25 is the middle of that range.
   */
  subwordBigramShare: number;
  /**
   * Weight of a word of a question written in English that is a form of a glossary concept the
   * question names ("exchange" of "exchange data" → ~exchange): the concept, which matches the
   * word in either language, carries it. Spelled out, the English word matches only notes that
   * write it, and in Chinese notes such a word is mostly jargon of another sense (a RabbitMQ
   * "exchange交换机"). 1 counts the word as any other. Only 6 of the 142 eval questions are in
   * English; at 0 three of them rank their passage higher (lexical MRR shared 0.921 → 0.941,
   * held-out 0.875 → 0.889) and none lower.
   */
  englishGlossaryWordWeight: number;
  /**
   * Weight of the kinds a question asks for (concept-kinds.ts) relative to its own words; a
   * concept's kinds count as one piece of evidence (one term group). 0 turns this off.
   */
  conceptKindWeight: number;
}

export const defaultQueryPlanOptions: QueryPlanOptions = {
  preambleWeight: 0.3,
  maxRareDocumentFrequency: 2,
  minFocusWords: 2,
  subwordBigramShare: 0.25,
  englishGlossaryWordWeight: 0,
  conceptKindWeight: 1,
};

/** Terms and rare terms are worked out when first read: vector search needs neither. */
export interface QueryPlan {
  /** The question proper (the whole query when nothing is down-weighted). */
  readonly focus: string;
  /** The down-weighted lead-in, '' when none. */
  readonly preamble: string;
  /** What the question sets aside (not searched), '' when nothing. */
  readonly setAside: string;
  /** The focus as the vector ranker embeds it: with the kinds it asks for named (concept-kinds.ts). */
  readonly vectorFocus: string;
  /** Lexical terms of focus and lead-in (repeats allowed; BM25 counts each once). */
  readonly terms: readonly string[];
  /** Weight of a term relative to a focus word (bigrams and lead-in terms count less). */
  readonly weight: (term: string) => number;
  /** Terms that count as one (a word and the bigrams inside it); undefined when none do. */
  readonly groups: TermGroups | undefined;
  /** Rare exact terms the focus names (see `rareTerms`). */
  readonly rare: ReadonlySet<string>;
}

/** Whole-mention answers kept per planner; the passages never change under one planner. */
const wholeCacheSize = 10_000;

const cjk = /[\u3400-\u9fff]/u;
/** Pronouns by which a question refers back to what its lead-in named. */
const pointsBack = /它|这个|这种|这些|这样的|此|\b(?:it|its|they|them)\b/iu;

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

  /**
   * Plans `query`: what it sets aside is dropped (when enough of the question is left), then the
   * lead-in is split off and down-weighted (see the module comment).
   */
  plan(query: string): QueryPlan {
    const { rest, setAside } = this.withoutSetAside(query);
    const { focus, preamble } = splitPreamble(rest);
    if (!preamble) return this.whole(rest, setAside);
    const focusTerms = this.analyse(focus);
    if (!this.enoughWords(focusTerms) || pointsBack.test(focus)) return this.whole(rest, setAside);
    const inFocus = new Set(focusTerms);
    const { preambleWeight, maxRareDocumentFrequency } = this.options;
    const source = this.source;
    const ownTerms = [...focusTerms, ...this.analyse(preamble)];
    const kinds = kindTermsOf(focus, ownTerms, this.analyse, this.options.conceptKindWeight);
    const terms = [...ownTerms, ...[...kinds].filter(([, found]) => found.kind).map(([term]) => term)];
    const base = this.termWeights(rest, terms);
    let rare: ReadonlySet<string> | undefined;
    return {
      focus,
      preamble,
      setAside,
      vectorFocus: this.options.conceptKindWeight > 0 ? withKindsNamed(focus) : focus,
      terms,
      weight: (term) => base(term) * (kinds.get(term)?.kind ? this.options.conceptKindWeight : inFocus.has(term) ? 1 : preambleWeight),
      groups: this.groups(terms, kinds),
      get rare() {
        return (rare ??= rareTerms(focus, source, maxRareDocumentFrequency));
      },
    };
  }

  /**
   * Each Chinese query word with the bigrams inside it as one group (see `subwordBigramShare`),
   * and the kinds of one concept (`kinds`: term → its concept's group) as one.
   */
  private groups(terms: readonly string[], kinds: ReadonlyMap<string, KindTerm>): TermGroups | undefined {
    const share = this.options.subwordBigramShare;
    const subwords = share >= 1 ? undefined : subwordGroups(terms, share);
    if (kinds.size === 0) return subwords;
    // A concept named in any of its forms, or by any of its kinds, is one piece of evidence: its best match.
    const conceptGroups = new Set([...kinds.values()].map((found) => found.group));
    return {
      of: (term) => kinds.get(term)?.group ?? subwords?.of(term),
      share: Math.min(share, 1),
      shareOf: (group) => (conceptGroups.has(group) ? 0 : undefined),
    };
  }

  /** Whether `terms` hold at least `minFocusWords` words the notes contain (bigrams aside). */
  private enoughWords(terms: readonly string[]): boolean {
    const words = new Set(terms.filter((term) => !term.startsWith('#') && this.source.documentFrequency(term) > 0));
    return words.size >= this.options.minFocusWords;
  }

  /** The query without what it sets aside, unless too little of a question would be left. */
  private withoutSetAside(query: string): { rest: string; setAside: string } {
    const split = splitSetAside(query);
    if (!split.setAside || !this.enoughWords(this.analyse(split.rest))) return { rest: query, setAside: '' };
    return split;
  }

  /**
   * Query term weights: bigrams count less (lexicalQueryTermWeight), and in a question written in
   * English, a word that is a form of a glossary concept the question names gives way to the
   * concept (`englishGlossaryWordWeight`).
   */
  private termWeights(query: string, terms: readonly string[]): (term: string) => number {
    const { englishGlossaryWordWeight } = this.options;
    if (englishGlossaryWordWeight === 1 || cjk.test(query)) return lexicalQueryTermWeight;
    const concepts = new Set(terms.filter((term) => term.startsWith('~')));
    const yielding = new Set(
      terms.filter((term) => {
        if (!/^[a-z]/.test(term)) return false;
        const named = conceptTokens(term);
        return named.length > 0 && named.every((concept) => concepts.has(concept));
      }),
    );
    if (yielding.size === 0) return lexicalQueryTermWeight;
    return (term) => (yielding.has(term) ? englishGlossaryWordWeight : lexicalQueryTermWeight(term));
  }

  private whole(query: string, setAside: string): QueryPlan {
    const { analyse, source } = this;
    const { maxRareDocumentFrequency } = this.options;
    const kinds = kindTermsOf(query, analyse(query), analyse, this.options.conceptKindWeight);
    const { conceptKindWeight } = this.options;
    const termWeights = (terms: readonly string[]) => {
      const base = this.termWeights(query, terms);
      return kinds.size === 0 ? base : (term: string) => base(term) * (kinds.get(term)?.kind ? conceptKindWeight : 1);
    };
    const termGroups = (terms: readonly string[]) => this.groups(terms, kinds);
    let terms: readonly string[] | undefined;
    let weight: ((term: string) => number) | undefined;
    let groups: { value: TermGroups | undefined } | undefined;
    let rare: ReadonlySet<string> | undefined;
    return {
      focus: query,
      preamble: '',
      setAside,
      vectorFocus: this.options.conceptKindWeight > 0 ? withKindsNamed(query) : query,
      get terms() {
        return (terms ??= [...analyse(query), ...[...kinds].filter(([, found]) => found.kind).map(([term]) => term)]);
      },
      get weight() {
        return (weight ??= termWeights(this.terms));
      },
      get groups() {
        return (groups ??= { value: termGroups(this.terms) }).value;
      },
      get rare() {
        return (rare ??= rareTerms(query, source, maxRareDocumentFrequency));
      },
    };
  }
}
