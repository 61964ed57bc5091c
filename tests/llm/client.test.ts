import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseConfig } from '../../src/core/config.ts';
import { createCircuitBreaker } from '../../src/llm/circuit-breaker.ts';
import { createLlmClient, describeMode, LlmError, type DecisionRequest, type LlmClient } from '../../src/llm/client.ts';
import type { AgentReply } from '../../src/llm/interviewer-agent.ts';
import { startFakeOpenAI, type FakeOpenAI, type RecordedRequest } from '../support/fake-openai.ts';
import { decisionReply, isDecision, isProbe } from '../support/llm-replies.ts';

const answerSchema = z.object({ score: z.number().min(0).max(10), reason: z.string() });
const messages = [new SystemMessage('Reply in JSON.'), new HumanMessage('grade this')];
const secret = 'sk-client-test-secret';

let fake: FakeOpenAI;
let logged: string[];

function clientFor(timeoutMs: number, options: { cooldownMs?: number } = {}): LlmClient {
  return createLlmClient(
    { apiKey: secret, baseURL: fake.url, chatModel: 'fake-chat', embeddingModel: undefined, timeoutMs },
    { log: (line) => logged.push(line), breaker: createCircuitBreaker({ cooldownMs: options.cooldownMs ?? 60_000 }) },
  );
}

const bodyOf = (request: RecordedRequest | undefined) => (request?.body ?? {}) as Record<string, unknown>;

beforeEach(async () => {
  logged = [];
  fake = await startFakeOpenAI({ defaultContent: '{"score":7,"reason":"ok"}' });
});
afterEach(async () => {
  await fake.close();
});

describe('completeJson', () => {
  it('sends json_schema built from the zod schema, max_tokens and temperature 0; returns the validated object', async () => {
    await expect(clientFor(2_000).completeJson(messages, answerSchema)).resolves.toEqual({ score: 7, reason: 'ok' });
    const body = bodyOf(fake.chatRequests()[0]);
    expect(body).toMatchObject({ model: 'fake-chat', temperature: 0, max_tokens: 1024, stream: false });
    expect(body['response_format']).toMatchObject({ type: 'json_schema', json_schema: { schema: { required: ['score', 'reason'], properties: { score: { maximum: 10 } } } } });
  });

  it('falls back to json_object when the server refuses json_schema, and remembers it', async () => {
    fake.setRefusals({ jsonSchema: true });
    const client = clientFor(2_000);
    await expect(client.completeJson(messages, answerSchema)).resolves.toEqual({ score: 7, reason: 'ok' });
    await expect(client.completeJson(messages, answerSchema)).resolves.toEqual({ score: 7, reason: 'ok' });
    const formats = fake.chatRequests().map((request) => (bodyOf(request)['response_format'] as { type: string }).type);
    expect(formats).toEqual(['json_schema', 'json_object', 'json_object']);
    expect(logged).toEqual([]);
  });

  it('in json_object mode takes JSON inside a code fence, as LangChain parses it', async () => {
    fake.setRefusals({ jsonSchema: true });
    fake.setBehaviour({ type: 'reply', content: '```json\n{"score":3,"reason":"r"}\n```' });
    await expect(clientFor(2_000).completeJson(messages, answerSchema)).resolves.toEqual({ score: 3, reason: 'r' });
  });

  it('retries once after a 500 and succeeds', async () => {
    fake.enqueue({ type: 'error', status: 500 });
    await expect(clientFor(6_000).completeJson(messages, answerSchema)).resolves.toEqual({ score: 7, reason: 'ok' });
    expect(fake.chatRequests()).toHaveLength(2);
  });

  it('gives up after two 500s with an http LlmError, and logs one line without the key or the content', async () => {
    fake.setBehaviour({ type: 'error', status: 503, message: 'overloaded: grade this' });
    const failure = await clientFor(6_000).completeJson(messages, answerSchema).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LlmError);
    expect(failure).toMatchObject({ kind: 'http', httpStatus: 503, code: 'upstream_failed' });
    expect(fake.chatRequests()).toHaveLength(2);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^\[mianba\] llm fallback purpose=grade kind=http status=503 latency_ms=\d+ model=fake-chat$/);
    expect(logged[0]).not.toContain(secret);
  });

  it('reports a reply cut off by the token limit as truncated, without retrying it', async () => {
    fake.setBehaviour({ type: 'reply', content: { content: '{"score":7,"reason":"o', finishReason: 'length' } });
    await expect(clientFor(6_000).completeJson(messages, answerSchema)).rejects.toMatchObject({ kind: 'truncated' });
    expect(fake.chatRequests()).toHaveLength(1);
  });

  it('reports garbage text as invalid JSON and a wrong shape as a schema failure, after one retry each', async () => {
    fake.setBehaviour({ type: 'reply', content: 'align区块 PrincetonAMPL Lod去看 Raid.sendRedirect' });
    await expect(clientFor(6_000).completeJson(messages, answerSchema)).rejects.toMatchObject({ kind: 'invalid_json' });
    expect(fake.chatRequests()).toHaveLength(2);
    fake.setBehaviour({ type: 'reply', content: '{"score":"high"}' });
    await expect(clientFor(6_000).completeJson(messages, answerSchema)).rejects.toMatchObject({ kind: 'schema' });
  });

  it('times out a provider that never answers within the whole-call budget', async () => {
    fake.setBehaviour({ type: 'hang' });
    const started = Date.now();
    await expect(clientFor(800).completeJson(messages, answerSchema)).rejects.toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('times out a body that stalls after its headers', async () => {
    fake.setBehaviour({ type: 'stall' });
    await expect(clientFor(800).completeJson(messages, answerSchema)).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('reports the caller’s own cancellation as aborted, and does not log it', async () => {
    fake.setBehaviour({ type: 'hang' });
    const controller = new AbortController();
    const pending = clientFor(5_000).completeJson(messages, answerSchema, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });
    expect(logged).toEqual([]);
  });

  it('reports a network error when nothing listens', async () => {
    const offline = createLlmClient({ apiKey: 'k', baseURL: 'http://127.0.0.1:9/v1', chatModel: 'm', embeddingModel: undefined, timeoutMs: 1_000 }, { log: () => undefined });
    await expect(offline.completeJson(messages, answerSchema)).rejects.toMatchObject({ kind: 'network' });
  });
});

describe('decide', () => {
  const notes = { search: async () => [{ cardId: 'c1', question: 'RDB 是什么？', text: 'RDB 是内存快照' }], getCard: () => undefined };
  const accept = (reply: AgentReply) => ({ ok: true as const, value: reply });
  const request = (check: DecisionRequest<AgentReply>['check'] = accept): DecisionRequest<AgentReply> => ({
    notes,
    messages: async (tools) => [new SystemMessage('你是技术面试官'), new HumanMessage(tools ? '用工具' : '不用工具')],
    check,
  });
  const decision = { action: 'next' as const, line: '好的，下一题：什么是 AOF？' };

  it('probes tool support once, then runs the agent whose decision arrives as a tool call', async () => {
    fake.setBehaviour({ type: 'reply', content: (recorded) => (isProbe(recorded) ? 'ok' : decisionReply(recorded, decision)) });
    const client = clientFor(3_000);
    const first = await client.decide(request());
    expect(first).toMatchObject({ decision: { action: 'next', line: decision.line }, finishReason: 'tool_calls' });
    await client.decide(request());
    const calls = fake.chatRequests();
    expect(calls.filter(isProbe)).toHaveLength(1);
    const agentCall = bodyOf(calls[1]);
    expect((agentCall['tools'] as { function: { name: string } }[]).map((entry) => entry.function.name).sort()).toEqual(['get_card', 'interviewer_decision', 'search_notes']);
    expect(agentCall).toMatchObject({ max_tokens: 400, temperature: 0.7, tool_choice: 'required' });
  });

  it('lets the agent read the notes through search_notes before it decides', async () => {
    let round = 0;
    fake.setBehaviour({
      type: 'reply',
      content: (recorded) => {
        if (isProbe(recorded)) return 'ok';
        round += 1;
        return round === 1 ? { toolCalls: [{ name: 'search_notes', arguments: '{"query":"RDB"}' }] } : decisionReply(recorded, decision);
      },
    });
    const reply = await clientFor(3_000).decide(request());
    expect(reply.notesSeen).toEqual(['RDB 是内存快照']);
    const toolResult = (bodyOf(fake.chatRequests().at(-1))['messages'] as { role: string; content: string }[]).find((message) => message.role === 'tool');
    expect(toolResult?.content).toContain('RDB 是内存快照');
  });

  it('without tools, the decision comes from one structured-output call', async () => {
    fake.setRefusals({ tools: true });
    fake.setBehaviour({ type: 'reply', content: (recorded) => decisionReply(recorded, decision) });
    const client = clientFor(3_000);
    await expect(client.decide(request())).resolves.toMatchObject({ decision, finishReason: 'stop', notesSeen: [] });
    await client.decide(request());
    const calls = fake.chatRequests();
    expect(calls.filter(isProbe)).toHaveLength(1);
    expect(calls.filter(isDecision)).toHaveLength(2);
    expect(bodyOf(calls[1])).toMatchObject({ response_format: { type: 'json_schema', json_schema: { name: 'interviewer_decision' } }, max_tokens: 400 });
    expect(bodyOf(calls[1])['tools']).toBeUndefined();
    expect(JSON.stringify(bodyOf(calls[1])['messages'])).toContain('不用工具');
  });

  it('refuses a decision the check rejects, as an LlmError the breaker counts', async () => {
    fake.setBehaviour({ type: 'reply', content: (recorded) => (isProbe(recorded) ? 'ok' : decisionReply(recorded, decision)) });
    const failure = await clientFor(3_000).decide(request(() => ({ ok: false, reason: 'line is not mostly Chinese' }))).catch((error: unknown) => error);
    expect(failure).toMatchObject({ kind: 'rejected', message: expect.stringContaining('not mostly Chinese') });
    expect(logged[0]).toContain('purpose=decide kind=rejected');
  });
});

describe('circuit breaker', () => {
  it('after 3 failures in a row skips the LLM and reports degraded with the reason, until a trial call succeeds', async () => {
    fake.setBehaviour({ type: 'error', status: 400, message: 'bad request' });
    const client = clientFor(2_000, { cooldownMs: 300 });
    expect(client.health()).toEqual({ degraded: false });
    for (let failure = 0; failure < 3; failure += 1) await expect(client.completeJson(messages, answerSchema)).rejects.toMatchObject({ kind: 'http' });
    expect(client.health()).toEqual({ degraded: true, reason: expect.stringContaining('3 LLM calls failed in a row (last: http)') });
    const sent = fake.chatRequests().length;
    await expect(client.completeJson(messages, answerSchema)).rejects.toMatchObject({ kind: 'circuit_open' });
    expect(fake.chatRequests()).toHaveLength(sent);
    expect(logged).toHaveLength(4);
    expect(logged[3]).toContain('kind=circuit_open');

    await new Promise((resolve) => setTimeout(resolve, 350));
    fake.setBehaviour({ type: 'reply', content: '{"score":7,"reason":"ok"}' });
    await expect(client.completeJson(messages, answerSchema)).resolves.toEqual({ score: 7, reason: 'ok' });
    expect(client.health()).toEqual({ degraded: false });
  });
});

describe('describeMode', () => {
  it('says offline without configuration and names the model and host in LLM mode, never the key', () => {
    expect(describeMode(parseConfig({}))).toEqual({ mode: 'offline', reason: expect.stringMatching(/offline/) });
    const llm = describeMode(parseConfig({ MIANBA_LLM_PRESET: 'deepseek', OPENAI_API_KEY: 'sk-x' }));
    expect(llm.mode).toBe('llm');
    expect(llm.reason).toContain('deepseek-chat');
    expect(llm.reason).not.toContain('sk-x');
  });
});
