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

/** Bump when the analyser's output changes, so persisted lexical indexes are rebuilt. */
export const lexicalAnalyserVersion = 1;

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
 * Splits a chunk into BM25F fields. `Chunk.heading` is the heading path joined with " > " and
 * ending in the question, so its last segment is the question and the rest is context.
 */
export function lexicalFieldsOf(chunk: Pick<Chunk, 'heading' | 'text'>, analyse: LexicalAnalyser): LexicalFields {
  const path = chunk.heading.split(headingSeparator);
  const question = path.pop() ?? '';
  return { question: analyse(question), context: analyse(path.join(' ')), body: analyse(chunk.text) };
}
