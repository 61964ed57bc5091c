/**
 * Node's way to get a KnowledgeBase: read the corpus folder, and either load the persisted index
 * (nothing changed) or rebuild it, re-embedding only chunks whose content hash is not cached.
 * Used by `npm run index`, the CLI, the eval, the bench and the Node server entry.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Config } from '../../core/config.ts';
import { AppError } from '../../core/errors.ts';
import type { Chunk, Card } from '../../core/types.ts';
import { chunkEmbeddingText, chunkItems } from '../../ingest/chunker.ts';
import { buildQuestionBank, ingestVersion, type CorpusFile } from '../../ingest/corpus.ts';
import { applyCompiled } from '../../llm/card-compiler.ts';
import { Bm25Index, defaultBm25Options } from '../../retrieval/bm25.ts';
import { createEmbeddings, type IdentifiedEmbeddings } from '../../retrieval/embeddings-factory.ts';
import { HybridKnowledgeBase, buildLexicalIndex, chunkDocuments, type FusionOptions } from '../../retrieval/knowledge-base.ts';
import { lexicalAnalyserVersion } from '../../retrieval/lexical-analyser.ts';
import { LexicalEmbeddings } from '../../retrieval/lexical-embeddings.ts';
import { glossaryVersion } from '../../text/glossary.ts';
import { CompiledCardFile } from './compiled-card-file.ts';
import {
  CorruptIndexError,
  buildHnswStore,
  defaultHnswParameters,
  indexFormatVersion,
  readIndex,
  readManifest,
  writeIndex,
  type HnswParameters,
  type IndexManifest,
} from './index-store.ts';
import { EmbeddingCache } from './embedding-cache.ts';

export interface LoadProgress {
  phase: 'embed';
  done: number;
  total: number;
}

export interface LoadKnowledgeBaseOptions {
  config: Pick<Config, 'corpusDir' | 'dataDir' | 'embeddings' | 'llm'>;
  onProgress?: (progress: LoadProgress) => void;
  /** Human-readable status lines (what is being rebuilt and why). Defaults to silence. */
  log?: (line: string) => void;
  /** Draw a progress bar on stderr; defaults to whether stderr is a terminal. */
  progressBar?: boolean;
  /** Overrides the embedder the config implies (tests count calls through this). */
  embeddings?: IdentifiedEmbeddings;
  /** Rebuild even when the manifest says nothing changed. */
  force?: boolean;
  hnsw?: HnswParameters;
  fusion?: Partial<FusionOptions>;
}

export interface LoadedKnowledgeBase {
  kb: HybridKnowledgeBase;
  cards: readonly Card[];
  chunks: readonly Chunk[];
  warnings: string[];
  stats: {
    cards: number;
    answered: number;
    unanswered: number;
    chunks: number;
    /** False when the persisted index was loaded as is. */
    built: boolean;
    /** Chunks sent to the embedder in this run (0 when everything came from the cache). */
    embedded: number;
    ms: number;
  };
}

const noteExtensions = new Set(['.md', '.markdown', '.txt']);
const embedBatchSize = 64;

/** Every .md/.txt under `root`, recursively, with corpus-relative forward-slash paths. */
async function readCorpus(root: string, warnings: string[]): Promise<CorpusFile[]> {
  let entries;
  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch (error) {
    throw new AppError(
      'empty_corpus',
      `corpus folder ${root} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): create it and add .md or .txt notes`,
    );
  }
  const found: CorpusFile[] = [];
  for (const entry of entries) {
    // Symlinked notes are followed (readFile resolves them); a dangling one is reported below.
    if (!(entry.isFile() || entry.isSymbolicLink()) || !noteExtensions.has(path.extname(entry.name).toLowerCase())) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    const relative = path.relative(root, absolute).split(path.sep).join('/');
    if (relative.split('/').some((part) => part.startsWith('.'))) continue;
    try {
      found.push({ path: relative, bytes: await readFile(absolute) });
    } catch (error) {
      warnings.push(`skipped ${relative}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  return found.sort((left, right) => (left.path < right.path ? -1 : left.path > right.path ? 1 : 0));
}

function fileHashes(files: readonly CorpusFile[]): Record<string, string> {
  return Object.fromEntries(files.map((file) => [file.path, createHash('sha256').update(file.bytes).digest('hex')]));
}

function sameFiles(left: Record<string, string>, right: Record<string, string>): boolean {
  const leftKeys = Object.keys(left);
  return leftKeys.length === Object.keys(right).length && leftKeys.every((key) => left[key] === right[key]);
}

function changeSummary(previous: IndexManifest | undefined, identity: string, files: Record<string, string>, pipeline: string): string {
  if (!previous) return 'no index yet';
  if (previous.embedder !== identity) return `embedder changed (${previous.embedder} → ${identity})`;
  if (previous.format !== indexFormatVersion || previous.pipeline !== pipeline) return 'indexing code or LLM-compiled cards changed';
  const changed = Object.keys(files).filter((file) => previous.files[file] !== files[file]);
  const removed = Object.keys(previous.files).filter((file) => !(file in files));
  const parts = [
    changed.length ? `changed/added: ${changed.join(', ')}` : '',
    removed.length ? `removed: ${removed.join(', ')}` : '',
  ].filter(Boolean);
  return parts.join('; ') || 'index settings changed';
}

/**
 * What, besides corpus and embedder, the stored index depends on: a parser or chunker change bumps
 * ingestVersion, and the LLM-compiled cards (data/compiled-cards.json) are part of its cards.
 */
function pipelineSignature(compiledDigest: string): string {
  return JSON.stringify({
    ingest: ingestVersion,
    lexical: defaultBm25Options,
    glossary: glossaryVersion,
    analyser: lexicalAnalyserVersion,
    compiled: compiledDigest,
  });
}

function statsOf(cards: readonly Card[], chunks: readonly Chunk[]) {
  const answered = cards.filter((item) => item.answered).length;
  return { cards: cards.length, answered, unanswered: cards.length - answered, chunks: chunks.length };
}

export async function loadKnowledgeBase(options: LoadKnowledgeBaseOptions): Promise<LoadedKnowledgeBase> {
  const started = performance.now();
  const { config } = options;
  const log = options.log ?? (() => {});
  const indexDirectory = path.join(config.dataDir, 'index');
  const cacheDirectory = path.join(config.dataDir, 'embedding-cache');
  const hnsw = options.hnsw ?? defaultHnswParameters;
  const embeddings = options.embeddings ?? createEmbeddings(config);
  const warnings: string[] = [];

  const corpusWarnings: string[] = [];
  const files = await readCorpus(config.corpusDir, corpusWarnings);
  const hashes = fileHashes(files);

  let previous: IndexManifest | undefined;
  try {
    previous = await readManifest(indexDirectory);
  } catch (error) {
    if (!(error instanceof CorruptIndexError)) throw error;
    warnings.push(`index folder ${indexDirectory} is corrupt (${error.message}); rebuilding`);
  }

  const compiled = await CompiledCardFile.open(config.dataDir);
  if (compiled.warning) warnings.push(compiled.warning);
  const pipeline = pipelineSignature(compiled.digest());
  const unchanged =
    !options.force &&
    previous !== undefined &&
    previous.format === indexFormatVersion &&
    previous.pipeline === pipeline &&
    previous.embedder === embeddings.identity &&
    sameFiles(previous.files, hashes) &&
    previous.hnsw.m === hnsw.m &&
    previous.hnsw.efConstruction === hnsw.efConstruction;
  if (unchanged && previous) {
    try {
      const stored = await readIndex(indexDirectory, { ...previous, hnsw: { ...previous.hnsw, efSearch: hnsw.efSearch } }, embeddings);
      if (embeddings instanceof LexicalEmbeddings) embeddings.setDocumentFrequencies(stored.frequencies);
      const kb = new HybridKnowledgeBase({
        cards: stored.cards,
        chunks: stored.chunks,
        embeddings,
        vectorStore: stored.vectorStore,
        lexicalIndex: Bm25Index.fromJSON(stored.lexical),
        dictionary: stored.dictionary,
        fusion: options.fusion,
      });
      log(`index is up to date (${stored.chunks.length} chunks)`);
      return {
        kb,
        cards: stored.cards,
        chunks: stored.chunks,
        // The manifest carries the warnings of the build that produced it (skipped files…).
        warnings: [...stored.manifest.warnings, ...warnings],
        stats: { ...statsOf(stored.cards, stored.chunks), built: false, embedded: 0, ms: performance.now() - started },
      };
    } catch (error) {
      if (!(error instanceof CorruptIndexError)) throw error;
      warnings.push(`index folder ${indexDirectory} is corrupt (${error.message}); rebuilding`);
    }
  }

  log(`building index: ${options.force ? 'forced' : changeSummary(previous, embeddings.identity, hashes, pipeline)}`);
  // Throws empty_corpus, naming the folder, when no file yields a question.
  const bank = buildQuestionBank(files, config.corpusDir);
  const ingestWarnings = [...corpusWarnings, ...bank.warnings];
  warnings.push(...ingestWarnings);
  const cards = applyCompiled(bank.cards, compiled);
  const chunks = chunkItems(cards);
  const { dictionary, lexicalIndex } = buildLexicalIndex(cards, chunks);

  const { cache, warning } = await EmbeddingCache.open(cacheDirectory, embeddings.identity);
  if (warning) warnings.push(warning);
  const missing = chunks.filter((chunk) => !cache.get(chunk.hash));
  const uniqueMissing = [...new Map(missing.map((chunk) => [chunk.hash, chunk])).values()];
  try {
    await embedMissing(uniqueMissing, cache, embeddings, options);
  } finally {
    // Keep what was paid for even when a later batch fails.
    await cache.save(chunks.map((chunk) => chunk.hash));
  }

  const vectors = chunks.map((chunk) => cache.get(chunk.hash)!);
  const vectorStore = buildHnswStore(embeddings, vectors, chunkDocuments(chunks), hnsw);
  const frequencies =
    embeddings instanceof LexicalEmbeddings ? embeddings.documentFrequencies(chunks.map(chunkEmbeddingText)) : undefined;
  if (embeddings instanceof LexicalEmbeddings) embeddings.setDocumentFrequencies(frequencies);

  const manifest: IndexManifest = {
    format: indexFormatVersion,
    embedder: embeddings.identity,
    pipeline,
    files: hashes,
    dimensions: vectors[0]!.length,
    hnsw,
    counts: { cards: cards.length, chunks: chunks.length },
    warnings: ingestWarnings,
    builtAt: new Date().toISOString(),
  };
  await writeIndex(indexDirectory, {
    manifest,
    cards,
    chunks,
    dictionary,
    lexical: lexicalIndex.toJSON(),
    frequencies,
    vectorStore,
  });
  const kb = new HybridKnowledgeBase({ cards, chunks, embeddings, vectorStore, lexicalIndex, dictionary, fusion: options.fusion });
  log(`indexed ${cards.length} questions, ${chunks.length} chunks; embedded ${uniqueMissing.length} new chunk(s)`);
  return {
    kb,
    cards,
    chunks,
    warnings,
    stats: { ...statsOf(cards, chunks), built: true, embedded: uniqueMissing.length, ms: performance.now() - started },
  };
}

async function embedMissing(
  chunks: readonly Chunk[],
  cache: EmbeddingCache,
  embeddings: IdentifiedEmbeddings,
  options: LoadKnowledgeBaseOptions,
): Promise<void> {
  if (chunks.length === 0) return;
  const showBar = options.progressBar ?? Boolean(process.stderr.isTTY);
  const bar = showBar
    ? new cliProgress.SingleBar(
        { stream: process.stderr, format: 'embedding {bar} {value}/{total} chunks | {duration_formatted}', hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  bar?.start(chunks.length, 0);
  try {
    for (let start = 0; start < chunks.length; start += embedBatchSize) {
      const batch = chunks.slice(start, start + embedBatchSize);
      const vectors = await embeddings.embedDocuments(batch.map(chunkEmbeddingText));
      batch.forEach((chunk, offset) => cache.set(chunk.hash, vectors[offset]!));
      const done = Math.min(start + embedBatchSize, chunks.length);
      bar?.update(done);
      options.onProgress?.({ phase: 'embed', done, total: chunks.length });
    }
  } finally {
    bar?.stop();
  }
}
