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
import Database from 'better-sqlite3';
import type { BenchSection } from './bench.ts';
import { cpuRows, createLoadGenerator, loadPlan, runMeasured, startBenchTargets, type LoadPlan, type MeasuredPhase } from './bench-load.ts';
import { option } from './bench-support.ts';

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

const busy = (phase: MeasuredPhase) => `${Math.round(phase.serverBusy * 100)}% / ${Math.round(phase.clientBusy * 100)}%`;

function latencyRow(label: string, latencies: number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  return `| ${label} | p50 ${round(percentile(sorted, 50), 2)} ms, p99 ${round(percentile(sorted, 99), 2)} ms, max ${round(sorted.at(-1) ?? Number.NaN, 2)} ms (${sorted.length} turns) |`;
}

export async function run(argv: string[]): Promise<BenchSection> {
  const json = argv.includes('--json');
  const seconds = option(argv, 'seconds', 10);
  const clients = option(argv, 'sessions', 32);
  const dataDir = await mkdtemp(join(tmpdir(), 'mianba-bench-'));
  const log = (line: string) => console.error(line);
  const targets = await startBenchTargets(dataDir);
  const { server } = targets;

  const load = createLoadGenerator();
  try {
    const think = thinkRange(argv);
    const plan = (mode: LoadPlan['mode'], durationMs: number, thinkMs: [number, number]) => loadPlan(targets, mode, clients, durationMs, thinkMs);
    // How busy and how costly each thread was: on 2 cores, server and client together set the
    // machine's ceiling for this benchmark.
    const measured = (phase: LoadPlan) => runMeasured(load, phase);
    log(`bench server: ${clients} concurrent sessions; ${seconds} s paced (think ${think[0]}–${think[1]} ms), ${seconds} s back to back, ${seconds} s bare route`);
    // Warm-up: JIT, SQLite page cache and the tokenizer's dictionaries, not measured.
    await load.run(plan('answers', 2000, [0, 0]));
    await load.run(plan('bare', 1000, [0, 0]));

    const paced = await measured(plan('answers', seconds * 1000, think));
    const saturated = await measured(plan('answers', seconds * 1000, [0, 0]));
    const bareLoad = await measured(plan('bare', seconds * 1000, [0, 0]));

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
      saturated_p99_ms: round(percentile([...saturated.latenciesMs].sort((a, b) => a - b), 99), 2),
      // CPU per turn does not depend on how busy the rest of the machine is the way turns/s does.
      server_cpu_ms_per_turn: round(saturated.serverCpuMs / Math.max(1, saturated.answersAcked), 3),
      process_cpu_ms_per_turn: round(saturated.processCpuMs / Math.max(1, saturated.answersAcked), 3),
      load_average: round(loadavg()[0] ?? Number.NaN, 2),
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
      `| threads busy back to back: server / load client | answers ${busy(saturated)}; bare ${busy(bareLoad)} |`,
      ...cpuRows(saturated, bareLoad),
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
    await targets.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
