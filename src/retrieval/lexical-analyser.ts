/**
 * What the lexical index sees of a text: dictionary-aware words (with sub-words and identifier
 * parts for recall) plus bilingual glossary concepts, so "stackless coroutine" and 无栈协程 share
 * terms. The same analyser runs on chunks and on queries.
 */
import type { Chunk } from '../core/types.ts';
import { conceptTokens } from '../text/glossary.ts';
import { charNgrams, createTokenizer } from '../text/tokenizer.ts';
import { headingSeparator } from '../ingest/chunker.ts';
import type { LexicalFields } from './bm25.ts';

export type LexicalAnalyser = (text: string) => string[];

/** Bump when the analyser's output changes, so persisted lexical indexes are rebuilt (tests/retrieval/index-fingerprint.test.ts checks). */
export const lexicalAnalyserVersion = 2;

const cjk = /[\u3400-\u9fff]/u;

/**
 * Words, concepts and CJK character bigrams (prefixed "#" so they never collide with words).
 * Bigrams catch what segmentation misses: 一个线程 vs 单线程 still share #线程, and an ICU
 * mis-split term still matches piecewise. Measured on the retrieval eval: recall@3 0.84 → 0.92.
 */
export function createLexicalAnalyser(dictionary: Iterable<string>): LexicalAnalyser {
  const tokenizer = createTokenizer(dictionary);
  return (text) => {
    const bigrams = charNgrams(text, 2)
      .filter((gram) => gram.length === 2 && cjk.test(gram))
      .map((gram) => `#${gram}`);
    return [...tokenizer.searchTokens(text), ...conceptTokens(text), ...bigrams];
  };
}

/**
 * How much a query term counts relative to a word. A CJK bigram is weak evidence on its own: a
 * query's bigrams also straddle word and stopword boundaries (为什么 → #为什 #什么, 一个线程 →
 * #个线), so at full weight they let filler outvote the terms, and a passage missing a few of
 * them loses coordination; at half weight they still rescue mis-segmented terms. Lexical MRR on
 * the shared eval / the held-out eval/retrieval-heldout.jsonl: weight 1 → 0.843 / 0.805,
 * 0.3 → 0.870 / 0.861, 0.4 → 0.890 / 0.843, 0.5 → 0.873 / 0.826, 0.6 → 0.869 / 0.817. Below 0.5
 * one more shared query leaves the hybrid top 3, so 0.5. Dropping stopword-straddling bigrams
 * instead (rather than trusting all bigrams less) was worse on the shared set.
 */
export const bigramQueryWeight = 0.5;

export function lexicalQueryTermWeight(term: string): number {
  return term.startsWith('#') ? bigramQueryWeight : 1;
}

/**
 * Splits a chunk into BM25F fields. `Chunk.heading` is the heading path joined with " > " and
 * ending in the question, so its last segment is the question and the rest is context.
 *
 * A card asks its question in its own words, which the chunk heading appends to the note's
 * ("exchange交换机 说说你对exchange交换机的了解。", "存几条记录？ 关于消息结构体，存几条记录？").
 * Given that wording (`askedAs`), the question field holds the note's wording only and the
 * card's goes with the context: its template (说说你对…的了解, 是怎么实现的) and the parent subject
 * it borrows are not what the author asked, and at the question field's weight they let question
 * filler and the parent's words outvote the passage that answers.
 */
export function lexicalFieldsOf(
  chunk: Pick<Chunk, 'heading' | 'text'>,
  analyse: LexicalAnalyser,
  askedAs?: string,
): LexicalFields {
  const path = chunk.heading.split(headingSeparator);
  let question = path.pop() ?? '';
  const asked = askedAs?.replaceAll(headingSeparator, ' ').trim();
  if (asked && question.length > asked.length && question.endsWith(` ${asked}`)) {
    question = question.slice(0, -asked.length).trim();
    path.push(asked);
  }
  return { question: analyse(question), context: analyse(path.join(' ')), body: analyse(chunk.text) };
}
