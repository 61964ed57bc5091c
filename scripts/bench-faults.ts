/**
 * `npm run bench -- faults [--json] [--timeout-ms N] [--turns N] [--restarts N]`: what a fault
 * costs a user. The real Node server runs in LLM mode against the fake OpenAI server scripted to
 * fail (500, hang, stall mid-reply, malformed JSON, slower than the timeout); each answer turn's
 * latency is measured against the configured MIANBA_LLM_TIMEOUT_MS, with the fallback and notice
 * counts and /api/health latency while the provider hangs. Then the entry is started as a child
 * process and killed with SIGKILL a few times to measure restart-to-healthy time.
 * With `--json`, the last stdout line is one JSON object with every figure.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startNodeServer } from '../src/entries/node-server.ts';
import { startFakeOpenAI, type FakeBehaviour, type RecordedRequest } from '../tests/support/fake-openai.ts';
import { startServerProcess } from '../tests/support/server-process.ts';
import type { BenchSection } from './bench.ts';
import { option, percentile } from './bench-support.ts';

const repoRoot = resolve(import.meta.dirname, '..');

function isGradingCall(request: RecordedRequest): boolean {
  return typeof request.body === 'object' && request.body !== null && 'response_format' in request.body;
}

function healthyReply(request: RecordedRequest): string {
  if (!isGradingCall(request)) return '好的，我们继续下一个问题。';
  return JSON.stringify({ keyPoints: [], score: 5, strengths: [], gaps: [], feedback: '回答覆盖了部分要点，建议补充细节。' });
}

/** A data folder holding a copy of the existing index, so the server under test starts without re-indexing. */
function seededDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mianba-bench-faults-'));
  const index = join(repoRoot, 'data', 'index');
  if (existsSync(index)) cpSync(index, join(dir, 'index'), { recursive: true });
  return dir;
}

interface FaultFigures {
  fault: string;
  turns: number;
  p50_ms: number;
  max_ms: number;
  fallbacks: number;
  notices_per_turn_max: number;
  health_max_ms: number;
}

async function measureFaults(timeoutMs: number, turns: number): Promise<FaultFigures[]> {
  const fake = await startFakeOpenAI({ defaultContent: healthyReply });
  const dataDir = seededDataDir();
  const server = await startNodeServer({
    env: {
      MIANBA_DATA_DIR: dataDir,
      OPENAI_BASE_URL: fake.url,
      OPENAI_API_KEY: 'bench-key',
      MIANBA_LLM_TIMEOUT_MS: String(timeoutMs),
      MIANBA_RATE_LIMIT_PER_MINUTE: '100000',
    },
    hostname: '127.0.0.1',
    port: 0,
    serveWeb: false,
    log: () => undefined,
  });
  const base = `http://127.0.0.1:${server.port}`;
  const scenarios: { fault: string; behaviour: FakeBehaviour }[] = [
    { fault: 'healthy provider', behaviour: { type: 'reply', content: healthyReply } },
    { fault: 'HTTP 500', behaviour: { type: 'error', status: 500 } },
    { fault: 'hangs (no answer)', behaviour: { type: 'hang' } },
    { fault: 'stalls mid-reply', behaviour: { type: 'stall', content: healthyReply, afterChunks: 2 } },
    { fault: 'malformed JSON', behaviour: { type: 'malformed' } },
    { fault: 'slower than the timeout', behaviour: { type: 'reply', content: healthyReply, delayMs: timeoutMs * 3 } },
  ];
  const figures: FaultFigures[] = [];
  try {
    for (const scenario of scenarios) {
      fake.setBehaviour(scenario.behaviour);
      let cookie = '';
      const post = async (path: string, body: unknown) => {
        const response = await fetch(base + path, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
          body: JSON.stringify(body),
        });
        cookie ||= response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
        return response;
      };
      const latencies: number[] = [];
      const healthMs: number[] = [];
      let fallbacks = 0;
      let noticesMax = 0;
      let session = (await (await post('/api/sessions', { mode: 'practice', questions: 30 })).json()) as { id: string; message: { turn?: number } };
      let turn = session.message.turn;
      for (let index = 0; index < turns; index += 1) {
        const started = performance.now();
        const reply = post(`/api/sessions/${session.id}/answers`, { answer: `我的理解是先分析问题，再给出方案（第 ${index + 1} 次回答）。`, turn });
        const healthStarted = performance.now();
        await fetch(`${base}/api/health`);
        healthMs.push(performance.now() - healthStarted);
        const response = await reply;
        const body = (await response.json()) as { grade?: { fallback?: boolean }; notice?: string; next?: { kind: string; turn?: number } };
        latencies.push(performance.now() - started);
        if (!response.ok) throw new Error(`answer failed under "${scenario.fault}": ${response.status} ${JSON.stringify(body)}`);
        if (body.grade?.fallback) fallbacks += 1;
        noticesMax = Math.max(noticesMax, (body.notice ?? '').match(/LLM/g)?.length ?? 0);
        turn = body.next?.turn;
        if (body.next?.kind === 'done') {
          session = (await (await post('/api/sessions', { mode: 'practice', questions: 30 })).json()) as typeof session;
          turn = session.message.turn;
        }
      }
      figures.push({
        fault: scenario.fault,
        turns,
        p50_ms: Math.round(percentile(latencies, 0.5)),
        max_ms: Math.round(Math.max(...latencies)),
        fallbacks,
        notices_per_turn_max: noticesMax,
        health_max_ms: Math.round(Math.max(...healthMs)),
      });
    }
  } finally {
    await server.close();
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return figures;
}

/** Spawns the entry (node --import tsx, so SIGKILL hits the server itself), times it to healthy, kills it. */
async function measureRestarts(restarts: number): Promise<number[]> {
  const dataDir = seededDataDir();
  const times: number[] = [];
  try {
    for (let attempt = 0; attempt < restarts; attempt += 1) {
      const server = await startServerProcess({ dataDir, timeoutMs: 120_000 });
      times.push(server.startupMs);
      await server.kill9();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return times;
}

export async function run(argv: string[]): Promise<BenchSection> {
  const timeoutMs = option(argv, 'timeout-ms', 2_000);
  const turns = option(argv, 'turns', 4);
  const restarts = option(argv, 'restarts', 5);
  const faults = await measureFaults(timeoutMs, turns);
  const restartTimes = await measureRestarts(restarts);
  const worst = faults.filter((row) => row.fault !== 'healthy provider').reduce((max, row) => Math.max(max, row.max_ms), 0);
  const figures = {
    timeout_ms: timeoutMs,
    faults,
    worst_fault_turn_ms: worst,
    worst_over_timeout: Number((worst / timeoutMs).toFixed(2)),
    restart_p50_ms: Math.round(percentile(restartTimes, 0.5)),
    restart_max_ms: Math.round(Math.max(...restartTimes)),
  };
  const markdown = [
    `The real Node server in LLM mode against the fake provider, MIANBA_LLM_TIMEOUT_MS=${timeoutMs}, ${turns} answer turns per fault (practice mode, sequential).`,
    '',
    '| provider | p50 turn ms | max turn ms | graded by fallback | LLM notices per turn (max) | /api/health max ms during the turn |',
    '|---|---|---|---|---|---|',
    ...faults.map((row) => `| ${row.fault} | ${row.p50_ms} | ${row.max_ms} | ${row.fallbacks}/${row.turns} | ${row.notices_per_turn_max} | ${row.health_max_ms} |`),
    '',
    `Worst faulty turn: ${worst} ms = ${figures.worst_over_timeout} × the timeout (target: about one timeout, one notice).`,
    '',
    `Restart after kill -9 (node --import tsx src/entries/node-server.ts, index already built) to a healthy /api/health, ${restartTimes.length} runs: p50 ${figures.restart_p50_ms} ms, max ${figures.restart_max_ms} ms.`,
  ].join('\n');
  console.log(markdown);
  if (argv.includes('--json')) console.log(JSON.stringify(figures));
  return { title: 'Faults: fallback latency under a failing LLM provider, restart after kill -9', markdown };
}
