import OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.ts';

let fake: FakeOpenAI;
let client: OpenAI;
beforeEach(async () => {
  fake = await startFakeOpenAI({ defaultContent: 'hello from the fake' });
  client = new OpenAI({ apiKey: 'test-key', baseURL: fake.url, maxRetries: 0, timeout: 2_000 });
});
afterEach(async () => {
  await fake.close();
});

describe('fake OpenAI server', () => {
  it('answers chat completions in JSON and records the request', async () => {
    const completion = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
    expect(completion.choices[0]?.message.content).toBe('hello from the fake');
    expect(fake.chatRequests()).toHaveLength(1);
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer test-key');
    expect((fake.requests[0]?.body as { messages: unknown[] }).messages).toEqual([{ role: 'user', content: 'hi' }]);
  });

  it('streams SSE chunks that the SDK reassembles', async () => {
    fake.setBehaviour({ type: 'reply', content: (request) => `echo ${(request.body as { model: string }).model} 一二三四五六七八九十` });
    const stream = await client.chat.completions.create({ model: 'stream-model', stream: true, messages: [{ role: 'user', content: 'x' }] });
    const pieces: string[] = [];
    for await (const chunk of stream) pieces.push(chunk.choices[0]?.delta.content ?? '');
    expect(pieces.filter(Boolean).length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe('echo stream-model 一二三四五六七八九十');
  });

  it('answers with tool calls, in JSON and as SSE, and with any finish reason', async () => {
    fake.setBehaviour({ type: 'reply', content: { toolCalls: [{ name: 'search_notes', arguments: '{"query":"RDB"}' }] } });
    const completion = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] });
    expect(completion.choices[0]).toMatchObject({ finish_reason: 'tool_calls', message: { tool_calls: [{ type: 'function', function: { name: 'search_notes', arguments: '{"query":"RDB"}' } }] } });
    const stream = await client.chat.completions.create({ model: 'm', stream: true, messages: [{ role: 'user', content: 'x' }] });
    const calls: string[] = [];
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      for (const call of chunk.choices[0]?.delta.tool_calls ?? []) calls.push(`${call.function?.name}:${call.function?.arguments}`);
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(calls).toEqual(['search_notes:{"query":"RDB"}']);
    expect(finish).toBe('tool_calls');
    fake.setBehaviour({ type: 'reply', content: { content: '一半', finishReason: 'length' } });
    expect((await client.chat.completions.create({ model: 'm', messages: [] })).choices[0]?.finish_reason).toBe('length');
  });

  it('refuses json_schema and tools like the servers that do', async () => {
    fake.setRefusals({ jsonSchema: true, tools: true });
    const schemaFormat = { type: 'json_schema' as const, json_schema: { name: 'x', schema: { type: 'object' } } };
    await expect(client.chat.completions.create({ model: 'm', messages: [], response_format: schemaFormat })).rejects.toMatchObject({ status: 400 });
    const tools = [{ type: 'function' as const, function: { name: 'ping', parameters: { type: 'object' } } }];
    await expect(client.chat.completions.create({ model: 'm', messages: [], tools })).rejects.toMatchObject({ status: 500, message: expect.stringContaining('--jinja') });
    await expect(client.chat.completions.create({ model: 'm', messages: [], response_format: { type: 'json_object' } })).resolves.toBeDefined();
  });

  it('serves queued behaviours first, then the default', async () => {
    fake.enqueue({ type: 'error', status: 500 }, { type: 'reply', content: 'second' });
    await expect(client.chat.completions.create({ model: 'm', messages: [] })).rejects.toMatchObject({ status: 500 });
    const second = await client.chat.completions.create({ model: 'm', messages: [] });
    expect(second.choices[0]?.message.content).toBe('second');
    const third = await client.chat.completions.create({ model: 'm', messages: [] });
    expect(third.choices[0]?.message.content).toBe('hello from the fake');
  });

  it('returns 429 and malformed bodies', async () => {
    fake.setBehaviour([{ type: 'error', status: 429 }, { type: 'malformed' }]);
    await expect(client.chat.completions.create({ model: 'm', messages: [] })).rejects.toMatchObject({ status: 429 });
    await expect(client.chat.completions.create({ model: 'm', messages: [] })).rejects.toThrow();
  });

  it('delays past a client timeout and counts the abort', async () => {
    fake.setBehaviour({ type: 'reply', content: 'late', delayMs: 1_000 });
    const started = Date.now();
    await expect(client.chat.completions.create({ model: 'm', messages: [] }, { timeout: 150 })).rejects.toThrow(/timed out/i);
    expect(Date.now() - started).toBeLessThan(900);
    await expect.poll(() => fake.abortedCount()).toBe(1);
  });

  it('stalls a stream halfway until the client aborts', async () => {
    fake.setBehaviour({ type: 'stall', content: 'abcdefghijklmnopqrstuvwxyz', afterChunks: 2 });
    const controller = new AbortController();
    const stream = await client.chat.completions.create({ model: 'm', stream: true, messages: [] }, { signal: controller.signal });
    const received: string[] = [];
    const consumed = (async () => {
      for await (const chunk of stream) {
        received.push(chunk.choices[0]?.delta.content ?? '');
        if (received.join('').length === 16) controller.abort();
      }
    })();
    // The SDK either ends the iteration or throws on abort; either way it must not hang.
    await consumed.catch(() => undefined);
    expect(received.join('')).toBe('abcdefghijklmnop');
    await expect.poll(() => fake.abortedCount()).toBe(1);
  });

  it('embeds deterministically, in float and base64 form', async () => {
    const first = await client.embeddings.create({ model: 'e', input: ['死锁 deadlock', '死锁 deadlock', 'unrelated words'] });
    const floats = await client.embeddings.create({ model: 'e', input: '死锁 deadlock', encoding_format: 'float' });
    const [a, b, c] = first.data.map((entry) => entry.embedding);
    expect(a).toHaveLength(64);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    floats.data[0]!.embedding.forEach((value, index) => expect(value).toBeCloseTo(a![index]!, 5));
  });

  it('closes with a hanging request still open', async () => {
    fake.setBehaviour({ type: 'hang' });
    const pending = client.chat.completions.create({ model: 'm', messages: [] }).catch((error: unknown) => error);
    await expect.poll(() => fake.requests.length).toBe(1);
    await fake.close();
    expect(await pending).toBeInstanceOf(Error);
  });
});
