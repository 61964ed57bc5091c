/**
 * The index the Worker bundles: built in Node by scripts/build-worker-index.ts from the same
 * stored index `npm start` uses (cards, chunks, dictionary, BM25F postings, query-side IDF table,
 * vectors), loaded here into the runtime-agnostic HybridKnowledgeBase with the pure-JS exact
 * cosine store — hnswlib-node is a native addon and cannot run in workerd.
 *
 * Everything is plain JSON so the runtime's native parser does the decoding: a cold isolate has
 * no warm JIT, and a hand-written base64 → Float32 loop took 205 ms cold for this corpus's vectors
 * where JSON.parse of the same numbers takes 5 ms (Node 20).
 * Vectors are Float32 values written with 9 significant digits, which round-trips every float32
 * exactly: both runtimes rank with the numbers HNSWLib keeps on Node. The IDF table is sparse
 * (slot, count) pairs: the 1 MB dense table is mostly zeros.
 */
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import type { Chunk, Card } from '../../core/types.ts';
import { Bm25Index, type SerializedBm25 } from '../../retrieval/bm25.ts';
import type { IdentifiedEmbeddings } from '../../retrieval/embeddings-factory.ts';
import { ExactVectorStore } from '../../retrieval/exact-vector-store.ts';
import { chunkDocuments, HybridKnowledgeBase } from '../../retrieval/knowledge-base.ts';
import { frequencyTableSize, LexicalEmbeddings, type FeatureFrequencies } from '../../retrieval/lexical-embeddings.ts';

export const workerIndexFormat = 'mianba-worker-index/1';

export interface WorkerIndexFile {
  format: typeof workerIndexFormat;
  /** Fingerprint of the stored index it was made from; the build skips work when unchanged. */
  source: string;
  embedder: string;
  dimensions: number;
  cards: Card[];
  chunks: Chunk[];
  dictionary: string[];
  lexical: SerializedBm25;
  /** Query-side IDF of the lexical embedder; null for embedders without one. */
  frequencies: { documents: number; slots: number[]; counts: number[] } | null;
  /** One row of `dimensions` float32 values per chunk, row i is chunks[i]. */
  vectors: number[][];
}

/** Shortest decimal form that reads back as the same float32 (9 significant digits suffice). */
export function float32Text(value: number): number {
  return Number(Math.fround(value).toPrecision(9));
}

export function encodeFrequencies(frequencies: FeatureFrequencies): NonNullable<WorkerIndexFile['frequencies']> {
  const slots: number[] = [];
  const counts: number[] = [];
  frequencies.counts.forEach((count, slot) => {
    if (count > 0) {
      slots.push(slot);
      counts.push(count);
    }
  });
  return { documents: frequencies.documents, slots, counts };
}

function decodeFrequencies(encoded: NonNullable<WorkerIndexFile['frequencies']>): FeatureFrequencies {
  if (encoded.slots.length !== encoded.counts.length) {
    throw new AppError('index_unavailable', 'bundled IDF table is inconsistent; rebuild the Worker index');
  }
  const counts = new Uint32Array(frequencyTableSize);
  encoded.slots.forEach((slot, at) => {
    if (!(slot >= 0 && slot < frequencyTableSize)) {
      throw new AppError('index_unavailable', 'bundled IDF table is out of range; rebuild the Worker index');
    }
    counts[slot] = encoded.counts[at]!;
  });
  return { documents: encoded.documents, counts };
}

/*
 * The file is our own build output bundled into the script, so only its envelope is checked
 * here (cheap at cold start); the deep shapes were validated when the Node index was read.
 */
const envelopeSchema = z.object({
  format: z.literal(workerIndexFormat),
  source: z.string(),
  embedder: z.string().min(1),
  dimensions: z.number().int().positive(),
  cards: z.array(z.unknown()).min(1),
  chunks: z.array(z.unknown()).min(1),
  dictionary: z.array(z.string()),
  // Bm25Index.fromJSON checks its own format version.
  lexical: z.object({ lengths: z.object({ body: z.array(z.number()) }) }).loose(),
  frequencies: z.object({ documents: z.number().int().nonnegative(), slots: z.array(z.number()), counts: z.array(z.number()) }).nullable(),
  vectors: z.array(z.array(z.number())),
});

/** Checks a bundled index file and types it; a wrong or stale file is `index_unavailable`. */
export function parseWorkerIndex(data: unknown): WorkerIndexFile {
  const parsed = envelopeSchema.safeParse(data);
  if (!parsed.success) {
    throw new AppError('index_unavailable', `bundled index is not a ${workerIndexFormat} file; run npm run build:worker`);
  }
  const file = data as WorkerIndexFile;
  if (file.vectors.length !== file.chunks.length || file.vectors.some((row) => row.length !== file.dimensions)) {
    throw new AppError('index_unavailable', 'bundled vectors do not match the chunks; rebuild the Worker index');
  }
  if (file.lexical.lengths.body.length !== file.chunks.length) {
    throw new AppError('index_unavailable', 'bundled lexical index does not match its chunks; rebuild the Worker index');
  }
  return file;
}

/** Builds the KnowledgeBase from a bundled index, searching vectors exactly. */
export async function loadPrebuiltKnowledgeBase(
  data: unknown,
  embeddings: IdentifiedEmbeddings,
): Promise<HybridKnowledgeBase> {
  const file = parseWorkerIndex(data);
  if (embeddings.identity !== file.embedder) {
    throw new AppError(
      'index_unavailable',
      `the bundled index was built with ${file.embedder} but this Worker embeds with ${embeddings.identity}; rebuild the Worker index`,
    );
  }
  if (embeddings instanceof LexicalEmbeddings) {
    embeddings.setDocumentFrequencies(file.frequencies ? decodeFrequencies(file.frequencies) : undefined);
  }
  const vectorStore = new ExactVectorStore(embeddings, { dimensions: file.dimensions });
  await vectorStore.addVectors(file.vectors, chunkDocuments(file.chunks));
  return new HybridKnowledgeBase({
    cards: file.cards,
    chunks: file.chunks,
    embeddings,
    vectorStore,
    lexicalIndex: Bm25Index.fromJSON(file.lexical),
    dictionary: file.dictionary,
  });
}
