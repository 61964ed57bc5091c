import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerIndexFromStored } from '../../scripts/build-worker-index.ts';
import { readManifest } from '../../src/adapters/node/index-store.ts';
import { loadKnowledgeBase } from '../../src/adapters/node/knowledge-base-loader.ts';
import { loadPrebuiltKnowledgeBase, parseWorkerIndex } from '../../src/adapters/workers/prebuilt-index.ts';
import { parseConfig } from '../../src/core/config.ts';
import type { KnowledgeBase } from '../../src/core/types.ts';
import { LexicalEmbeddings } from '../../src/retrieval/lexical-embeddings.ts';

const queries = [
  'epoll 和 select 的区别',
  'Go 的 GMP 调度模型',
  'Redis 缓存击穿怎么办',
  'MySQL 事务隔离级别和 MVCC',
  'TCP 三次握手为什么不是两次',
  '三色标记法',
  'k8s pod 调度',
];

// The Worker's KnowledgeBase is built from a JSON round trip of the file the build script
// bundles; it must rank and score exactly like the Node one (HNSW there, exact search here).
describe('the bundled Worker index against the Node index it is built from', () => {
  let dataDir: string;
  let nodeKb: KnowledgeBase;
  let workerKb: KnowledgeBase;
  let file: ReturnType<typeof parseWorkerIndex>;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'mianba-worker-index-'));
    const config = parseConfig({ MIANBA_DATA_DIR: dataDir, MIANBA_CORPUS_DIR: 'corpus' });
    nodeKb = (await loadKnowledgeBase({ config, progressBar: false })).kb;
    const indexDir = join(dataDir, 'index');
    const manifest = await readManifest(indexDir);
    if (!manifest) throw new Error('no manifest written');
    file = parseWorkerIndex(JSON.parse(JSON.stringify(await workerIndexFromStored(indexDir, manifest, new LexicalEmbeddings(), 'test'))));
    workerKb = await loadPrebuiltKnowledgeBase(file, new LexicalEmbeddings());
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('carries the same question bank and chunks', () => {
    expect(workerKb.cards).toEqual(nodeKb.cards);
    expect(workerKb.chunks).toEqual(nodeKb.chunks);
    expect(file.vectors).toHaveLength(file.chunks.length);
  });

  it.each(queries)('ranks "%s" the same in every search mode', async (query) => {
    for (const mode of ['hybrid', 'lexical', 'vector'] as const) {
      const [node, worker] = await Promise.all([nodeKb.search(query, { k: 8, mode }), workerKb.search(query, { k: 8, mode })]);
      expect(worker.map((hit) => hit.chunk.id), mode).toEqual(node.map((hit) => hit.chunk.id));
      worker.forEach((hit, rank) => expect(hit.score).toBeCloseTo(node[rank]!.score, 5));
    }
  });

  it('computes the same similarity (query-side IDF included)', async () => {
    const pairs: [string, string][] = [
      ['epoll 使用红黑树和就绪链表', 'epoll 和 select 的区别'],
      ['Redis 持久化有 RDB 和 AOF', '缓存雪崩和击穿'],
    ];
    for (const [left, right] of pairs) {
      expect(await workerKb.similarity(left, right)).toBeCloseTo(await nodeKb.similarity(left, right), 10);
    }
  });

  it('refuses an index built with another embedder', async () => {
    await expect(loadPrebuiltKnowledgeBase(file, new LexicalEmbeddings({ dimensions: 256 }))).rejects.toMatchObject({
      code: 'index_unavailable',
    });
    expect(() => parseWorkerIndex({ format: 'something-else' })).toThrow(/build:worker/);
  });
});
