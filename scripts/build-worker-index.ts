/**
 * Prebuilds what the Worker bundles (wrangler.toml aliases them):
 *   data/worker/index.json   — cards, chunks, dictionary, BM25F postings, query-side IDF and
 *                              Float32 vectors, taken from the SAME stored index `npm start` uses
 *                              (built or refreshed here through the Node loader), so both
 *                              runtimes grade against identical data;
 *   data/worker/prompts.json — prompts/* as the `Prompts` record (Workers have no file system).
 * Files are rewritten only when their content changes, so a running `wrangler dev` reloads only
 * when something really changed.
 *
 *   npx tsx scripts/build-worker-index.ts [--force]
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadKnowledgeBase } from '../src/adapters/node/knowledge-base-loader.ts';
import { readIndex, readManifest, type IndexManifest } from '../src/adapters/node/index-store.ts';
import { loadPrompts } from '../src/adapters/node/prompts-loader.ts';
import { encodeFrequencies, float32Text, workerIndexFormat, type WorkerIndexFile } from '../src/adapters/workers/prebuilt-index.ts';
import { parseConfig } from '../src/core/config.ts';
import { stableHash } from '../src/core/hash.ts';
import { createEmbeddings, type IdentifiedEmbeddings } from '../src/retrieval/embeddings-factory.ts';
import { repoRoot } from './wrangler-offline.ts';

export const workerDataDir = join(repoRoot, 'data', 'worker');
export const workerIndexFile = join(workerDataDir, 'index.json');
export const workerPromptsFile = join(workerDataDir, 'prompts.json');

async function readText(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch(() => undefined);
}

async function writeIfChanged(file: string, text: string): Promise<boolean> {
  if ((await readText(file)) === text) return false;
  await mkdir(workerDataDir, { recursive: true });
  await writeFile(file, text);
  return true;
}

/** What an existing index.json was built from, if it is one of ours. */
function sourceOf(text: string | undefined): string | undefined {
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as Partial<WorkerIndexFile>;
    return parsed.format === workerIndexFormat ? parsed.source : undefined;
  } catch {
    return undefined;
  }
}

/** The Worker's index file from a stored Node index (data/index), vectors read back from HNSW. */
export async function workerIndexFromStored(
  indexDir: string,
  manifest: IndexManifest,
  embeddings: IdentifiedEmbeddings,
  source: string,
): Promise<WorkerIndexFile> {
  const stored = await readIndex(indexDir, manifest, embeddings);
  // HNSW labels are chunk positions (see buildHnswStore), so row i is chunks[i].
  const vectors = stored.chunks.map((_, label) => stored.vectorStore.index.getPoint(label).map(float32Text));
  return {
    format: workerIndexFormat,
    source,
    embedder: manifest.embedder,
    dimensions: manifest.dimensions,
    cards: stored.cards,
    chunks: stored.chunks,
    dictionary: stored.dictionary,
    lexical: stored.lexical,
    frequencies: stored.frequencies ? encodeFrequencies(stored.frequencies) : null,
    vectors,
  };
}

export interface WorkerIndexResult {
  built: boolean;
  chunks: number;
  bytes: number;
}

/** Brings data/worker/ up to date with corpus/ and prompts/; cheap when nothing changed. */
export async function ensureWorkerIndex(log: (line: string) => void, options: { force?: boolean } = {}): Promise<WorkerIndexResult> {
  const config = parseConfig(process.env);
  const embeddings = createEmbeddings(config);
  const loaded = await loadKnowledgeBase({ config, log, embeddings, force: options.force });
  for (const warning of loaded.warnings) log(`warning: ${warning}`);

  const promptsChanged = await writeIfChanged(workerPromptsFile, JSON.stringify(await loadPrompts(join(repoRoot, 'prompts'))));
  if (promptsChanged) log(`bundled prompts/ into ${workerPromptsFile}`);

  const indexDir = join(config.dataDir, 'index');
  const manifest = await readManifest(indexDir);
  if (!manifest) throw new Error(`no index manifest in ${indexDir} after loading the knowledge base`);
  const source = stableHash(`${workerIndexFormat}\n${JSON.stringify(manifest)}`);
  const existing = await readText(workerIndexFile);
  if (!options.force && existing !== undefined && sourceOf(existing) === source) {
    return { built: false, chunks: manifest.counts.chunks, bytes: Buffer.byteLength(existing) };
  }

  const file = await workerIndexFromStored(indexDir, manifest, embeddings, source);
  const text = JSON.stringify(file);
  const bytes = Buffer.byteLength(text);
  await writeIfChanged(workerIndexFile, text);
  log(`Worker index: ${file.cards.length} questions, ${file.chunks.length} chunks × ${file.dimensions} dims → ${(bytes / 1e6).toFixed(2)} MB`);
  return { built: true, chunks: file.chunks.length, bytes };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  ensureWorkerIndex((line) => console.log(`[build-worker-index] ${line}`), { force: process.argv.includes('--force') }).catch(
    (error: unknown) => {
      console.error(`[build-worker-index] ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
