import { Document } from '@langchain/core/documents';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { describe, expect, it } from 'vitest';
import { ExactVectorStore } from '../../src/retrieval/exact-vector-store.ts';
import { LexicalEmbeddings } from '../../src/retrieval/lexical-embeddings.ts';

const texts = ['偏向锁', '轻量级锁', '时间轮定时器', '小根堆定时器', '三色标记法', 'TCP 三次握手', 'epoll 边缘触发'];
const documents = texts.map((text, index) => new Document({ pageContent: text, metadata: { index } }));

describe('ExactVectorStore', () => {
  it('returns the nearest documents with cosine distance, closest first', async () => {
    const embeddings = new LexicalEmbeddings();
    const store = await ExactVectorStore.fromDocuments(documents, embeddings);
    const results = await store.similaritySearchVectorWithScore(await embeddings.embedDocuments(['时间轮定时器']).then((v) => v[0]!), 3);
    expect(results[0]![0].pageContent).toBe('时间轮定时器');
    expect(results[0]![1]).toBeCloseTo(0, 6);
    const distances = results.map(([, distance]) => distance);
    expect(distances).toEqual([...distances].sort((left, right) => left - right));
  });

  it('agrees with HNSWLib on a small set (same convention, same neighbours)', async () => {
    const embeddings = new LexicalEmbeddings();
    const exact = await ExactVectorStore.fromDocuments(documents, embeddings);
    const hnsw = await HNSWLib.fromDocuments(documents, embeddings);
    const query = await embeddings.embedQuery('定时器');
    const fromExact = await exact.similaritySearchVectorWithScore(query, 4);
    const fromHnsw = await hnsw.similaritySearchVectorWithScore(query, 4);
    // Unrelated texts tie at distance ≈ 1, so only the related neighbours have a fixed order.
    expect(fromExact.slice(0, 2).map(([document]) => document.pageContent)).toEqual(['时间轮定时器', '小根堆定时器']);
    expect(fromHnsw.slice(0, 2).map(([document]) => document.pageContent)).toEqual(['时间轮定时器', '小根堆定时器']);
    fromExact.forEach(([, distance], index) => expect(distance).toBeCloseTo(fromHnsw[index]![1], 4));
  });

  it('applies the filter and handles k larger than the store', async () => {
    const embeddings = new LexicalEmbeddings();
    const store = await ExactVectorStore.fromDocuments(documents, embeddings);
    const query = await embeddings.embedQuery('锁');
    const filtered = await store.similaritySearchVectorWithScore(query, 10, (document) => document.metadata.index % 2 === 0);
    expect(filtered).toHaveLength(4);
    expect(filtered.every(([document]) => document.metadata.index % 2 === 0)).toBe(true);
    expect(await store.similaritySearchVectorWithScore(query, 100)).toHaveLength(texts.length);
  });

  it('rejects vectors of the wrong dimension', async () => {
    const store = new ExactVectorStore(new LexicalEmbeddings(), { dimensions: 4 });
    await expect(store.addVectors([[1, 2, 3]], [new Document({ pageContent: 'x' })])).rejects.toThrow(/dimensions/);
    expect(await new ExactVectorStore(new LexicalEmbeddings()).similaritySearchVectorWithScore([1], 3)).toEqual([]);
  });
});
