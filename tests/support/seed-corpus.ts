/**
 * The seed notes in corpus/ loaded as the product loads them (the real loader, the lexical embedder), into a temporary
 * data directory that `cleanUp` removes: for tests of the flows users run over the real notes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledgeBase } from '../../src/adapters/node/knowledge-base-loader.ts';
import type { KnowledgeBase } from '../../src/core/types.ts';

const corpusDir = join(import.meta.dirname, '..', '..', 'corpus');

export async function loadSeedCorpus(): Promise<{ kb: KnowledgeBase; cleanUp: () => void }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mianba-seed-'));
  const { kb } = await loadKnowledgeBase({ config: { corpusDir, dataDir, embeddings: 'lexical', llm: undefined }, progressBar: false });
  return { kb, cleanUp: () => rmSync(dataDir, { recursive: true, force: true }) };
}
