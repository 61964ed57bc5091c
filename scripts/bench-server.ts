/**
 * `npm run bench -- server [--json] [--seconds N] [--sessions N] [--think-ms MIN-MAX]`: load on
 * the real Node server.
 *
 * The server (and a bare Hono JSON route for comparison) run in this process on 127.0.0.1; the
 * load runs in a worker thread, so client work does not sit on the server's event loop and skew
 * its latencies. Each virtual client holds a cookie jar and runs offline practice sessions.
 *
 * Two answer phases, because one closed loop cannot measure both things honestly:
 * - latency: 32 concurrent sessions whose candidates pause between answers (uniform think time,
 *   default 100–400 ms, still far faster than people type) — p50/p99 come from here;
 * - capacity: the same 32 sessions submitting back to back with no pause — turns/s comes from
 *   here, and bare_ratio compares it with the bare route driven the same way. Latency in a
 *   saturated closed loop is just concurrency ÷ throughput, so it is reported but not the target.
 * Afterwards every acknowledged answer is looked up in SQLite: `lost` counts 2xx answers that are
 * not stored.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { serve } from '@hono/node-server';
import Database from 'better-sqlite3';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { startNodeServer } from '../src/entries/node-server.ts';
import type { BenchSection } from './bench.ts';
import { option } from './bench-support.ts';

interface LoadResult {
  latenciesMs: number[];
  answersSent: number;
  answersAcked: number;
  errors: number;
  errorSamples: string[];
  sessionIds: string[];
  elapsedMs: number;
  requests: number;
}

// Plain JS evaluated in a worker thread: one async loop per virtual client, until the deadline.
// One long-lived worker runs every phase, so its fetch stack is warm (JIT, connection pool)
// before anything is measured.
const loadWorkerSource = `
const { parentPort } = require('node:worker_threads');
let baseUrl, mode, clients, durationMs, answers, thinkMs, result;
const pause = () => new Promise((resolve) => setTimeout(resolve, thinkMs[0] + Math.random() * (thinkMs[1] - thinkMs[0])));
function fail(message) {
  result.errors += 1;
  if (result.errorSamples.length < 5) result.errorSamples.push(message);
}
async function post(path, body, cookie) {
  return fetch(baseUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}
async function answerClient(index, deadline) {
  let cookie = '';
  let turn = index;
  while (performance.now() < deadline) {
    const created = await post('/api/sessions', { mode: 'practice', questions: 5 }, cookie);
    if (!cookie) cookie = created.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    if (created.status !== 201) { fail('create ' + created.status + ' ' + (await created.text()).slice(0, 200)); continue; }
    const session = await created.json();
    result.sessionIds.push(session.id);
    for (;;) {
      if (thinkMs[1] > 0) await pause();
      if (performance.now() >= deadline) return;
      const answer = answers[turn++ % answers.length];
      const started = performance.now();
      result.answersSent += 1;
      let response;
      try {
        response = await post('/api/sessions/' + session.id + '/answers', { answer }, cookie);
      } catch (error) {
        fail('answer network ' + error.message);
        break;
      }
      const body = await response.text();
      const elapsed = performance.now() - started;
      if (response.status !== 200) { fail('answer ' + response.status + ' ' + body.slice(0, 200)); break; }
      result.answersAcked += 1;
      result.latenciesMs.push(elapsed);
      if (JSON.parse(body).next.kind === 'done') break;
    }
  }
}
async function bareClient(deadline) {
  while (performance.now() < deadline) {
    const started = performance.now();
    const response = await fetch(baseUrl + '/bare', { headers: { accept: 'application/json' } });
    await response.text();
    if (response.status !== 200) { fail('bare ' + response.status); continue; }
    result.requests += 1;
    result.latenciesMs.push(performance.now() - started);
  }
}
parentPort.on('message', async (plan) => {
  ({ baseUrl, mode, clients, durationMs, answers, thinkMs } = plan);
  result = { latenciesMs: [], answersSent: 0, answersAcked: 0, errors: 0, errorSamples: [], sessionIds: [], elapsedMs: 0, requests: 0 };
  const started = performance.now();
  const deadline = started + durationMs;
  try {
    await Promise.all(Array.from({ length: clients }, (_, i) => (mode === 'answers' ? answerClient(i, deadline) : bareClient(deadline))));
  } catch (error) {
    fail(String(error));
  }
  result.elapsedMs = performance.now() - started;
  parentPort.postMessage(result);
});
`;

interface LoadPlan {
  baseUrl: string;
  mode: 'answers' | 'bare';
  clients: number;
  durationMs: number;
  answers: string[];
  /** Candidate's pause before each answer, [min, max] ms; [0, 0] for a closed loop. */
  thinkMs: [number, number];
}

function createLoadGenerator() {
  const worker = new Worker(loadWorkerSource, { eval: true });
  return {
    run: (plan: LoadPlan) =>
      new Promise<LoadResult>((resolve, reject) => {
        worker.once('message', (result: LoadResult) => {
          worker.off('error', reject);
          resolve(result);
        });
        worker.once('error', reject);
        worker.postMessage(plan);
      }),
    stop: () => worker.terminate(),
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

function thinkRange(argv: string[]): [number, number] {
  const index = argv.indexOf('--think-ms');
  const match = index >= 0 ? /^(\d+)(?:-(\d+))?$/.exec(argv[index + 1] ?? '') : null;
  if (!match) return [100, 400];
  const low = Number(match[1]);
  return [low, Math.max(low, Number(match[2] ?? low))];
}

function latencyRow(label: string, latencies: number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  return `| ${label} | p50 ${round(percentile(sorted, 50), 2)} ms, p99 ${round(percentile(sorted, 99), 2)} ms, max ${round(sorted.at(-1) ?? Number.NaN, 2)} ms (${sorted.length} turns) |`;
}

// Realistic candidate answers of varied length and quality, Chinese with English terms.
const sampleAnswers = [
  'GMP 模型里 G 是 goroutine，M 是系统线程，P 是逻辑处理器，持有本地运行队列。M 必须绑定 P 才能执行 G，本地队列空了会从全局队列或者其他 P 偷任务（work stealing）。系统调用阻塞时 M 会和 P 解绑，P 交给别的 M 继续跑。',
  'Redis 持久化有 RDB 和 AOF 两种。RDB 是定时快照，fork 子进程写盘，恢复快但可能丢最后一段数据；AOF 记录每条写命令，appendfsync 可以配 always、everysec、no，文件大了会做 rewrite。一般两者结合用。',
  '不太清楚，大概是用锁吧。',
  'MySQL 的 InnoDB 用 B+ 树做索引，非叶子节点只存键，叶子节点用双向链表连起来，适合范围查询。聚簇索引叶子存整行数据，二级索引存主键，所以回表要再查一次聚簇索引。覆盖索引可以避免回表。事务隔离靠 MVCC 和 undo log，可重复读下用 next-key lock 防幻读。',
  'TCP 三次握手：客户端发 SYN，服务端回 SYN+ACK，客户端再回 ACK。两次不够是因为服务端无法确认客户端能收到自己的包，而且历史连接的 SYN 可能导致错误建连。四次挥手是因为 TCP 全双工，每个方向要单独关闭，TIME_WAIT 等 2MSL 保证最后的 ACK 能到达。',
  'channel 底层是 hchan 结构体，有环形缓冲区、sendq 和 recvq 两个等待队列，还有一把互斥锁。无缓冲 channel 发送方会阻塞直到有接收方。关闭后还能读出剩余数据，再读返回零值；向已关闭的 channel 发送会 panic。',
];

export async function run(argv: string[]): Promise<BenchSection> {
  const json = argv.includes('--json');
  const seconds = option(argv, 'seconds', 10);
  const clients = option(argv, 'sessions', 32);
  const dataDir = await mkdtemp(join(tmpdir(), 'mianba-bench-'));
  const log = (line: string) => console.error(line);
  const server = await startNodeServer({
    // Offline on purpose: the target is the offline answer turn, independent of any provider.
    env: {
      MIANBA_DATA_DIR: dataDir,
      MIANBA_RATE_LIMIT_PER_MINUTE: '100000000',
      ...(process.env.MIANBA_CORPUS_DIR ? { MIANBA_CORPUS_DIR: process.env.MIANBA_CORPUS_DIR } : {}),
    },
    hostname: '127.0.0.1',
    port: 0,
    serveWeb: false,
    log: () => {},
  });
  const bareApp = new Hono().get('/bare', (c) => c.json({ ok: true, turn: 1, text: 'bare' }));
  const bare = await new Promise<{ url: string; close: () => void }>((resolve) => {
    const listener = serve({ fetch: bareApp.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) =>
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => listener.close() }),
    );
  });

  const load = createLoadGenerator();
  try {
    const think = thinkRange(argv);
    const plan = (mode: LoadPlan['mode'], durationMs: number, thinkMs: [number, number]): LoadPlan => ({
      baseUrl: mode === 'answers' ? server.url : bare.url,
      mode,
      clients,
      durationMs,
      answers: sampleAnswers,
      thinkMs,
    });
    log(`bench server: ${clients} concurrent sessions; ${seconds} s paced (think ${think[0]}–${think[1]} ms), ${seconds} s back to back, ${seconds} s bare route`);
    // Warm-up: JIT, SQLite page cache and the tokenizer's dictionaries, not measured.
    await load.run(plan('answers', 2000, [0, 0]));
    await load.run(plan('bare', 1000, [0, 0]));

    const paced = await load.run(plan('answers', seconds * 1000, think));
    const saturated = await load.run(plan('answers', seconds * 1000, [0, 0]));
    const bareLoad = await load.run(plan('bare', seconds * 1000, [0, 0]));

    const sessionIds = [...paced.sessionIds, ...saturated.sessionIds];
    const acknowledged = paced.answersAcked + saturated.answersAcked;
    const db = new Database(server.databaseFile, { readonly: true });
    const stored = (
      db
        .prepare(
          `SELECT COUNT(*) AS n FROM turns WHERE role = 'candidate' AND kind = 'answer'
           AND session_id IN (SELECT value FROM json_each(?))`,
        )
        .get(JSON.stringify(sessionIds)) as { n: number }
    ).n;
    db.close();

    const pacedSorted = [...paced.latenciesMs].sort((a, b) => a - b);
    const turnsPerSecond = saturated.answersAcked / (saturated.elapsedMs / 1000);
    const bareRps = bareLoad.requests / (bareLoad.elapsedMs / 1000);
    const figures = {
      p50_ms: round(percentile(pacedSorted, 50), 2),
      p99_ms: round(percentile(pacedSorted, 99), 2),
      turns_per_s: round(turnsPerSecond),
      errors: paced.errors + saturated.errors + bareLoad.errors,
      lost: Math.max(0, acknowledged - stored),
      bare_ratio: round(turnsPerSecond / bareRps, 3),
    };
    const samples = [...paced.errorSamples, ...saturated.errorSamples, ...bareLoad.errorSamples];
    const markdown = [
      `Offline practice sessions on the real Node server (SQLite, WAL, synchronous=FULL) and a bare Hono JSON route in the same process on 127.0.0.1; load from a worker thread (fetch/undici, keep-alive); ${clients} concurrent sessions, ${seconds} s per phase.`,
      '',
      '| figure | value |',
      '|---|---|',
      latencyRow(`answer turn, paced (think ${think[0]}–${think[1]} ms) — target p99 < 50 ms`, paced.latenciesMs),
      `| paced throughput | ${round(paced.answersAcked / (paced.elapsedMs / 1000))} turns/s |`,
      latencyRow('answer turn, back to back (saturated closed loop)', saturated.latenciesMs),
      `| capacity: answer turns/s back to back | ${figures.turns_per_s} |`,
      `| bare Hono JSON route back to back | ${round(bareRps)} req/s; ${latencyRow('', bareLoad.latenciesMs).slice(5, -2)} |`,
      `| bare_ratio (answer turns/s ÷ bare req/s) | ${figures.bare_ratio} |`,
      `| answers sent / acknowledged / stored in SQLite | ${paced.answersSent + saturated.answersSent} / ${acknowledged} / ${stored} |`,
      `| lost (acknowledged but not stored) | ${figures.lost} (target 0) |`,
      `| errors | ${figures.errors} (target 0) |`,
      `| sessions started | ${sessionIds.length} |`,
      // Other work on the machine shows up directly in tail latency; say how busy it was.
      `| machine load average (1 min) at the end | ${loadavg()[0]?.toFixed(2)} |`,
      ...(samples.length ? ['', 'Error samples:', '', ...samples.map((sample) => `- \`${sample}\``)] : []),
    ].join('\n');
    console.log(markdown);
    if (json) console.log(JSON.stringify(figures));
    return { title: 'Server: answer turns under load', markdown };
  } finally {
    await load.stop();
    bare.close();
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
