/**
 * `npm run bench -- profile [--seconds N] [--sessions N] [--top N] [--out file.cpuprofile]`
 * records a CPU profile of the server's main thread while the server bench's back-to-back load
 * runs (32 sessions answering with no pause), then prints where the time went: each area of the
 * code base, and the top functions by self and by inclusive time.
 *
 * The profile comes from V8's sampling profiler through node:inspector in this process, 1 sample
 * per 0.5 ms, started after the warm-up so JIT and index loading are not in it. The load runs in
 * a worker thread, which has its own V8 isolate and is not in the profile. The code runs as tsx
 * compiles it (esbuild strips the types and keeps the code and names as written); lines are
 * mapped back to the .ts source through tsx's source maps.
 *
 * Then 5 s more of the same load with V8's sampling heap profiler (including objects the collector
 * already freed) give the functions that allocate most per answer turn: what the GC share is made of.
 *
 * `npm run bench -- profile --read file.cpuprofile` prints the same tables for a saved profile,
 * e.g. one written by `node --cpu-prof`.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { findSourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchSection } from './bench.ts';
import { cpuRows, createLoadGenerator, loadPlan, runMeasured, startBenchTargets } from './bench-load.ts';
import { option } from './bench-support.ts';
import { allocationSites, allocationTable, profileTables, summariseProfile, type CpuProfile, type HeapProfileNode } from './cpu-profile-summary.ts';

function stringOption(argv: string[], name: string): string | undefined {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? argv[index + 1] : undefined;
}

async function recordUnderLoad(argv: string[], log: (line: string) => void): Promise<{ profile: CpuProfile; figures: string[]; allocations: string }> {
  const seconds = option(argv, 'seconds', 10);
  const clients = option(argv, 'sessions', 32);
  const dataDir = await mkdtemp(join(tmpdir(), 'mianba-profile-'));
  const targets = await startBenchTargets(dataDir);
  const load = createLoadGenerator();
  const inspector = new Session();
  try {
    log(`bench profile: ${clients} sessions back to back for ${seconds} s under the profiler, then the bare route`);
    await load.run(loadPlan(targets, 'answers', clients, 2000, [0, 0]));
    inspector.connect();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.setSamplingInterval', { interval: 500 });
    await inspector.post('Profiler.start');
    const answers = await runMeasured(load, loadPlan(targets, 'answers', clients, seconds * 1000, [0, 0]));
    const { profile } = await inspector.post('Profiler.stop');
    await inspector.post('Profiler.disable');
    // Allocations in a phase of their own: sampling them slows the server, which would skew the CPU profile.
    await inspector.post('HeapProfiler.enable');
    await inspector.post('HeapProfiler.startSampling', { samplingInterval: 16_384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    const allocating = await load.run(loadPlan(targets, 'answers', clients, 5000, [0, 0]));
    const { profile: heap } = await inspector.post('HeapProfiler.stopSampling');
    await inspector.post('HeapProfiler.disable');
    const allocations = allocationTable(allocationSites(heap.head as HeapProfileNode, sourceLine), allocating.answersAcked, option(argv, 'top', 20));
    const bare = await runMeasured(load, loadPlan(targets, 'bare', clients, seconds * 1000, [0, 0]));
    const turnsPerSecond = answers.answersAcked / (answers.elapsedMs / 1000);
    const bareRps = bare.requests / (bare.elapsedMs / 1000);
    const figures = [
      `| answer turns/s under the profiler | ${turnsPerSecond.toFixed(1)} |`,
      `| bare Hono route req/s (not profiled) | ${bareRps.toFixed(1)} |`,
      `| ratio | ${(turnsPerSecond / bareRps).toFixed(3)} |`,
      `| errors | ${answers.errors + bare.errors} |`,
      `| threads busy, answers: server / load client | ${Math.round(answers.serverBusy * 100)}% / ${Math.round(answers.clientBusy * 100)}% |`,
      `| threads busy, bare route: server / load client | ${Math.round(bare.serverBusy * 100)}% / ${Math.round(bare.clientBusy * 100)}% |`,
      // Under the profiler, so the server thread's CPU per turn is somewhat higher than without it.
      ...cpuRows(answers, bare),
    ];
    return { profile: profile as CpuProfile, figures, allocations };
  } finally {
    inspector.disconnect();
    await load.stop();
    await targets.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** A frame's line in the .ts file, from the source map tsx registered when it loaded the module. */
function sourceLine(url: string, lineNumber: number, columnNumber: number): number | undefined {
  if (!url.startsWith('file:') || url.includes('/node_modules/')) return undefined;
  const entry = findSourceMap(url)?.findEntry(lineNumber, columnNumber);
  return entry && 'originalLine' in entry ? entry.originalLine : undefined;
}

export async function run(argv: string[]): Promise<BenchSection> {
  const log = (line: string) => console.error(line);
  const saved = stringOption(argv, 'read');
  const { profile, figures, allocations } = saved
    ? { profile: JSON.parse(await readFile(saved, 'utf8')) as CpuProfile, figures: [], allocations: '' }
    : await recordUnderLoad(argv, log);
  const out = stringOption(argv, 'out');
  if (out && !saved) {
    await writeFile(resolve(out), JSON.stringify(profile));
    log(`profile written to ${resolve(out)} (open it in Chrome DevTools → Performance)`);
  }
  const markdown = [
    ...(figures.length ? ['| figure | value |', '|---|---|', ...figures, ''] : []),
    profileTables(summariseProfile(profile, sourceLine), option(argv, 'top', 20)),
    ...(allocations ? ['', allocations] : []),
  ].join('\n');
  console.log(markdown);
  return { title: 'CPU profile of the server under load', markdown };
}
