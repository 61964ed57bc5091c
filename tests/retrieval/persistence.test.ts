import { appendFile, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddingCache } from '../../src/adapters/node/embedding-cache.ts';
import { loadKnowledgeBase } from '../../src/adapters/node/knowledge-base-loader.ts';
import { AppError } from '../../src/core/errors.ts';
import { LexicalEmbeddings, type LexicalEmbeddingsOptions } from '../../src/retrieval/lexical-embeddings.ts';

/** The real offline embedder, counting what it is asked to embed. */
class CountingEmbeddings extends LexicalEmbeddings {
  embedded: string[] = [];
  constructor(options: LexicalEmbeddingsOptions = {}) {
    super(options);
  }
  override async embedDocuments(documents: string[]): Promise<number[][]> {
    this.embedded.push(...documents);
    return super.embedDocuments(documents);
  }
}

const goNote = `# go

## 什么是 goroutine？

goroutine 是 Go 运行时调度的轻量级线程，初始栈只有 2KB。

## 说一下 GMP 模型

G 是协程，M 是系统线程，P 是处理器，持有本地队列。
`;

const redisNote = `# redis

## redis 为什么快？

基于内存，单线程避免了锁竞争，使用 IO 多路复用。

## 缓存击穿怎么办？

热点 key 过期瞬间大量请求打到数据库，可以设置热点数据永不过期或加互斥锁。
`;

let workspace: string;
let corpusDir: string;
let dataDir: string;

beforeEach(async () => {
  workspace = await mkdtemp(path.join(os.tmpdir(), 'mianba-persistence-'));
  corpusDir = path.join(workspace, 'corpus');
  dataDir = path.join(workspace, 'data');
  await mkdir(path.join(corpusDir, 'nested'), { recursive: true });
  await writeFile(path.join(corpusDir, 'go.md'), goNote);
  await writeFile(path.join(corpusDir, 'nested', 'redis.txt'), redisNote);
});

afterEach(async () => {
  await rm(workspace, { recursive: true, force: true });
});

const load = (embeddings = new CountingEmbeddings()) =>
  loadKnowledgeBase({ config: { corpusDir, dataDir, embeddings: 'lexical', llm: undefined }, embeddings, progressBar: false });

describe('persistent index', () => {
  it('builds from every .md/.txt under the corpus, recursively, and searches it', async () => {
    const embeddings = new CountingEmbeddings();
    const loaded = await load(embeddings);
    expect(loaded.stats.built).toBe(true);
    expect(loaded.stats.cards).toBe(4);
    expect(loaded.stats.answered).toBe(4);
    expect(new Set(loaded.cards.map((item) => item.source))).toEqual(new Set(['go.md', 'nested/redis.txt']));
    expect(embeddings.embedded).toHaveLength(loaded.stats.chunks);
    const [top] = await loaded.kb.search('热点 key 过期');
    expect(top!.chunk.source).toBe('nested/redis.txt');
  });

  it('does nothing when re-run unchanged', async () => {
    const first = await load();
    const embeddings = new CountingEmbeddings();
    const second = await load(embeddings);
    expect(second.stats.built).toBe(false);
    expect(second.stats.embedded).toBe(0);
    expect(embeddings.embedded).toEqual([]);
    expect(second.chunks).toEqual(first.chunks);
    expect(await second.kb.search('GMP 模型')).toEqual(await first.kb.search('GMP 模型'));
  });

  it('re-embeds only the chunks of a changed file', async () => {
    const first = await load();
    await appendFile(path.join(corpusDir, 'go.md'), '\n## channel 有什么用？\n\nchannel 用于 goroutine 之间通信。\n');
    const embeddings = new CountingEmbeddings();
    const second = await load(embeddings);
    expect(second.stats.built).toBe(true);
    expect(second.stats.cards).toBe(first.stats.cards + 1);
    expect(embeddings.embedded).toHaveLength(1);
    expect(embeddings.embedded[0]).toContain('channel 用于 goroutine 之间通信');
    const [top] = await second.kb.search('channel 的作用');
    expect(top!.chunk.text).toContain('channel');
  });

  it('rebuilds everything when the embedder changes', async () => {
    const first = await load();
    const other = new CountingEmbeddings({ dimensions: 256 });
    const second = await load(other);
    expect(second.stats.built).toBe(true);
    expect(other.embedded).toHaveLength(first.stats.chunks);
    expect(second.stats.embedded).toBe(first.stats.chunks);
  });

  it('rebuilds a corrupt index folder with a warning', async () => {
    await load();
    await writeFile(path.join(dataDir, 'index', 'chunks.json'), '{"not": "chunks"');
    const embeddings = new CountingEmbeddings();
    const rebuilt = await load(embeddings);
    expect(rebuilt.stats.built).toBe(true);
    expect(rebuilt.warnings.join('\n')).toMatch(/index folder .* is corrupt \(chunks\.json is not valid JSON\); rebuilding/);
    // The embedding cache survives, so a corrupt index costs no embedding calls.
    expect(embeddings.embedded).toEqual([]);
    expect((await load()).stats.built).toBe(false);
  });

  it('rebuilds a partial index folder (no manifest) and a truncated vector index', async () => {
    await load();
    await rm(path.join(dataDir, 'index', 'manifest.json'));
    const partial = await load();
    expect(partial.stats.built).toBe(true);
    expect(partial.warnings.join('\n')).toMatch(/no manifest/);

    const hnswDir = path.join(dataDir, 'index', 'hnsw');
    await writeFile(path.join(hnswDir, 'hnswlib.index'), Buffer.alloc(10));
    const truncated = await load();
    expect(truncated.stats.built).toBe(true);
    expect(truncated.warnings.join('\n')).toMatch(/vector index/);
    expect(await readdir(path.join(dataDir, 'index'))).toContain('manifest.json');
  });

  it('re-embeds when the embedding cache file is corrupt, with a warning', async () => {
    const embeddings = new CountingEmbeddings();
    await load(embeddings);
    await writeFile(EmbeddingCache.fileFor(path.join(dataDir, 'embedding-cache'), embeddings.identity), 'garbage');
    await rm(path.join(dataDir, 'index'), { recursive: true });
    const counting = new CountingEmbeddings();
    const rebuilt = await load(counting);
    expect(rebuilt.warnings.join('\n')).toMatch(/embedding cache .* is corrupt/);
    expect(counting.embedded).toHaveLength(rebuilt.stats.chunks);
  });
});

describe('bad corpus input', () => {
  it('skips unreadable, invalid UTF-8 and binary files with a warning naming each, and indexes the rest', async () => {
    await symlink(path.join(workspace, 'missing-target.md'), path.join(corpusDir, 'dangling.md'));
    await writeFile(path.join(corpusDir, 'latin1.md'), Buffer.from([0x23, 0x20, 0xc4, 0xe3, 0xba, 0xc3, 0x0a, 0xff, 0xfe]));
    await writeFile(path.join(corpusDir, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]));
    const loaded = await load();
    const warnings = loaded.warnings.join('\n');
    expect(warnings).toContain('dangling.md');
    expect(warnings).toContain('latin1.md');
    expect(warnings).toContain('binary.md');
    expect(loaded.stats.cards).toBe(4);
    // A no-op re-run still reports what was skipped.
    const again = await load();
    expect(again.stats.built).toBe(false);
    expect(again.warnings.join('\n')).toContain('binary.md');
  });

  it('gives a clear error for an empty corpus', async () => {
    await rm(corpusDir, { recursive: true });
    await mkdir(corpusDir);
    const error = await load().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('empty_corpus');
    expect((error as AppError).message).toContain(`no usable .md/.txt notes were found in ${corpusDir}`);
  });

  it('gives a clear error for a missing corpus folder', async () => {
    await rm(corpusDir, { recursive: true });
    await expect(load()).rejects.toThrow(/corpus folder .* cannot be read/);
  });
});
