import { describe, expect, it } from 'vitest';
import { LexicalEmbeddings } from '../../src/retrieval/lexical-embeddings.ts';

const norm = (vector: number[]) => Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
const dot = (left: number[], right: number[]) => left.reduce((sum, value, index) => sum + value * right[index]!, 0);

const passages = [
  '三色标记法把对象分成白色、灰色和黑色，从 GC Root 出发标记可达对象。',
  '时间轮定时器调整的时候只需要锁住涉及到的槽位，锁粒度更细。',
  'Redis 单线程执行命令，避免了多线程切换和锁竞争。',
  'TCP 三次握手建立连接，四次挥手断开连接。',
];

describe('LexicalEmbeddings', () => {
  it('is deterministic across instances and calls', async () => {
    const first = await new LexicalEmbeddings().embedDocuments(passages);
    const second = await new LexicalEmbeddings().embedDocuments(passages);
    expect(second).toEqual(first);
    expect(await new LexicalEmbeddings().embedDocuments([passages[0]!])).toEqual([first[0]]);
  });

  it('returns L2-normalised vectors of the configured dimension', async () => {
    const embeddings = new LexicalEmbeddings({ dimensions: 256 });
    for (const vector of await embeddings.embedDocuments(passages)) {
      expect(vector).toHaveLength(256);
      expect(norm(vector)).toBeCloseTo(1, 6);
    }
    expect(norm(await embeddings.embedQuery('什么是三色标记法'))).toBeCloseTo(1, 6);
  });

  it('embeds empty text as the zero vector instead of NaN', async () => {
    const [vector] = await new LexicalEmbeddings().embedDocuments(['']);
    expect(vector!.every((value) => value === 0)).toBe(true);
  });

  it('places a paraphrased question closest to its passage', async () => {
    const embeddings = new LexicalEmbeddings();
    const documents = await embeddings.embedDocuments(passages);
    const query = await embeddings.embedQuery('Go 的 GC 里三色标记是怎么标记可达对象的？');
    const scores = documents.map((document) => dot(query, document));
    expect(scores.indexOf(Math.max(...scores))).toBe(0);
  });

  it('maps an English question onto Chinese notes through the glossary', async () => {
    const embeddings = new LexicalEmbeddings();
    const documents = await embeddings.embedDocuments(passages);
    const query = await embeddings.embedQuery('How does the TCP three-way handshake establish a connection?');
    const scores = documents.map((document) => dot(query, document));
    expect(scores.indexOf(Math.max(...scores))).toBe(3);
  });

  it('applies IDF to queries only, so document vectors never depend on the corpus', async () => {
    const embeddings = new LexicalEmbeddings();
    const documentBefore = await embeddings.embedDocuments(passages);
    const queryBefore = await embeddings.embedQuery('锁竞争 单线程');
    embeddings.setDocumentFrequencies(embeddings.documentFrequencies(passages));
    expect(await embeddings.embedDocuments(passages)).toEqual(documentBefore);
    expect(await embeddings.embedQuery('锁竞争 单线程')).not.toEqual(queryBefore);
  });

  it('changes identity with every parameter that changes vectors', () => {
    const base = new LexicalEmbeddings().identity;
    expect(new LexicalEmbeddings().identity).toBe(base);
    expect(new LexicalEmbeddings({ dimensions: 1024 }).identity).not.toBe(base);
    expect(new LexicalEmbeddings({ bigramWeight: 0.9 }).identity).not.toBe(base);
  });
});
