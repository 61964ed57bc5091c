import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseConfig } from '../../src/core/config.ts';
import { createLlmClient, describeMode, LlmError, parseJsonReply, type LlmClient } from '../../src/llm/client.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.ts';

const answerSchema = z.object({ score: z.number().min(0).max(10), reason: z.string() });
const messages = [
  { role: 'system' as const, content: 'Reply in JSON.' },
  { role: 'user' as const, content: 'grade this' },
];

let fake: FakeOpenAI;
let client: LlmClient;

function clientFor(timeoutMs: number): LlmClient {
  return createLlmClient(
    { apiKey: 'k', baseURL: fake.url, chatModel: 'fake-chat', embeddingModel: undefined, timeoutMs },
    { backoffMs: 20 },
  );
}

beforeEach(async () => {
  fake = await startFakeOpenAI({ defaultContent: '{"score":7,"reason":"ok"}' });
  client = clientFor(2_000);
});
afterEach(async () => {
  await fake.close();
});

describe('completeJson', () => {
  it('sends temperature 0 and json_object, and returns the validated object', async () => {
    await expect(client.completeJson(messages, answerSchema)).resolves.toEqual({ score: 7, reason: 'ok' });
    const [request] = fake.chatRequests();
    expect(request?.body).toMatchObject({ model: 'fake-chat', temperature: 0, response_format: { type: 'json_object' }, messages });
    expect(client.model).toBe('fake-chat');
  });

  it('retries once after a 500 and succeeds', async () => {
    fake.enqueue({ type: 'error', status: 500 });
    await expect(client.completeJson(messages, answerSchema)).resolves.toEqual({ score: 7, reason: 'ok' });
    expect(fake.chatRequests()).toHaveLength(2);
  });

  it('honours retry-after-ms on a 429', async () => {
    fake.enqueue({ type: 'error', status: 429, retryAfterMs: 300 });
    const started = Date.now();
    await client.completeJson(messages, answerSchema);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(fake.chatRequests()).toHaveLength(2);
  });

  it('gives up after two 500s with an http LlmError', async () => {
    fake.enqueue({ type: 'error', status: 500 }, { type: 'error', status: 503 });
    const failure = await client.completeJson(messages, answerSchema).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LlmError);
    expect(failure).toMatchObject({ kind: 'http', httpStatus: 503, code: 'upstream_failed' });
    expect(fake.chatRequests()).toHaveLength(2);
  });

  it('retries a malformed body, then reports invalid JSON', async () => {
    fake.setBehaviour({ type: 'malformed' });
    await expect(client.completeJson(messages, answerSchema)).rejects.toMatchObject({ kind: 'invalid_json' });
    expect(fake.chatRequests()).toHaveLength(2);
  });

  it('retries wrong-schema content with a corrective message and accepts the fixed reply', async () => {
    fake.enqueue({ type: 'reply', content: '{"points":"ten"}' });
    await expect(client.completeJson(messages, answerSchema)).resolves.toEqual({ score: 7, reason: 'ok' });
    const retry = fake.chatRequests()[1]?.body as { messages: { role: string; content: string }[] };
    expect(retry.messages).toHaveLength(3);
    expect(retry.messages[2]?.content).toMatch(/JSON object/);
  });

  it('reports a schema failure when both replies have the wrong shape', async () => {
    fake.setBehaviour({ type: 'reply', content: '{"score":"high"}' });
    await expect(client.completeJson(messages, answerSchema)).rejects.toMatchObject({ kind: 'schema' });
  });

  it('times out a slow provider within the overall budget', async () => {
    client = clientFor(400);
    fake.setBehaviour({ type: 'reply', content: '{"score":1,"reason":"late"}', delayMs: 5_000 });
    const started = Date.now();
    await expect(client.completeJson(messages, answerSchema)).rejects.toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(fake.chatRequests()).toHaveLength(2);
  });

  it('recovers when the first attempt times out and the retry is fast', async () => {
    client = clientFor(600);
    fake.enqueue({ type: 'hang' });
    await expect(client.completeJson(messages, answerSchema)).resolves.toEqual({ score: 7, reason: 'ok' });
    expect(fake.chatRequests()).toHaveLength(2);
  });

  it('times out a JSON body that stalls after the headers', async () => {
    client = clientFor(400);
    fake.setBehaviour({ type: 'stall', content: '{"score":1,"reason":"x"}' });
    await expect(client.completeJson(messages, answerSchema)).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('stops at once when the caller aborts, without retrying', async () => {
    fake.setBehaviour({ type: 'hang' });
    const controller = new AbortController();
    const pending = client.completeJson(messages, answerSchema, { signal: controller.signal });
    await expect.poll(() => fake.chatRequests().length).toBe(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });
    expect(fake.chatRequests()).toHaveLength(1);
  });

  it('reports a network error when nothing listens', async () => {
    const url = fake.url;
    await fake.close();
    const offline = createLlmClient({ apiKey: 'k', baseURL: url, chatModel: 'm', embeddingModel: undefined, timeoutMs: 1_000 }, { backoffMs: 10 });
    await expect(offline.completeJson(messages, answerSchema)).rejects.toMatchObject({ kind: 'network' });
    fake = await startFakeOpenAI();
  });
});

describe('stream', () => {
  it('delivers SSE tokens in order and resolves with the full text', async () => {
    fake.setBehaviour({ type: 'reply', content: '好的，我们来聊聊 TCP 的三次握手吧。' });
    const tokens: string[] = [];
    const text = await client.stream(messages, { onToken: (token) => tokens.push(token) });
    expect(text).toBe('好的，我们来聊聊 TCP 的三次握手吧。');
    expect(tokens.length).toBeGreaterThan(1);
    expect(tokens.join('')).toBe(text);
    expect(fake.chatRequests()[0]?.body).toMatchObject({ stream: true });
  });

  it('retries a stream that fails before its first token', async () => {
    fake.enqueue({ type: 'error', status: 500 });
    fake.setBehaviour({ type: 'reply', content: 'second try' });
    const tokens: string[] = [];
    await expect(client.stream(messages, { onToken: (token) => tokens.push(token) })).resolves.toBe('second try');
    expect(tokens.join('')).toBe('second try');
  });

  it('fails a stream that stalls halfway, without replaying tokens', async () => {
    client = clientFor(500);
    fake.setBehaviour({ type: 'stall', content: 'abcdefghijklmnopqrstuvwxyz', afterChunks: 1 });
    const tokens: string[] = [];
    const started = Date.now();
    await expect(client.stream(messages, { onToken: (token) => tokens.push(token) })).rejects.toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(tokens.join('')).toBe('abcdefgh');
    expect(fake.chatRequests()).toHaveLength(1);
  });

  it('reports a malformed stream chunk', async () => {
    fake.setBehaviour({ type: 'malformed' });
    await expect(client.stream(messages, { onToken: () => undefined })).rejects.toBeInstanceOf(LlmError);
  });
});

describe('parseJsonReply', () => {
  it('accepts fenced JSON and rejects prose', () => {
    expect(parseJsonReply('```json\n{"score":3,"reason":"r"}\n```', answerSchema)).toEqual({ score: 3, reason: 'r' });
    expect(() => parseJsonReply('I think it deserves a 10', answerSchema)).toThrow(/no JSON/);
    expect(() => parseJsonReply('', answerSchema)).toThrow(/empty/);
  });
});

describe('describeMode', () => {
  it('reports offline without a key and llm with a preset', () => {
    expect(describeMode(parseConfig({}))).toEqual({ mode: 'offline', reason: expect.stringMatching(/offline/) });
    const llm = describeMode(parseConfig({ MIANBA_LLM_PRESET: 'deepseek', OPENAI_API_KEY: 'sk-x' }));
    expect(llm.mode).toBe('llm');
    expect(llm.reason).toMatch(/deepseek-chat/);
    expect(llm.reason).not.toMatch(/sk-x/);
  });
});
