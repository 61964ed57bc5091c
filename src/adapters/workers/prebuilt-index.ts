/**
 * The index the Worker bundles: built in Node by scripts/build-worker-index.ts from the same
 * stored index `npm start` uses (items, chunks, dictionary, BM25F postings, query-side IDF table,
 * vectors), loaded here into the runtime-agnostic HybridKnowledgeBase with the pure-JS exact
 * cosine store — hnswlib-node is a native addon and cannot run in workerd.
 *
 * Vectors travel as base64 little-endian Float32, the precision HNSWLib keeps on Node, so both
 * runtimes rank with the same numbers. The IDF table is sparse (slot, count) pairs: a 1 MB dense
 * table is mostly zeros.
 */
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import type { Chunk, QuestionItem } from '../../core/types.ts';
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
  items: QuestionItem[];
  chunks: Chunk[];
  dictionary: string[];
  lexical: SerializedBm25;
  /** Query-side IDF of the lexical embedder; null for embedders without one. */
  frequencies: { documents: number; slots: string; counts: string } | null;
  /** chunks.length × dimensions Float32, row i is chunks[i]. */
  vectors: string;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // Bounded slices keep String.fromCharCode's argument list far below engine limits.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
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
  return {
    documents: frequencies.documents,
    slots: bytesToBase64(new Uint8Array(Uint32Array.from(slots).buffer)),
    counts: bytesToBase64(new Uint8Array(Uint32Array.from(counts).buffer)),
  };
}

function decodeFrequencies(encoded: NonNullable<WorkerIndexFile['frequencies']>): FeatureFrequencies {
  const slots = new Uint32Array(base64ToBytes(encoded.slots).buffer);
  const values = new Uint32Array(base64ToBytes(encoded.counts).buffer);
  if (slots.length !== values.length) throw new AppError('index_unavailable', 'bundled IDF table is inconsistent; rebuild the Worker index');
  const counts = new Uint32Array(frequencyTableSize);
  slots.forEach((slot, at) => {
    if (slot >= frequencyTableSize) throw new AppError('index_unavailable', 'bundled IDF table is out of range; rebuild the Worker index');
    counts[slot] = values[at]!;
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
  items: z.array(z.unknown()).min(1),
  chunks: z.array(z.unknown()).min(1),
  dictionary: z.array(z.string()),
  // Bm25Index.fromJSON checks its own format version.
  lexical: z.object({ lengths: z.object({ body: z.array(z.number()) }) }).loose(),
  frequencies: z.object({ documents: z.number().int().nonnegative(), slots: z.string(), counts: z.string() }).nullable(),
  vectors: z.string(),
});

/** Checks a bundled index file and types it; a wrong or stale file is `index_unavailable`. */
export function parseWorkerIndex(data: unknown): WorkerIndexFile {
  const parsed = envelopeSchema.safeParse(data);
  if (!parsed.success) {
    throw new AppError('index_unavailable', `bundled index is not a ${workerIndexFormat} file; run npm run build:worker`);
  }
  const file = data as WorkerIndexFile;
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
  const matrix = new Float32Array(base64ToBytes(file.vectors).buffer);
  if (matrix.length !== file.chunks.length * file.dimensions) {
    throw new AppError('index_unavailable', 'bundled vectors do not match the chunks; rebuild the Worker index');
  }
  const rows = file.chunks.map((_, row) => Array.from(matrix.subarray(row * file.dimensions, (row + 1) * file.dimensions)));
  const vectorStore = new ExactVectorStore(embeddings, { dimensions: file.dimensions });
  await vectorStore.addVectors(rows, chunkDocuments(file.chunks));
  return new HybridKnowledgeBase({
    items: file.items,
    chunks: file.chunks,
    embeddings,
    vectorStore,
    lexicalIndex: Bm25Index.fromJSON(file.lexical),
    dictionary: file.dictionary,
  });
}
