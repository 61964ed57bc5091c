/**
 * LLM mode against a real OpenAI-compatible server that nobody here wrote: llama.cpp's
 * `llama-server`, built from the source node-llama-cpp ships (see llama-server-toolchain.ts),
 * serving a tiny random-weight model generated for this run. Everything it says is gibberish by
 * construction, so this proves the protocol (json_schema replies, the tools probe and the agent's
 * tool calls, max_tokens, finish reasons), the line checks and the fallbacks, never the wording:
 * whatever the server answers, the candidate always sees a real question from the bank, never an
 * unchecked token, every answer is graded, the breaker and health notice the failures and each
 * fallback is logged. Settings: the server's defaults; constrained decoding (`--n-predict` small,
 * so every reply stops at the token limit); and no Jinja templates, where the server refuses tools.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { llmWordingNotice } from '../../src/interview/interviewer-voice.ts';
import { makeHarness, parseSse, referenceAnswer, removeTempDirs, type Harness } from '../server/app-harness.ts';
import { ensureLlamaServer, findToolchain, generateTinyModel, startLlamaServer, type RunningLlamaServer, type Toolchain } from './llama-server-toolchain.ts';

const toolchain = await findToolchain();
const missing = 'missing' in toolchain ? toolchain.missing : undefined;
if (missing && process.env['CI']) throw new Error(`CI must run the llama-server integration test, but ${missing} (.ci/run installs it)`);
if (missing) console.warn(`[llama-server] skipped: ${missing}`);

/** The first build takes about 15 minutes on 2 cores; later runs find it in the cache. */
const buildTimeoutMs = 45 * 60_000;
const llmTimeoutMs = 15_000;
/** One answer turn: a grade and a decision, each within the deadline, plus slack for a busy CI machine. */
const turnCeilingMs = 2 * llmTimeoutMs + 5_000;

interface Turn {
  status: number;
  ms: number;
  tokens: string;
  body: {
    grade: { score: number; grader: string; fallback: boolean } | null;
    next: { kind: 'followup' | 'question' | 'done'; text: string; questionId?: string };
    notice?: string;
  };
}

const settings = [
  { name: 'server defaults', args: [] as string[] },
  { name: 'constrained decoding (--n-predict 24)', args: ['--n-predict', '24'] },
  // No Jinja chat templates: the server refuses `tools`, so the decision comes from one
  // json_schema call, and its schema-valid gibberish reaches the line checks.
  { name: 'tools refused (--no-jinja)', args: ['--no-jinja'] },
];
const timings: string[] = [];

describe.skipIf(missing !== undefined)('LLM mode against a real llama-server (tiny random model)', () => {
  let binary = '';
  let model = '';

  beforeAll(async () => {
    const started = Date.now();
    const built = await ensureLlamaServer((line) => console.log(`[llama-server] ${line}`));
    binary = built.binary;
    model = await generateTinyModel(toolchain as Toolchain, built.source);
    timings.push(`setup: ${built.builtNow ? 'built llama-server and ' : 'cached llama-server, '}generated the model in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, buildTimeoutMs);

  afterAll(() => {
    removeTempDirs();
    console.log(`[llama-server] timings:\n  ${timings.join('\n  ')}`);
  });

  describe.each(settings)('$name', ({ name, args }) => {
    let server: RunningLlamaServer;
    let harness: Harness;

    beforeAll(async () => {
      server = await startLlamaServer(binary, model, args);
      harness = await makeHarness({ env: { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'local', MIANBA_CHAT_MODEL: 'tiny-random', MIANBA_LLM_TIMEOUT_MS: String(llmTimeoutMs) } });
    }, 60_000);

    afterAll(async () => {
      await harness?.close();
      await server?.stop();
    });

    it('every turn shows a real question or a checked line, grades every answer, and reports the failures', async () => {
      const browser = harness.browser();
      const turns: Turn[] = [];
      for (const mode of ['practice', 'interview'] as const) {
        const created = (await (await browser.post('/api/sessions', { mode, questions: 3 })).json()) as { id: string; message: { text: string; questionId?: string } };
        expectAsksItsQuestion(harness, created.message);
        let next: Turn['body']['next'] | undefined = { kind: 'question', text: created.message.text, ...(created.message.questionId ? { questionId: created.message.questionId } : {}) };
        for (let index = 0; next && next.kind !== 'done' && index < 10; index += 1) {
          const turn = await answer(harness, browser, created.id, next.questionId, index);
          turns.push(turn);
          expect(turn.status, JSON.stringify(turn.body)).toBe(200);
          expect(turn.ms).toBeLessThan(turnCeilingMs);
          // The candidate never watches unchecked tokens: what streamed is exactly the final line.
          expect(turn.tokens).toBe(turn.body.next.text);
          expect(turn.body.next.text).not.toMatch(/[\uFFFD\u0000-\u0008\u000E-\u001F]/);
          expectAsksItsQuestion(harness, turn.body.next);
          next = turn.body.next;
        }
        expect(next?.kind).toBe('done');
      }

      const answered = turns.filter((turn) => turn.body.grade !== null);
      expect(answered.length).toBeGreaterThan(0);
      for (const turn of answered) expect(turn.body.grade?.score).toBeGreaterThanOrEqual(0);
      // Gibberish never passes the line checks: every line fell back, visibly.
      expect(turns.some((turn) => (turn.body.notice ?? '').includes(llmWordingNotice) || turn.body.grade?.fallback)).toBe(true);

      const health = (await (await browser.request('/api/health')).json()) as { mode: string; reason: string };
      expect(health).toMatchObject({ mode: 'degraded', reason: expect.stringContaining('failed in a row') });
      const fallbacks = harness.logged.filter((line) => line.includes('llm fallback'));
      expect(fallbacks.length).toBeGreaterThanOrEqual(3);
      for (const line of fallbacks) expect(line).toMatch(/purpose=(grade|decide) kind=\w+ status=\S+ latency_ms=\d+ model=tiny-random/);
      expect(fallbacks.join('\n')).not.toMatch(/不知道|local/);

      const sent = turns.map((turn) => turn.ms);
      timings.push(
        `${name}: ${turns.length} turns, turn latency mean ${mean(sent).toFixed(0)} ms, max ${Math.max(...sent)} ms; ` +
          `kinds logged: ${[...new Set(fallbacks.map((line) => /purpose=\w+ kind=\w+/.exec(line)?.[0]))].join(', ')}`,
      );
    }, 10 * 60_000);
  });
});

/** A line that moves to a bank question contains that question (asked, or shown beside the LLM's line). */
function expectAsksItsQuestion(harness: Harness, line: { text: string; questionId?: string; kind?: string }): void {
  if (line.kind === 'followup' || line.kind === 'done' || !line.questionId) return;
  const card = harness.kb.getCard(line.questionId);
  expect(card, line.questionId).toBeDefined();
  expect(line.text).toContain(card!.question);
}

/** Answers in turn: part of the reference, "不知道", a skip; over SSE, as the browser does. */
async function answer(harness: Harness, browser: ReturnType<Harness['browser']>, sessionId: string, questionId: string | undefined, index: number): Promise<Turn> {
  const card = questionId ? harness.kb.getCard(questionId) : undefined;
  const body =
    index % 3 === 2
      ? { action: 'skip' }
      : { answer: index % 3 === 0 && card?.answered ? referenceAnswer(harness.kb, card.id).slice(0, 120) : '不知道' };
  const started = Date.now();
  const response = await browser.post(`/api/sessions/${sessionId}/answers`, body, { accept: 'text/event-stream' });
  const text = await response.text();
  const events = response.ok ? parseSse(text) : [];
  const done = events.find((event) => event.event === 'done');
  return {
    status: done ? response.status : 500,
    ms: Date.now() - started,
    tokens: events.filter((event) => event.event === 'token').map((event) => event.data).join(''),
    body: JSON.parse(done?.data ?? (text || '{}')) as Turn['body'],
  };
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
}
