/**
 * The same notes loaded both ways the product searches them: the Node index (HNSW, stored on disk)
 * and the Workers prebuilt index built from it, so a test can ask both and compare rankings.
 */
import { join } from 'node:path';
import { workerIndexFromStored } from '../../scripts/build-worker-index.ts';
import { readManifest } from '../../src/adapters/node/index-store.ts';
import { loadKnowledgeBase } from '../../src/adapters/node/knowledge-base-loader.ts';
import { loadPrebuiltKnowledgeBase, parseWorkerIndex } from '../../src/adapters/workers/prebuilt-index.ts';
import { parseConfig } from '../../src/core/config.ts';
import type { KnowledgeBase } from '../../src/core/types.ts';
import { LexicalEmbeddings } from '../../src/retrieval/lexical-embeddings.ts';

export async function nodeAndWorker(corpusDir: string, dataDir: string): Promise<{ node: KnowledgeBase; worker: KnowledgeBase }> {
  const config = parseConfig({ MIANBA_DATA_DIR: dataDir, MIANBA_CORPUS_DIR: corpusDir });
  const node = (await loadKnowledgeBase({ config, progressBar: false })).kb;
  const indexDir = join(dataDir, 'index');
  const manifest = await readManifest(indexDir);
  if (!manifest) throw new Error('no manifest written');
  const file = parseWorkerIndex(JSON.parse(JSON.stringify(await workerIndexFromStored(indexDir, manifest, new LexicalEmbeddings(), 'test'))));
  return { node, worker: await loadPrebuiltKnowledgeBase(file, new LexicalEmbeddings()) };
}
