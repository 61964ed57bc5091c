/**
 * A broken LLM provider must never cost a candidate an answer: the real app in LLM mode, pointed
 * at the fake OpenAI server scripted to fail in every way a provider fails, still grades every
 * answer (offline fallback, visible notice), records every turn exactly once, keeps answering
 * other requests while the provider hangs, and gives up after about the configured timeout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeBehaviour, FakeOpenAI, RecordedRequest } from '../support/fake-openai.ts';
import { startFakeOpenAI } from '../support/fake-openai.ts';
import { seededRandom } from '../support/seeded-random.ts';
import { ApiClient, inProcess } from './support/client.ts';
import { makeRealApp, removeRealAppTempDirs, type RealApp } from './support/real-app.ts';
import { answerFor, markerCounts, seqIsContiguous, startSession, submit, transcript, type SubmitReply } from './support/session-driver.ts';

const timeoutMs = 800;
/**
 * Generous ceiling for one answer turn under a failing provider: the grading budget plus slack
 * for a loaded 2-core CI machine. Waiting for the provider again to word the next line (another
 * timeout), the SDK's default timeout or unbudgeted retries would all blow through it.
 */
const turnCeilingMs = timeoutMs + 1_500;

function isGradingCall(request: RecordedRequest): boolean {
  return typeof request.body === 'object' && request.body !== null && 'response_format' in request.body;
}

/** A healthy provider: a schema-valid grade for grading calls, an interviewer line for wording calls. */
function healthyReply(request: RecordedRequest): string {
  if (!isGradingCall(request)) return '好的，我们继续下一个问题。';
  return JSON.stringify({ keyPoints: [], score: 5, strengths: [], gaps: [], feedback: '回答覆盖了部分要点，建议补充细节。' });
}

const faults: { name: string; behaviour: FakeBehaviour }[] = [
  { name: 'HTTP 500 on every call', behaviour: { type: 'error', status: 500 } },
  { name: 'HTTP 429 with a long Retry-After', behaviour: { type: 'error', status: 429, retryAfterMs: 60_000 } },
  { name: 'a provider that never answers', behaviour: { type: 'hang' } },
  { name: 'a reply that stalls halfway', behaviour: { type: 'stall', content: healthyReply, afterChunks: 2 } },
  { name: 'malformed JSON', behaviour: { type: 'malformed' } },
  {
    name: 'JSON of the wrong schema',
    behaviour: { type: 'reply', content: (request) => (isGradingCall(request) ? '{"score":"ten","keyPoints":"all of them","verdict":10}' : '') },
  },
  { name: 'a reply slower than the timeout', behaviour: { type: 'reply', content: healthyReply, delayMs: 5_000 } },
];

let fake: FakeOpenAI;
const measured: { fault: string; turns: number; maxMs: number; meanMs: number }[] = [];

beforeAll(async () => {
  fake = await startFakeOpenAI({ defaultContent: healthyReply });
});

afterAll(async () => {
  await fake.close();
  removeRealAppTempDirs();
  console.log(
    `[upstream-faults] timeout ${timeoutMs} ms; answer turn latency under each fault:\n` +
      measured.map((row) => `  ${row.fault}: ${row.turns} turns, mean ${row.meanMs.toFixed(0)} ms, max ${row.maxMs.toFixed(0)} ms`).join('\n'),
  );
});

async function llmApp(): Promise<RealApp> {
  return makeRealApp({ env: { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'test-key-upstream', MIANBA_LLM_TIMEOUT_MS: String(timeoutMs) } });
}

describe('upstream faults: every answer graded, no turn lost, server responsive', () => {
  it.each(faults)('$name', async ({ name, behaviour }) => {
    const real = await llmApp();
    try {
      fake.setBehaviour(behaviour);
      const client = new ApiClient(inProcess(real.app));
      const random = seededRandom(name.length);
      const session = await startSession(client, { mode: 'practice', questions: 2 });
      let pending: { text: string; questionId?: string } | null = session.message;
      const acknowledged: string[] = [];
      const latencies: number[] = [];
      for (let turn = 0; pending && turn < 8; turn += 1) {
        const marker = `ANS-${turn}-${name.length}`;
        const callsBefore = fake.chatRequests().length;
        const inFlight = submit(client, session.id, { answer: answerFor(real.kb, pending.questionId, marker, random) });
        // While the provider misbehaves, other requests are still served promptly.
        const health = await client.get<{ ok: boolean; mode: string }>('/api/health');
        expect(health.status).toBe(200);
        // After 3 failed calls in a row the circuit breaker skips the provider and health says so.
        expect(['llm', 'degraded']).toContain(health.body.mode);
        expect(health.ms).toBeLessThan(1_000);

        const reply = await inFlight;
        expect(reply.status, JSON.stringify(reply.body)).toBe(200);
        latencies.push(reply.ms);
        acknowledged.push(marker);
        const body: SubmitReply = reply.body;
        expect(body.grade, 'every answer is graded').not.toBeNull();
        expect(body.grade?.fallback).toBe(true);
        expect(body.grade?.grader).toBe('offline');
        expect(body.grade?.notice ?? '').toMatch(/离线评分/);
        expect(body.notice ?? '', 'the fallback is visible in the turn reply').toMatch(/离线/);
        expect(body.grade?.score).toBeGreaterThanOrEqual(0);
        expect(body.grade?.score).toBeLessThanOrEqual(10);
        expect(reply.ms, 'one turn costs about the configured timeout, not the provider’s').toBeLessThan(turnCeilingMs);
        // One fault costs one fallback: once grading fell back, the turn does not wait on the provider again.
        const turnCalls = fake.chatRequests().slice(callsBefore);
        expect(turnCalls.filter((request) => !isGradingCall(request)), 'no LLM wording after a grading fallback').toEqual([]);
        expect((body.notice ?? '').match(/LLM/g), 'exactly one fallback notice').toHaveLength(1);
        pending = body.next.kind === 'done' ? null : body.next;
      }
      expect(pending, 'the session reached its end').toBeNull();

      const recorded = await transcript(client, session.id);
      expect(recorded.session.status).toBe('done');
      expect(seqIsContiguous(recorded.turns)).toBe(true);
      const counts = markerCounts(recorded.turns, /ANS-\d+-\d+/g);
      for (const marker of acknowledged) expect(counts.get(marker), marker).toBe(1);
      expect(counts.size).toBe(acknowledged.length);
      for (const turn of recorded.turns.filter((entry) => entry.kind === 'answer')) expect(turn.grade?.fallback).toBe(true);
      measured.push({
        fault: name,
        turns: latencies.length,
        maxMs: Math.max(...latencies),
        meanMs: latencies.reduce((sum, ms) => sum + ms, 0) / latencies.length,
      });
    } finally {
      real.close();
    }
  });

  it('a provider that recovers is used again (the fallback is per call, not sticky)', async () => {
    const real = await llmApp();
    try {
      const client = new ApiClient(inProcess(real.app));
      fake.setBehaviour({ type: 'error', status: 500 });
      const session = await startSession(client, { mode: 'practice', questions: 3 });
      // A weak answer on any card: a strong one may be followed by a deeper question, whose turn keeps the question's
      // earlier grade, so the recovered call would grade another card, not this question.
      const failed = await submit(client, session.id, { answer: '这个我记得不太清楚，大概是和性能、资源分配有关系吧。（R-1）' });
      expect(failed.status).toBe(200);
      expect(failed.body.grade?.fallback).toBe(true);
      fake.setBehaviour({ type: 'reply', content: healthyReply });
      const next = failed.body.next;
      const recovered = await submit(client, session.id, { answer: answerFor(real.kb, next.questionId, 'R-2', seededRandom(2)) });
      expect(recovered.status).toBe(200);
      expect(recovered.body.grade?.grader).toBe('llm');
      expect(recovered.body.grade?.fallback).toBe(false);
      expect(recovered.body.grade?.notice).toBeUndefined();
    } finally {
      real.close();
    }
  });

  it('an SSE answer whose provider stalls mid-stream still ends with a done event carrying the graded turn', async () => {
    const real = await llmApp();
    try {
      const client = new ApiClient(inProcess(real.app));
      fake.setBehaviour({ type: 'stall', content: healthyReply, afterChunks: 3 });
      const session = await startSession(client, { mode: 'practice', questions: 2 });
      const started = performance.now();
      const response = await client.raw(`/api/sessions/${session.id}/answers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ answer: answerFor(real.kb, session.message.questionId, 'SSE-1', seededRandom(3)) }),
      });
      expect(response.status).toBe(200);
      const events = (await response.text())
        .split('\n\n')
        .filter((block) => block.trim())
        .map((block) => ({
          event: /^event: (.*)$/m.exec(block)?.[1] ?? 'message',
          data: block
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.replace(/^data: ?/, ''))
            .join('\n'),
        }));
      expect(performance.now() - started).toBeLessThan(turnCeilingMs);
      const done = events.filter((event) => event.event === 'done');
      expect(events.filter((event) => event.event === 'error')).toEqual([]);
      expect(done).toHaveLength(1);
      const body = JSON.parse(done[0]!.data) as SubmitReply;
      expect(body.grade?.fallback).toBe(true);
      expect(body.next.text.length).toBeGreaterThan(0);
      const recorded = await transcript(client, session.id);
      expect(markerCounts(recorded.turns, /SSE-\d/g).get('SSE-1')).toBe(1);
      // The stored interviewer line is the authoritative one the done event carries, not the stalled tokens.
      expect(recorded.turns.at(-1)?.text).toBe(body.next.text);
    } finally {
      real.close();
    }
  });
});
