/**
 * The on-disk index (Node only): `data/index/` holds the manifest, question bank, chunks,
 * dictionary, lexical index, query-side IDF table and the HNSWLib vector index. The vectors'
 * cache is embedding-cache.ts.
 *
 * Writes go to a sibling temp folder that replaces the index only once complete, and the
 * manifest is the last file written, so a crash mid-build leaves either the old index or a
 * folder without a manifest — both are detected and rebuilt.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentInterface } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { SynchronousInMemoryDocstore } from '@langchain/community/stores/doc/in_memory';
import hnswlib from 'hnswlib-node';
import { z } from 'zod';
import { cardSchema } from '../../ingest/card-schema.ts';
import { topicIds, type Chunk, type Card } from '../../core/types.ts';
import type { SerializedBm25 } from '../../retrieval/bm25.ts';
import { frequencyTableSize, type FeatureFrequencies } from '../../retrieval/lexical-embeddings.ts';

/** Bump when anything written here, or the ingest/chunking it stores, changes shape. */
export const indexFormatVersion = 1;

export interface HnswParameters {
  /** Graph degree. 16 is hnswlib's default and ample for ≤ 1M points. */
  m: number;
  efConstruction: number;
  /** Candidate list size at query time; hnswlib's default of 10 loses recall (see bench). */
  efSearch: number;
}

/**
 * efSearch measured by `npm run bench -- retrieval` at 100k synthetic 512-d chunks (M=16,
 * efConstruction=200): recall@10 vs exact 0.89 at 64, 0.958 at 128, 0.978 at 256, 0.999 at 384
 * with p50 ≈ 1.3 ms. Hashed lexical vectors have a high intrinsic dimension, so HNSW needs a
 * wide candidate list; at corpus scale (hundreds of chunks) 384 makes the search exact.
 */
export const defaultHnswParameters: HnswParameters = { m: 16, efConstruction: 200, efSearch: 384 };

const manifestSchema = z.object({
  /** Compared by the loader: another version means "rebuild", not "corrupt". */
  format: z.number().int(),
  embedder: z.string().min(1),
  /** Corpus-relative path → sha256 of the file's bytes. */
  files: z.record(z.string(), z.string()),
  dimensions: z.number().int().positive(),
  /**
   * Everything besides the corpus and embedder that shapes the stored index (lexical options,
   * glossary version…); a mismatch means the code changed and the index is rebuilt.
   */
  pipeline: z.string().default(''),
  hnsw: z.object({ m: z.number().int(), efConstruction: z.number().int(), efSearch: z.number().int() }),
  counts: z.object({ cards: z.number().int(), chunks: z.number().int() }),
  /** Ingest warnings (skipped files…) so a no-op re-run still reports them. */
  warnings: z.array(z.string()),
  builtAt: z.string(),
});
export type IndexManifest = z.infer<typeof manifestSchema>;

const chunkSchema = z.object({
  id: z.string(),
  cardId: z.string(),
  text: z.string(),
  heading: z.string(),
  source: z.string(),
  topics: z.array(z.enum(topicIds)),
  hash: z.string(),
});
const perField = <T extends z.ZodType>(schema: T) => z.object({ question: schema, context: schema, body: schema });
const lexicalSchema = z.object({
  format: z.literal('bm25f/2'),
  options: z.object({
    k1: z.number(),
    b: perField(z.number()),
    weight: perField(z.number()),
    coordination: z.number().optional(),
  }),
  lengths: perField(z.array(z.number())),
  // ~15k terms × 4 arrays: a plain loop checks them in a few ms where a nested zod schema
  // costs more than the rest of an unchanged re-index.
  postings: z.custom<Record<string, number[][]>>(isPostings, 'postings must map terms to 4 equal-length number arrays'),
});

function isPostings(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const entry of Object.values(value)) {
    if (!Array.isArray(entry) || entry.length !== 4) return false;
    const length = (entry[0] as unknown[] | undefined)?.length;
    for (const column of entry as unknown[]) {
      if (!Array.isArray(column) || column.length !== length) return false;
      for (const number of column) if (typeof number !== 'number') return false;
    }
  }
  return true;
}

/** Thrown when the index folder exists but cannot be trusted; the loader rebuilds. */
export class CorruptIndexError extends Error {
  override name = 'CorruptIndexError';
}

export interface StoredIndex {
  manifest: IndexManifest;
  cards: Card[];
  chunks: Chunk[];
  dictionary: string[];
  lexical: SerializedBm25;
  frequencies: FeatureFrequencies | undefined;
  vectorStore: HNSWLib;
}

const files = {
  manifest: 'manifest.json',
  cards: 'cards.json',
  chunks: 'chunks.json',
  dictionary: 'dictionary.json',
  lexical: 'lexical.json',
  frequencies: 'query-idf.bin',
  vectors: 'hnsw',
} as const;

async function readJson<T>(directory: string, name: string, schema: z.ZodType<T>): Promise<T> {
  let text: string;
  try {
    text = await readFile(path.join(directory, name), 'utf8');
  } catch (error) {
    throw new CorruptIndexError(`${name} is missing (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  return parseJson(name, text, schema);
}

function parseJson<T>(name: string, text: string, schema: z.ZodType<T>): T {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new CorruptIndexError(`${name} is not valid JSON`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new CorruptIndexError(`${name} has an unexpected shape: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/** The manifest, or undefined when there is no index yet. Throws CorruptIndexError when unreadable. */
export async function readManifest(directory: string): Promise<IndexManifest | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(directory, files.manifest), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      // A folder with files but no manifest is a build that died half-way.
      const partial = await readFile(path.join(directory, files.cards)).then(
        () => true,
        () => false,
      );
      if (partial) throw new CorruptIndexError('the index folder has no manifest (an earlier build did not finish)');
      return undefined;
    }
    throw new CorruptIndexError(`manifest.json is unreadable`);
  }
  return parseJson(files.manifest, text, manifestSchema);
}

export async function readIndex(
  directory: string,
  manifest: IndexManifest,
  embeddings: EmbeddingsInterface,
): Promise<StoredIndex> {
  const [cards, chunks, dictionary, lexical, frequencies] = await Promise.all([
    readJson(directory, files.cards, z.array(cardSchema)),
    readJson(directory, files.chunks, z.array(chunkSchema)),
    readJson(directory, files.dictionary, z.array(z.string())),
    readJson(directory, files.lexical, lexicalSchema),
    readFrequencies(path.join(directory, files.frequencies)),
  ]);
  if (cards.length !== manifest.counts.cards || chunks.length !== manifest.counts.chunks) {
    throw new CorruptIndexError('item or chunk count differs from the manifest');
  }
  if (lexical.lengths.body.length !== chunks.length) throw new CorruptIndexError('lexical index does not match the chunks');
  let vectorStore: HNSWLib;
  try {
    vectorStore = await HNSWLib.load(path.join(directory, files.vectors), embeddings);
  } catch (error) {
    throw new CorruptIndexError(`vector index is unreadable: ${(error as Error).message}`);
  }
  if (vectorStore.index.getCurrentCount() !== chunks.length || vectorStore.index.getNumDimensions() !== manifest.dimensions) {
    throw new CorruptIndexError('vector index does not match the chunks');
  }
  vectorStore.index.setEf(manifest.hnsw.efSearch);
  return { manifest, cards, chunks, dictionary, lexical, frequencies, vectorStore };
}

async function readFrequencies(file: string): Promise<FeatureFrequencies | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CorruptIndexError('query-idf.bin is unreadable');
  }
  if (bytes.byteLength !== 4 * (frequencyTableSize + 1)) throw new CorruptIndexError('query-idf.bin has the wrong size');
  const words = new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return { documents: words[0]!, counts: words.slice(1) };
}

/** Builds an HNSW index with explicit parameters (HNSWLib's own init would use defaults). */
export function buildHnswStore(
  embeddings: EmbeddingsInterface,
  vectors: ArrayLike<number>[],
  documents: DocumentInterface[],
  parameters: HnswParameters = defaultHnswParameters,
): HNSWLib {
  const dimensions = vectors[0]?.length;
  if (!dimensions) throw new Error('cannot build a vector index without vectors');
  const index = new hnswlib.HierarchicalNSW('cosine', dimensions);
  index.initIndex(vectors.length, parameters.m, parameters.efConstruction, 100);
  const docstore = new SynchronousInMemoryDocstore();
  const entries: Record<string, DocumentInterface> = {};
  vectors.forEach((vector, label) => {
    index.addPoint(Array.from(vector), label);
    entries[String(label)] = documents[label]!;
  });
  docstore.add(entries);
  index.setEf(parameters.efSearch);
  return new HNSWLib(embeddings, { space: 'cosine', numDimensions: dimensions, index, docstore });
}

export interface IndexContents {
  manifest: IndexManifest;
  cards: readonly Card[];
  chunks: readonly Chunk[];
  dictionary: readonly string[];
  lexical: SerializedBm25;
  frequencies: FeatureFrequencies | undefined;
  vectorStore: HNSWLib;
}

/** Writes a complete index next to `directory`, then swaps it in. */
export async function writeIndex(directory: string, contents: IndexContents): Promise<void> {
  const staging = `${directory}.building-${process.pid}`;
  const retired = `${directory}.old-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  await Promise.all([
    writeFile(path.join(staging, files.cards), JSON.stringify(contents.cards)),
    writeFile(path.join(staging, files.chunks), JSON.stringify(contents.chunks)),
    writeFile(path.join(staging, files.dictionary), JSON.stringify(contents.dictionary)),
    writeFile(path.join(staging, files.lexical), JSON.stringify(contents.lexical)),
    contents.frequencies ? writeFile(path.join(staging, files.frequencies), frequencyBytes(contents.frequencies)) : undefined,
    contents.vectorStore.save(path.join(staging, files.vectors)),
  ]);
  await writeFile(path.join(staging, files.manifest), JSON.stringify(contents.manifest, null, 2));
  await rm(retired, { recursive: true, force: true });
  await rename(directory, retired).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await rename(staging, directory);
  await rm(retired, { recursive: true, force: true });
}

function frequencyBytes(frequencies: FeatureFrequencies): Uint8Array {
  const words = new Uint32Array(frequencyTableSize + 1);
  words[0] = frequencies.documents;
  words.set(frequencies.counts, 1);
  return new Uint8Array(words.buffer);
}
