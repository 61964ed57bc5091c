import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.ts';
import type { SearchHit, SearchMode } from '../../src/core/types.ts';
import { chunkItems } from '../../src/ingest/chunker.ts';
import { buildQuestionBank } from '../../src/ingest/corpus.ts';
import { ExactVectorStore } from '../../src/retrieval/exact-vector-store.ts';
import { HybridKnowledgeBase } from '../../src/retrieval/knowledge-base.ts';
import { LexicalEmbeddings } from '../../src/retrieval/lexical-embeddings.ts';
import { chunkEmbeddingText } from '../../src/ingest/chunker.ts';

// The real notes and the repository's own paraphrase set (60 queries over all five notes), so the
// test runs in any clone; `npm run eval` measures the shared set too.
const corpusDir = path.resolve('corpus');
const evalFile = path.resolve('eval/retrieval-heldout.jsonl');

let kb: HybridKnowledgeBase;

beforeAll(async () => {
  const names = (await readdir(corpusDir)).filter((name) => /\.(md|txt)$/.test(name));
  const files = await Promise.all(names.map(async (name) => ({ path: name, bytes: await readFile(path.join(corpusDir, name)) })));
  const { cards } = buildQuestionBank(files);
  const chunks = chunkItems(cards);
  const embeddings = new LexicalEmbeddings();
  embeddings.setDocumentFrequencies(embeddings.documentFrequencies(chunks.map(chunkEmbeddingText)));
  kb = await HybridKnowledgeBase.build({ cards, chunks, embeddings, vectorStore: new ExactVectorStore(embeddings) });
});

const squash = (text: string) => text.replace(/\s+/g, '');
const rankOf = (hits: SearchHit[], expect: string[]) =>
  hits.findIndex((hit) => expect.some((needle) => squash(hit.chunk.text).includes(squash(needle))));

describe('HybridKnowledgeBase on the real notes', () => {
  it('hybrid search is at least as good as lexical-only and vector-only (recall@3 and MRR)', async () => {
    const cases = (await readFile(evalFile, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { query: string; expect: string[] });
    const score = async (mode: SearchMode) => {
      let recall = 0;
      let reciprocal = 0;
      for (const evalCase of cases) {
        const rank = rankOf(await kb.search(evalCase.query, { k: 10, mode }), evalCase.expect);
        if (rank >= 0 && rank < 3) recall++;
        if (rank >= 0) reciprocal += 1 / (rank + 1);
      }
      return { recall: recall / cases.length, mrr: reciprocal / cases.length };
    };
    const [hybrid, lexical, vector] = [await score('hybrid'), await score('lexical'), await score('vector')];
    expect(hybrid.recall).toBeGreaterThanOrEqual(Math.max(lexical.recall, vector.recall));
    expect(hybrid.mrr).toBeGreaterThanOrEqual(Math.max(lexical.mrr, vector.mrr));
  });

  it('finds the passage on 三色标记法', async () => {
    const [top] = await kb.search('三色标记法是怎么工作的？');
    expect(top!.chunk.text + top!.chunk.heading).toContain('三色');
  });

  it('returns k passages from answered questions only, best first', async () => {
    const hits = await kb.search('redis 持久化', { k: 7 });
    expect(hits).toHaveLength(7);
    for (const hit of hits) expect(kb.getCard(hit.chunk.cardId)?.answered).toBe(true);
    const scores = hits.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((left, right) => right - left));
  });

  it('filters by topic in every mode', async () => {
    for (const mode of ['hybrid', 'lexical', 'vector'] as const) {
      const hits = await kb.search('锁', { k: 10, mode, topics: ['redis'] });
      expect(hits.length).toBeGreaterThan(0);
      for (const hit of hits) expect(hit.chunk.topics).toContain('redis');
    }
  });

  it('rejects an empty, blank or 100 KB query with a clear bad_request', async () => {
    for (const query of ['', '   \n\t']) {
      const error = await kb.search(query).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('bad_request');
      expect((error as AppError).message).toMatch(/empty/);
    }
    const huge = '协程'.repeat(50_000);
    const error = await kb.search(huge).catch((caught: unknown) => caught);
    expect((error as AppError).code).toBe('bad_request');
    expect((error as AppError).message).toMatch(/too long \(100000 characters; at most 2000\)/);
  });

  it('rejects invalid options with a clear bad_request', async () => {
    await expect(kb.search('redis', { k: 0 })).rejects.toThrow(/invalid search option k/);
    await expect(kb.search('redis', { mode: 'fuzzy' as SearchMode })).rejects.toThrow(/invalid search option mode/);
    await expect(kb.search('redis', { topics: ['cooking' as never] })).rejects.toThrow(/invalid search option topics/);
  });

  it('gets cards by id', () => {
    const item = kb.cards[0]!;
    expect(kb.getCard(item.id)).toBe(item);
    expect(kb.getCard('no-such-id')).toBeUndefined();
  });

  it('scores similarity with the embedder: identical ≈ 1, related > unrelated', async () => {
    expect(await kb.similarity('偏向锁的撤销开销', '偏向锁的撤销开销')).toBeCloseTo(1, 5);
    const related = await kb.similarity('偏向锁在竞争激烈时需要撤销', '撤销偏向锁的开销很大');
    const unrelated = await kb.similarity('偏向锁在竞争激烈时需要撤销', 'TCP 四次挥手的 TIME_WAIT 状态');
    expect(related).toBeGreaterThan(unrelated);
    expect(await kb.similarity('', '任何文本')).toBe(0);
  });
});
