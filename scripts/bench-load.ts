/**
 * The load both server benchmarks drive (`npm run bench -- server` and `-- profile`): the real
 * Node server on 127.0.0.1, a bare Hono JSON route beside it for comparison, and a worker thread
 * of virtual clients, so client work does not sit on the server's event loop.
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { startNodeServer, type RunningServer } from '../src/entries/node-server.ts';

export interface LoadResult {
  latenciesMs: number[];
  answersSent: number;
  answersAcked: number;
  errors: number;
  errorSamples: string[];
  sessionIds: string[];
  elapsedMs: number;
  requests: number;
  /** Share of the phase the load worker's own thread was busy: what the client costs. */
  clientBusy: number;
  /** CPU time the load worker's thread used in the phase (Linux; NaN elsewhere). */
  clientCpuMs: number;
}

/**
 * CPU time of the calling thread, in ms, from /proc/thread-self/stat (utime + stime, in ticks of
 * 10 ms): unlike wall-clock rates, it does not change when other processes share the cores. As
 * source text, so the load worker (plain JS) runs the same function on its own thread.
 */
const threadCpuMsSource = `
function threadCpuMs() {
  try {
    const fields = require('node:fs').readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}
`;
export const threadCpuMs = new Function('require', `${threadCpuMsSource}; return threadCpuMs;`)(createRequire(import.meta.url)) as () => number;

// Plain JS evaluated in a worker thread: one async loop per virtual client, until the deadline.
// One long-lived worker runs every phase, so its fetch stack is warm (JIT, connection pool)
// before anything is measured.
const loadWorkerSource = `
const { parentPort } = require('node:worker_threads');
const { performance: clock } = require('node:perf_hooks');
${threadCpuMsSource}
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
  result = { latenciesMs: [], answersSent: 0, answersAcked: 0, errors: 0, errorSamples: [], sessionIds: [], elapsedMs: 0, requests: 0, clientBusy: 0, clientCpuMs: 0 };
  const usage = clock.eventLoopUtilization();
  const cpuAtStart = threadCpuMs();
  const started = performance.now();
  const deadline = started + durationMs;
  try {
    await Promise.all(Array.from({ length: clients }, (_, i) => (mode === 'answers' ? answerClient(i, deadline) : bareClient(deadline))));
  } catch (error) {
    fail(String(error));
  }
  result.elapsedMs = performance.now() - started;
  result.clientBusy = clock.eventLoopUtilization(usage).utilization;
  result.clientCpuMs = threadCpuMs() - cpuAtStart;
  parentPort.postMessage(result);
});
`;

export interface LoadPlan {
  baseUrl: string;
  mode: 'answers' | 'bare';
  clients: number;
  durationMs: number;
  answers: string[];
  /** Candidate's pause before each answer, [min, max] ms; [0, 0] for a closed loop. */
  thinkMs: [number, number];
}

export function createLoadGenerator() {
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

// Realistic candidate answers of varied length and quality, Chinese with English terms.
export const sampleAnswers = [
  'GMP 模型里 G 是 goroutine，M 是系统线程，P 是逻辑处理器，持有本地运行队列。M 必须绑定 P 才能执行 G，本地队列空了会从全局队列或者其他 P 偷任务（work stealing）。系统调用阻塞时 M 会和 P 解绑，P 交给别的 M 继续跑。',
  'Redis 持久化有 RDB 和 AOF 两种。RDB 是定时快照，fork 子进程写盘，恢复快但可能丢最后一段数据；AOF 记录每条写命令，appendfsync 可以配 always、everysec、no，文件大了会做 rewrite。一般两者结合用。',
  '不太清楚，大概是用锁吧。',
  'MySQL 的 InnoDB 用 B+ 树做索引，非叶子节点只存键，叶子节点用双向链表连起来，适合范围查询。聚簇索引叶子存整行数据，二级索引存主键，所以回表要再查一次聚簇索引。覆盖索引可以避免回表。事务隔离靠 MVCC 和 undo log，可重复读下用 next-key lock 防幻读。',
  'TCP 三次握手：客户端发 SYN，服务端回 SYN+ACK，客户端再回 ACK。两次不够是因为服务端无法确认客户端能收到自己的包，而且历史连接的 SYN 可能导致错误建连。四次挥手是因为 TCP 全双工，每个方向要单独关闭，TIME_WAIT 等 2MSL 保证最后的 ACK 能到达。',
  'channel 底层是 hchan 结构体，有环形缓冲区、sendq 和 recvq 两个等待队列，还有一把互斥锁。无缓冲 channel 发送方会阻塞直到有接收方。关闭后还能读出剩余数据，再读返回零值；向已关闭的 channel 发送会 panic。',
];

export interface MeasuredPhase extends LoadResult {
  /** Share of the phase the server's (this) thread was busy. */
  serverBusy: number;
  serverCpuMs: number;
  /** CPU time of the whole process: server, load client, SQLite writer, GC and libuv threads. */
  processCpuMs: number;
}

/** Runs one phase and measures how busy and how costly it was on each thread. */
export async function runMeasured(load: ReturnType<typeof createLoadGenerator>, plan: LoadPlan): Promise<MeasuredPhase> {
  const usage = performance.eventLoopUtilization();
  const serverCpu = threadCpuMs();
  const processCpu = process.cpuUsage();
  const result = await load.run(plan);
  const processUsed = process.cpuUsage(processCpu);
  return {
    ...result,
    serverBusy: performance.eventLoopUtilization(usage).utilization,
    serverCpuMs: threadCpuMs() - serverCpu,
    processCpuMs: (processUsed.user + processUsed.system) / 1000,
  };
}

/**
 * CPU per answer turn and per bare request, by thread, and what they imply. The bare route is
 * limited by the load client (the server thread idles), so bare_ratio cannot exceed the client's
 * CPU per bare request ÷ its CPU per turn, however cheap the server's turn becomes; and on two
 * cores the whole process's CPU per turn bounds turns/s at 2000 ÷ that.
 */
export function cpuRows(answers: MeasuredPhase, bare: MeasuredPhase): string[] {
  const perTurn = (ms: number) => ms / Math.max(1, answers.answersAcked);
  const perRequest = (ms: number) => ms / Math.max(1, bare.requests);
  const rest = (phase: MeasuredPhase) => phase.processCpuMs - phase.serverCpuMs - phase.clientCpuMs;
  const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(3)} ms` : 'n/a');
  const clientCeiling = perRequest(bare.clientCpuMs) / perTurn(answers.clientCpuMs);
  return [
    `| CPU per answer turn: server thread / load client / rest (SQLite writer, GC) | ${ms(perTurn(answers.serverCpuMs))} / ${ms(perTurn(answers.clientCpuMs))} / ${ms(perTurn(rest(answers)))} |`,
    `| CPU per bare request: server thread / load client / rest | ${ms(perRequest(bare.serverCpuMs))} / ${ms(perRequest(bare.clientCpuMs))} / ${ms(perRequest(rest(bare)))} |`,
    `| ceilings: turns/s if the server thread were the only limit / on 2 cores / bare_ratio the client allows | ${(1000 / perTurn(answers.serverCpuMs)).toFixed(0)} / ${(2000 / perTurn(answers.processCpuMs)).toFixed(0)} / ${Number.isFinite(clientCeiling) ? clientCeiling.toFixed(3) : 'n/a'} |`,
  ];
}

export interface BenchTargets {
  server: RunningServer;
  bareUrl: string;
  close(): Promise<void>;
}

/** The offline server on a fresh data folder, with no effective rate limit, and the bare route. */
export async function startBenchTargets(dataDir: string): Promise<BenchTargets> {
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
  return {
    server,
    bareUrl: bare.url,
    close: async () => {
      bare.close();
      await server.close();
    },
  };
}

/** A phase's plan: answers go to the server, `bare` requests to the bare route. */
export function loadPlan(targets: BenchTargets, mode: LoadPlan['mode'], clients: number, durationMs: number, thinkMs: [number, number]): LoadPlan {
  return { baseUrl: mode === 'answers' ? targets.server.url : targets.bareUrl, mode, clients, durationMs, answers: sampleAnswers, thinkMs };
}
