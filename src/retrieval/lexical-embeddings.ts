/**
 * The offline default embedder: deterministic, no network, runtime-agnostic. A text becomes
 * hashed features (words, glossary concepts, character bigrams and trigrams) with sublinear TF,
 * folded into a fixed number of dimensions with signed hashing and L2-normalised.
 *
 * IDF design (the one trade-off that matters for incremental indexing): a document vector
 * depends only on its own text, never on the rest of the corpus, so the embedding cache keyed by
 * chunk hash stays valid and a changed file re-embeds only its own chunks. Rarity is applied on
 * the QUERY side only: `embedQuery` multiplies each feature by an IDF taken from document
 * frequencies of the indexed chunks (`setDocumentFrequencies`, a hashed count table rebuilt with
 * the lexical index). Ranking by ⟨q·idf, d⟩ weights rare features up as TF-IDF would, while
 * documents keep their common-feature mass in the norm, which mildly favours focused passages.
 * Recomputing the table never invalidates the cache. The domain dictionary is deliberately not
 * used here for the same reason: it is derived from all notes, so one edited file would change
 * every vector; character n-grams already keep dictionary terms together.
 */
import { Embeddings } from '@langchain/core/embeddings';
import { conceptTokens, glossaryVersion, withChineseTerms } from '../text/glossary.ts';
import { charNgrams, createTokenizer } from '../text/tokenizer.ts';

export interface LexicalEmbeddingsOptions {
  /** Output dimension. 512 keeps 100k vectors at ~200 MB in HNSW while collisions stay rare. */
  dimensions?: number;
  wordWeight?: number;
  conceptWeight?: number;
  bigramWeight?: number;
  trigramWeight?: number;
}

const defaults: Required<LexicalEmbeddingsOptions> = {
  dimensions: 512,
  wordWeight: 1,
  conceptWeight: 1,
  bigramWeight: 0.5,
  trigramWeight: 0.25,
};

/** Texts whose features are memoised: a personal corpus fits; bounded so 100k chunks do not. */
const featureMemoSize = 5_000;

/** Bump when feature extraction changes so persisted vectors are rebuilt. */
const featureVersion = 1;

/** 32-bit FNV-1a over UTF-16 code units; fast, stable across runtimes. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return hash >>> 0;
}

/**
 * How many indexed documents contain each feature, counted in a 2^18-slot hashed table so it
 * is compact (1 MB), binary-persistable and needs no feature strings.
 */
export interface FeatureFrequencies {
  documents: number;
  counts: Uint32Array;
}

export const frequencyTableSize = 1 << 18;

export class LexicalEmbeddings extends Embeddings {
  readonly options: Required<LexicalEmbeddingsOptions>;
  /**
   * Slope of the pivoted length normalisation search applies to these vectors' cosine scores
   * (knowledge-base.ts `LengthBiasedEmbeddings`): a short passage's few features each carry a
   * large share of its unit vector, so plain cosine lets a one-line passage that shares one word
   * with the question outrank the one that answers it. Vector MRR on the shared / held-out /
   * rare-term-and-lead-in sets: 0.57 / 0.78 / 0.83 plain, 0.61 / 0.79 / 0.86 at 0.7. Hybrid MRR
   * on the held-out set is 0.90 plain and 0.91 for any slope in 0.6–0.8 (0.89 at 0.5 and 0.4);
   * the shared set moves 0.921 → 0.923. 0.7 is the middle of that plateau.
   */
  readonly lengthPivot = 0.7;
  /** Name, version and every parameter that changes a vector; the index manifest stores it. */
  readonly identity: string;
  private readonly tokenizer = createTokenizer();
  private frequencies: FeatureFrequencies | undefined;
  private readonly recentFeatures = new Map<string, Map<number, number>>();

  constructor(options: LexicalEmbeddingsOptions = {}) {
    super({});
    this.options = { ...defaults, ...options };
    const { dimensions, wordWeight, conceptWeight, bigramWeight, trigramWeight } = this.options;
    if (!Number.isInteger(dimensions) || dimensions < 16) throw new RangeError('dimensions must be an integer ≥ 16');
    this.identity =
      `lexical-hash/v${featureVersion}/glossary${glossaryVersion}:dim=${dimensions}` +
      `:w=${wordWeight},c=${conceptWeight},b2=${bigramWeight},b3=${trigramWeight}:tf=1+ln`;
  }

  get dimensions(): number {
    return this.options.dimensions;
  }

  /**
   * Hashed features of one text with sublinear term frequency times the feature-kind weight.
   * Memoised for a while because a build extracts them twice per chunk (vectors, then the
   * query-side IDF table).
   */
  features(text: string): Map<number, number> {
    const remembered = this.recentFeatures.get(text);
    if (remembered) return remembered;
    const computed = this.extractFeatures(text);
    if (this.recentFeatures.size >= featureMemoSize) this.recentFeatures.clear();
    this.recentFeatures.set(text, computed);
    return computed;
  }

  private extractFeatures(text: string): Map<number, number> {
    const counts = new Map<string, number>();
    const add = (feature: string) => counts.set(feature, (counts.get(feature) ?? 0) + 1);
    for (const token of this.tokenizer.searchTokens(text)) add(`w:${token}`);
    for (const concept of conceptTokens(text)) add(`c:${concept}`);
    for (const gram of charNgrams(text, 2)) add(`2:${gram}`);
    for (const gram of charNgrams(text, 3)) add(`3:${gram}`);
    const { wordWeight, conceptWeight, bigramWeight, trigramWeight } = this.options;
    const kindWeight: Record<string, number> = { w: wordWeight, c: conceptWeight, '2': bigramWeight, '3': trigramWeight };
    const weights = new Map<number, number>();
    for (const [feature, count] of counts) {
      const hash = fnv1a(feature);
      weights.set(hash, (weights.get(hash) ?? 0) + (1 + Math.log(count)) * (kindWeight[feature[0]!] ?? 1));
    }
    return weights;
  }

  /** Counts, per hashed feature, how many of `texts` contain it: the input of query-side IDF. */
  documentFrequencies(texts: Iterable<string>): FeatureFrequencies {
    const counts = new Uint32Array(frequencyTableSize);
    let documents = 0;
    for (const text of texts) {
      documents++;
      for (const hash of this.features(text).keys()) counts[hash % frequencyTableSize]!++;
    }
    return { documents, counts };
  }

  /** Enables query-side IDF. Without it, queries are embedded like documents. */
  setDocumentFrequencies(frequencies: FeatureFrequencies | undefined): void {
    if (frequencies && frequencies.counts.length !== frequencyTableSize) {
      throw new RangeError(`frequency table must have ${frequencyTableSize} slots`);
    }
    this.frequencies = frequencies && frequencies.documents > 0 ? frequencies : undefined;
  }

  private inverseFrequency(hash: number): number {
    if (!this.frequencies) return 1;
    const { documents, counts } = this.frequencies;
    const frequency = counts[hash % frequencyTableSize]!;
    return Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
  }

  private vectorOf(text: string, weighted: boolean): number[] {
    const vector = new Float64Array(this.options.dimensions);
    for (const [hash, weight] of this.features(text)) {
      const value = weighted ? weight * this.inverseFrequency(hash) : weight;
      // The top bit picks the sign so colliding features cancel on average instead of piling up.
      vector[hash % this.options.dimensions]! += hash & 0x80000000 ? -value : value;
    }
    return normalise(vector);
  }

  /** Document vectors depend on their own text only (cacheable by content hash). */
  async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((document) => this.vectorOf(document, false));
  }

  /**
   * Query vectors carry the IDF of the indexed corpus, when set, and the Chinese words of
   * concepts the query names in English (notes are mostly Chinese).
   */
  async embedQuery(document: string): Promise<number[]> {
    return this.vectorOf(withChineseTerms(document), true);
  }
}

function normalise(vector: Float64Array): number[] {
  let sum = 0;
  for (const value of vector) sum += value * value;
  const norm = Math.sqrt(sum);
  return Array.from(vector, (value) => (norm > 0 ? value / norm : 0));
}
