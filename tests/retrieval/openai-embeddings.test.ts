import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.ts';
import { OpenAICompatibleEmbeddings } from '../../src/retrieval/openai-embeddings.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.ts';

let fake: FakeOpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI({ embeddingDimensions: 32 });
});
afterAll(async () => {
  await fake.close();
});

function embedder(options: Partial<ConstructorParameters<typeof OpenAICompatibleEmbeddings>[0]> = {}) {
  return new OpenAICompatibleEmbeddings({
    apiKey: 'test-key',
    baseURL: fake.url,
    model: 'fake-embedding',
    timeoutMs: 2_000,
    ...options,
  });
}

const embeddingRequests = () => fake.requests.filter((request) => request.path === '/v1/embeddings');

describe('OpenAICompatibleEmbeddings against a real HTTP fake', () => {
  it('batches documents and keeps their order', async () => {
    fake.setEmbeddingsBehaviour({ type: 'reply' });
    const before = embeddingRequests().length;
    const texts = ['协程', '线程', '进程', '偏向锁', '时间轮'];
    const vectors = await embedder({ batchSize: 2 }).embedDocuments(texts);
    expect(embeddingRequests().length - before).toBe(3);
    expect(vectors).toHaveLength(5);
    expect(vectors.every((vector) => vector.length === 32)).toBe(true);
    const single = await embedder().embedQuery('偏向锁');
    expect(single).toEqual(vectors[3]);
    const sent = embeddingRequests().at(-1)!;
    expect(sent.headers.authorization).toBe('Bearer test-key');
    expect(sent.body).toMatchObject({ model: 'fake-embedding', input: '偏向锁', encoding_format: 'float' });
  });

  it('retries a 500 and a 429 that says when to come back (LangChain’s retries), then succeeds', async () => {
    fake.setEmbeddingsBehaviour([
      { type: 'error', status: 500 },
      // OpenAI's wording; LangChain waits as told (a bare 429 is a capacity limit it does not retry).
      { type: 'error', status: 429, message: 'Rate limit reached for requests. Please try again in 20ms.' },
    ]);
    const client = embedder({ attempts: 3 });
    const vector = await client.embedQuery('重试');
    expect(vector).toHaveLength(32);
    expect(client.requestCount).toBe(3);
  });

  it('gives up after the configured attempts with an upstream_failed AppError', async () => {
    fake.setEmbeddingsBehaviour({ type: 'error', status: 503 });
    const client = embedder({ attempts: 2 });
    const failure = await client.embedQuery('失败').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('upstream_failed');
    expect((failure as AppError).message).toContain('HTTP 503');
    expect(client.requestCount).toBe(2);
    fake.setEmbeddingsBehaviour({ type: 'reply' });
  });

  it('does not retry a 401', async () => {
    fake.setEmbeddingsBehaviour({ type: 'error', status: 401 });
    const client = embedder({ attempts: 3 });
    await expect(client.embedQuery('钥匙')).rejects.toThrow(/HTTP 401/);
    expect(client.requestCount).toBe(1);
    fake.setEmbeddingsBehaviour({ type: 'reply' });
  });

  it('times out a hanging request and retries it', async () => {
    fake.setEmbeddingsBehaviour([{ type: 'hang' }]);
    const client = embedder({ attempts: 2, timeoutMs: 200 });
    const started = Date.now();
    expect(await client.embedQuery('超时')).toHaveLength(32);
    expect(client.requestCount).toBe(2);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('names host, model and dimension in its identity, never the key', () => {
    const identity = embedder({ dimensions: 256 }).identity;
    expect(identity).toContain('fake-embedding');
    expect(identity).toContain('dim=256');
    expect(identity).not.toContain('test-key');
  });
});
