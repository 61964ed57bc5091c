/**
 * `npm run bench -- tail [--seconds N] [--sessions N]`: where the latency of a saturated answer
 * turn comes from. The server bench's back-to-back load (32 sessions, no pause) runs for N
 * seconds while this process records, on the server's main thread:
 * - the SQLite writer's round trip of each write (queued → acknowledged after its COMMIT), and how
 *   many writes each group commit carried;
 * - event-loop delay (node:perf_hooks, 1 ms resolution): how long a ready callback waited;
 * - garbage-collection pauses (PerformanceObserver 'gc'), by kind.
 * A closed loop's mean latency is sessions ÷ throughput (Little's law); these say what spreads
 * the tail around it. The writer is timed by wrapping `SqliteWriter.prototype.write` in this
 * process only; nothing in the product changes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import { SqliteWriter, type WriteOutcome, type WriteStep } from '../src/adapters/node/sqlite-writer.ts';
import type { BenchSection } from './bench.ts';
import { createLoadGenerator, loadPlan, startBenchTargets } from './bench-load.ts';
import { option } from './bench-support.ts';

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const spread = (values: readonly number[]) => `p50 ${ms(percentile(values, 50))}, p90 ${ms(percentile(values, 90))}, p99 ${ms(percentile(values, 99))}, max ${ms(percentile(values, 100))}`;

const gcKinds: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge (young generation)',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact (whole heap)',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental marking step',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks',
};

/** Times every write of every SqliteWriter in this process; returns the recorder. */
function timeWrites() {
  const roundTrips: number[] = [];
  const batchSizes: number[] = [];
  const writer = SqliteWriter.prototype as unknown as {
    write(steps: WriteStep[]): Promise<WriteOutcome>;
    sendNext(this: { inFlight?: unknown[]; queued: unknown[] }): void;
  };
  const write = writer.write;
  const sendNext = writer.sendNext;
  writer.write = function (this: SqliteWriter, steps) {
    const queuedAt = performance.now();
    const written = write.call(this, steps);
    written.then(() => roundTrips.push(performance.now() - queuedAt), () => undefined);
    return written;
  };
  writer.sendNext = function () {
    const sends = !this.inFlight && this.queued.length > 0;
    const size = this.queued.length;
    sendNext.call(this);
    if (sends) batchSizes.push(size);
  };
  return {
    roundTrips,
    batchSizes,
    reset: () => {
      roundTrips.length = 0;
      batchSizes.length = 0;
    },
  };
}

export async function run(argv: string[]): Promise<BenchSection> {
  const seconds = option(argv, 'seconds', 10);
  const clients = option(argv, 'sessions', 32);
  const writes = timeWrites();
  const pauses = new Map<string, number[]>();
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = gcKinds[(entry as unknown as { detail: { kind: number } }).detail.kind] ?? 'other';
      pauses.set(kind, [...(pauses.get(kind) ?? []), entry.duration]);
    }
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'mianba-tail-'));
  const targets = await startBenchTargets(dataDir);
  const load = createLoadGenerator();
  try {
    console.error(`bench tail: ${clients} sessions back to back for ${seconds} s`);
    await load.run(loadPlan(targets, 'answers', clients, 2000, [0, 0]));
    writes.reset();
    const loopDelay = monitorEventLoopDelay({ resolution: 1 });
    observer.observe({ entryTypes: ['gc'] });
    loopDelay.enable();
    const result = await load.run(loadPlan(targets, 'answers', clients, seconds * 1000, [0, 0]));
    loopDelay.disable();
    observer.disconnect();
    const turnsPerSecond = result.answersAcked / (result.elapsedMs / 1000);
    const allPauses = [...pauses.values()].flat();
    const markdown = [
      `${clients} offline practice sessions answering back to back for ${seconds} s on the real Node server (as in \`npm run bench -- server\`); times on the server's main thread.`,
      '',
      '| figure | value |',
      '|---|---|',
      `| answer turns/s | ${turnsPerSecond.toFixed(0)} (${result.errors} errors) |`,
      `| answer turn latency | ${spread(result.latenciesMs)} |`,
      `| Little's law: sessions ÷ turns/s | ${ms((1000 * clients) / turnsPerSecond)} (a closed loop's mean time per turn; a little above the mean turn latency, since each session's loop also starts sessions and runs the client) |`,
      `| SQLite writer round trip (queued → acknowledged) | ${spread(writes.roundTrips)} (${writes.roundTrips.length} writes) |`,
      `| writes per group commit | mean ${(writes.roundTrips.length / Math.max(1, writes.batchSizes.length)).toFixed(1)}, p99 ${percentile(writes.batchSizes, 99)} (${writes.batchSizes.length} commits, ${(writes.batchSizes.length / seconds).toFixed(0)}/s) |`,
      `| event-loop delay | p50 ${ms(loopDelay.percentile(50) / 1e6)}, p99 ${ms(loopDelay.percentile(99) / 1e6)}, max ${ms(loopDelay.max / 1e6)} |`,
      `| GC pauses | ${allPauses.length}, ${ms(allPauses.reduce((sum, pause) => sum + pause, 0))} in all (${((100 * allPauses.reduce((sum, pause) => sum + pause, 0)) / result.elapsedMs).toFixed(1)}% of the time); ${spread(allPauses)} |`,
      ...[...pauses].map(([kind, list]) => `| — ${kind} | ${list.length}, ${ms(list.reduce((sum, pause) => sum + pause, 0))}; max ${ms(Math.max(...list))} |`),
      `| machine load average (1 min) at the end | ${loadavg()[0]?.toFixed(2)} |`,
    ].join('\n');
    console.log(markdown);
    return { title: 'Server: where a saturated turn waits', markdown };
  } finally {
    await load.stop();
    await targets.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
