/**
 * The runtime-agnostic KnowledgeBase: question bank + chunks, searched lexically (BM25F), by
 * vector (any LangChain VectorStore: HNSWLib on Node, ExactVectorStore on Workers) or by both
 * fused with reciprocal rank fusion. Each query is planned first (query-plan.ts): a spoken
 * lead-in before the actual question is down-weighted, and rare exact terms the question names
 * rank the passages containing them first; both rankers and the fusion follow the plan. Node's
 * loader and the Workers entry assemble the parts; `HybridKnowledgeBase.build` assembles them
 * from scratch (Workers cold start, tests).
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
  type Card,
  type SearchHit,
  type SearchMode,
  type SearchOptions,
  type TopicId,
} from '../core/types.ts';
import { chunkEmbeddingText } from '../ingest/chunker.ts';
import { buildDomainDictionary } from '../text/domain-dictionary.ts';
import { Bm25Index, type Bm25Options, type ScoredDocument } from './bm25.ts';
import { createLexicalAnalyser, lexicalFieldsOf, type LexicalAnalyser } from './lexical-analyser.ts';
import { QueryPlanner, defaultQueryPlanOptions, type QueryPlan, type QueryPlanOptions } from './query-plan.ts';

export const maxQueryLength = 2_000;
export const maxResults = 50;

export interface FusionOptions {
  /** RRF damping constant: larger flattens the difference between ranks. */
  rrfK: number;
  lexicalWeight: number;
  vectorWeight: number;
  /** Candidates taken from each ranker before fusing. */
  pool: number;
  /**
   * Weight of a third ranking fused in: the lexical ranking's passages that contain a rare exact
   * term of the question (query-plan.ts). Lexical search ranks them first, but without this a
   * passage the vector ranker never saw loses to the lexical runner-up the vector ranker likes
   * (1/21 < 1/22 + 0.35/21). At 1 they stay ahead of every passage without the term.
   */
  rareWeight: number;
}

/**
 * Weighted RRF. The offline vector ranker is the weaker one on the shared eval (MRR 0.57 vs 0.87
 * lexical; 0.78 vs 0.83 on the held-out eval/retrieval-heldout.jsonl), so it gets about a third
 * of the lexical weight: equal weights measured hybrid MRR below lexical alone. Chosen on both
 * sets together: with vector weight 0.35, k = 15, 20 and 25 all give hybrid MRR 0.901 shared /
 * 0.858 held-out (k = 30: 0.881 / 0.858; k = 40: 0.86 / 0.85); vector weight 0.25–0.35 is flat
 * and 0.45 loses on both. k = 20 is the middle of that plateau, not its single best point.
 */
export const defaultFusion: FusionOptions = { rrfK: 20, lexicalWeight: 1, vectorWeight: 0.35, pool: 50, rareWeight: 1 };

/** Vector-store documents for chunks; metadata.chunkIndex points back into the chunk array. */
export function chunkDocuments(chunks: readonly Chunk[]): DocumentInterface[] {
  return chunks.map(
    (chunk, chunkIndex) =>
      new Document({ pageContent: chunkEmbeddingText(chunk), metadata: { chunkIndex, chunkId: chunk.id } }),
  );
}

/** The domain dictionary drawn from `cards` and the BM25F index of `chunks` analysed with it. */
export function buildLexicalIndex(
  cards: readonly Card[],
  chunks: readonly Chunk[],
  bm25?: Bm25Options,
): { dictionary: string[]; lexicalIndex: Bm25Index } {
  const dictionary = buildDomainDictionary(cards);
  const analyse = createLexicalAnalyser(dictionary);
  const askedAs = new Map(cards.map((card) => [card.id, card.question]));
  const fields = chunks.map((chunk) => lexicalFieldsOf(chunk, analyse, askedAs.get(chunk.cardId)));
  return { dictionary, lexicalIndex: Bm25Index.build(fields, bm25) };
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
  cards: readonly Card[];
  chunks: readonly Chunk[];
  /** Embeds queries; must be the embedder that produced the vector store's vectors. */
  embeddings: EmbeddingsInterface;
  /** Holds `chunkDocuments(chunks)` with their vectors; scores are cosine distances (HNSWLib). */
  vectorStore: VectorStore;
  lexicalIndex: Bm25Index;
  /** The domain dictionary the lexical index was built with. */
  dictionary: readonly string[];
  fusion?: Partial<FusionOptions>;
  /** Query focusing and rare-term settings (defaults: `defaultQueryPlanOptions`). */
  query?: Partial<QueryPlanOptions>;
  /**
   * Slope of the pivoted length normalisation of vector scores (see `vectorRanking`); 1 is plain
   * cosine. Defaults to the embedder's `lengthPivot` (LexicalEmbeddings), else 1.
   */
  vectorLengthPivot?: number;
}

/**
 * An embedder whose cosine similarity favours short passages says how much to correct it: a
 * bag-of-features vector normalised to unit length gives each feature of a short text a large
 * share, so a one-line passage sharing one word with the question outranks the passage that
 * answers it.
 */
export interface LengthBiasedEmbeddings {
  readonly lengthPivot: number;
}

export class HybridKnowledgeBase implements KnowledgeBase {
  readonly cards: readonly Card[];
  readonly chunks: readonly Chunk[];
  readonly dictionary: readonly string[];
  readonly fusion: FusionOptions;
  private readonly cardsById: Map<string, Card>;
  private readonly analyse: LexicalAnalyser;
  private readonly passageChunks: boolean[];
  private readonly planner: QueryPlanner;
  private readonly lengthPivot: number | undefined;
  private passageLengths: { lengths: Float64Array; mean: number } | undefined;

  constructor(private readonly parts: KnowledgeBaseParts) {
    this.cards = parts.cards;
    this.chunks = parts.chunks;
    this.dictionary = parts.dictionary;
    this.fusion = { ...defaultFusion, ...parts.fusion };
    this.cardsById = new Map(parts.cards.map((item) => [item.id, item]));
    this.analyse = createLexicalAnalyser(parts.dictionary);
    this.passageChunks = parts.chunks.map((chunk) => holdsPassage(this.cardsById.get(chunk.cardId)));
    this.lengthPivot = parts.vectorLengthPivot ?? (parts.embeddings as Partial<LengthBiasedEmbeddings>).lengthPivot;
    if (parts.lexicalIndex.size !== parts.chunks.length) {
      throw new AppError('index_unavailable', 'lexical index does not match the chunks; rebuild the index');
    }
    this.planner = new QueryPlanner(
      this.analyse,
      parts.lexicalIndex,
      (index) => `${parts.chunks[index]?.heading ?? ''}\n${parts.chunks[index]?.text ?? ''}`,
      { ...defaultQueryPlanOptions, ...parts.query },
    );
  }

  /** Builds every index in memory from cards and chunks: dictionary, BM25F, vectors. */
  static async build(options: {
    cards: readonly Card[];
    chunks: readonly Chunk[];
    embeddings: EmbeddingsInterface;
    vectorStore: VectorStore;
    fusion?: Partial<FusionOptions>;
    query?: Partial<QueryPlanOptions>;
    bm25?: Bm25Options;
    vectorLengthPivot?: number;
  }): Promise<HybridKnowledgeBase> {
    const { dictionary, lexicalIndex } = buildLexicalIndex(options.cards, options.chunks, options.bm25);
    await options.vectorStore.addDocuments(chunkDocuments(options.chunks));
    return new HybridKnowledgeBase({ ...options, dictionary, lexicalIndex });
  }

  getCard(id: string): Card | undefined {
    return this.cardsById.get(id);
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const request = validateSearch(query, options);
    const accept = this.acceptor(request.topics);
    const pool = Math.max(request.k, this.fusion.pool);
    const plan = this.planner.plan(request.query);
    if (request.mode === 'lexical') return this.toHits(this.lexicalRanking(plan, pool, accept), request.k);
    if (request.mode === 'vector') return this.toHits(await this.vectorRanking(plan, pool, accept), request.k);
    const [lexical, vector] = [this.lexicalRanking(plan, pool, accept), await this.vectorRanking(plan, pool, accept)];
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
   * grade, so search returns passages with content only (holdsPassage).
   */
  private acceptor(topics: readonly TopicId[] | undefined): (index: number) => boolean {
    const wanted = topics ? new Set(topics) : undefined;
    return (index) => {
      if (!this.passageChunks[index]) return false;
      return !wanted || (this.chunks[index]?.topics.some((topic) => wanted.has(topic)) ?? false);
    };
  }

  private lexicalRanking(plan: QueryPlan, pool: number, accept?: (index: number) => boolean): ScoredDocument[] {
    return this.parts.lexicalIndex.search(plan.terms, pool, accept, plan.weight, plan.rare, plan.groups);
  }

  /**
   * The query vector of a plan with a lead-in: the focus's unit vector plus the lead-in's scaled
   * by the plan's lead-in weight, so the lead-in's topics count as much less as its words do lexically.
   */
  private async focusedVector(plan: QueryPlan): Promise<number[]> {
    const { embeddings } = this.parts;
    const [focus, preamble] = await Promise.all([embeddings.embedQuery(plan.vectorFocus), embeddings.embedQuery(plan.preamble)]);
    const focusScale = 1 / (euclideanNorm(focus) || 1);
    const preambleScale = this.planner.options.preambleWeight / (euclideanNorm(preamble) || 1);
    return focus.map((value, index) => value * focusScale + (preamble[index] ?? 0) * preambleScale);
  }

  /**
   * Nearest passages by vector. With a length-biased embedder (`lengthPivot`), cosine scores are
   * re-weighted by pivoted length normalisation: score × n / ((1 − slope)·n̄ + slope·n), n the
   * square root of the passage's distinct lexical terms (a stand-in for its vector's length
   * before normalising), n̄ its mean. A passage of average length keeps its score; a short one
   * stops winning on a single shared word.
   */
  private async vectorRanking(plan: QueryPlan, pool: number, accept?: (index: number) => boolean): Promise<ScoredDocument[]> {
    const vector = await (plan.preamble ? this.focusedVector(plan) : this.parts.embeddings.embedQuery(plan.vectorFocus));
    const filter = accept ? (document: DocumentInterface) => accept(chunkIndexOf(document)) : undefined;
    const found = await this.parts.vectorStore.similaritySearchVectorWithScore(
      vector,
      Math.min(pool, this.chunks.length),
      filter,
    );
    const ranking = found.map(([document, distance]) => ({ index: chunkIndexOf(document), score: 1 - distance }));
    const slope = this.lengthPivot;
    if (slope === undefined || slope >= 1) return ranking;
    const { lengths, mean } = (this.passageLengths ??= passageLengths(this.parts.lexicalIndex));
    for (const document of ranking) {
      const length = lengths[document.index] ?? mean;
      document.score *= length / ((1 - slope) * mean + slope * length || 1);
    }
    return ranking.sort((left, right) => right.score - left.score || left.index - right.index);
  }

  /**
   * Reciprocal rank fusion: robust to the two rankers' incomparable score scales. The passages
   * holding a rare term of the question are fused in as a third ranking (see `rareWeight`).
   */
  private fuse(lexical: ScoredDocument[], vector: ScoredDocument[]): ScoredDocument[] {
    const { rrfK, lexicalWeight, vectorWeight, rareWeight } = this.fusion;
    const scores = new Map<number, number>();
    const add = (ranking: ScoredDocument[], weight: number) =>
      ranking.forEach(({ index }, rank) => scores.set(index, (scores.get(index) ?? 0) + weight / (rrfK + rank + 1)));
    add(lexical, lexicalWeight);
    add(vector, vectorWeight);
    // Passages holding a rare term lead the lexical ranking, so they are its prefix.
    const rare = lexical.findIndex((document) => document.rare === undefined);
    if (rare !== 0) add(rare < 0 ? lexical : lexical.slice(0, rare), rareWeight);
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

/** Square roots of each passage's distinct lexical terms, and their mean. */
function passageLengths(index: Bm25Index): { lengths: Float64Array; mean: number } {
  const lengths = Float64Array.from(index.distinctTermCounts(), Math.sqrt);
  const mean = lengths.length ? lengths.reduce((sum, value) => sum + value, 0) / lengths.length : 1;
  return { lengths, mean: mean || 1 };
}

function chunkIndexOf(document: DocumentInterface): number {
  const index = (document.metadata as { chunkIndex?: unknown }).chunkIndex;
  if (typeof index !== 'number') throw new AppError('index_unavailable', 'vector index entry has no chunk index; rebuild the index');
  return index;
}

function euclideanNorm(vector: readonly number[]): number {
  let sum = 0;
  for (const value of vector) sum += value * value;
  return Math.sqrt(sum);
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

/**
 * Whether a card's chunks are passages of the notes: an answered card's, and an askable card's whose note wrote under it
 * what does not answer it (「rpc？二进制协议？」 over 「分布式系统。」, card-bank.ts): the grader finds it and reads the question
 * as one the notes leave open. A search-only card left unanswered says nothing (a line of links).
 */
function holdsPassage(card: Card | undefined): boolean {
  return !card || card.answered || (card.reference !== '' && !card.searchOnly);
}
