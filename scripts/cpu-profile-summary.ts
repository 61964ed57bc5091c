/**
 * Reads a V8 CPU profile (the `.cpuprofile` JSON that `node --cpu-prof`, Chrome DevTools and the
 * inspector's Profiler all write) into the tables `npm run bench -- profile` prints: top
 * functions by self and by inclusive time, and the share of each part of the code base.
 */

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface FunctionTime {
  name: string;
  /** Where it is defined: a path inside the repository, a package, or `node:` for Node itself. */
  location: string;
  selfMs: number;
  inclusiveMs: number;
}

export interface AreaTime {
  area: string;
  /** Time with at least one frame of the area on the stack. */
  inclusiveMs: number;
  selfMs: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Sampled time that was not `(idle)`: the thread was running JS, GC or native code. */
  busyMs: number;
  garbageCollectionMs: number;
  functions: FunctionTime[];
  areas: AreaTime[];
}

/** V8's pseudo-frames: they name what the thread did rather than a function. */
const pseudoFrames = new Set(['(root)', '(program)', '(idle)', '(garbage collector)']);

/** A short, stable place for a frame: `src/grading/x.ts:12`, `hono`, `node:internal/…`. */
export function frameLocation(url: string, lineNumber: number): string {
  if (url === '') return '';
  if (url.startsWith('node:')) return url;
  const path = url.replace(/^file:\/\//, '');
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (packageMatch) return packageMatch[1]!;
  const inRepository = /\/((?:src|scripts|tests)\/.*)$/.exec(path);
  return `${inRepository ? inRepository[1] : path}:${lineNumber + 1}`;
}

/**
 * The part of the code base a frame belongs to: a folder of src/ (`src/grading`), a package, or
 * Node's own internals. Pseudo-frames are their own area, so GC and idle time show as such.
 */
export function frameArea(node: CpuProfileNode): string {
  const { functionName, url } = node.callFrame;
  if (pseudoFrames.has(functionName) && url === '') return functionName;
  const location = frameLocation(url, 0);
  if (location === '') return '(native)';
  if (location.startsWith('node:')) return 'node internals';
  const folder = /^(src\/[^/]+|scripts|tests)\//.exec(location);
  if (folder) return folder[1]!;
  return location.replace(/:\d+$/, '');
}

/** Self time per node id: each sample's time delta belongs to the node on top of that sample. */
function selfTimes(profile: CpuProfile): Map<number, number> {
  const self = new Map<number, number>();
  profile.samples.forEach((nodeId, index) => {
    // The delta before sample i+1 is the time spent in sample i (the last one has no successor).
    const deltaUs = profile.timeDeltas[index + 1] ?? 0;
    self.set(nodeId, (self.get(nodeId) ?? 0) + deltaUs / 1000);
  });
  return self;
}

/**
 * Maps a frame's generated position to its line in the source, 0-based. tsx runs each module as
 * one line of generated code, so without its source map every function would be at line 1.
 */
export type SourceLine = (url: string, lineNumber: number, columnNumber: number) => number | undefined;

export function summariseProfile(profile: CpuProfile, sourceLine: SourceLine = () => undefined): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = selfTimes(profile);

  const functions = new Map<string, FunctionTime>();
  const areas = new Map<string, AreaTime>();
  let totalMs = 0;
  let idleMs = 0;
  let garbageCollectionMs = 0;
  for (const [nodeId, ms] of self) {
    const top = byId.get(nodeId)!;
    totalMs += ms;
    if (top.callFrame.functionName === '(idle)') idleMs += ms;
    if (top.callFrame.functionName === '(garbage collector)') garbageCollectionMs += ms;
    // Each function and area on the stack counts once per sample, however deep the recursion.
    const seenFunctions = new Set<string>();
    const seenAreas = new Set<string>();
    for (let id: number | undefined = nodeId; id !== undefined; id = parent.get(id)) {
      const node = byId.get(id)!;
      if (node.callFrame.functionName === '(root)') break;
      const { functionName, url, lineNumber, columnNumber } = node.callFrame;
      const location = frameLocation(url, sourceLine(url, lineNumber, columnNumber ?? 0) ?? lineNumber);
      const key = `${functionName}\u0000${location}`;
      const area = frameArea(node);
      const fn = functions.get(key) ?? { name: functionName || '(anonymous)', location, selfMs: 0, inclusiveMs: 0 };
      const areaTime = areas.get(area) ?? { area, inclusiveMs: 0, selfMs: 0 };
      if (id === nodeId) {
        fn.selfMs += ms;
        areaTime.selfMs += ms;
      }
      if (!seenFunctions.has(key)) fn.inclusiveMs += ms;
      if (!seenAreas.has(area)) areaTime.inclusiveMs += ms;
      seenFunctions.add(key);
      seenAreas.add(area);
      functions.set(key, fn);
      areas.set(area, areaTime);
    }
  }
  return {
    totalMs,
    busyMs: totalMs - idleMs,
    garbageCollectionMs,
    functions: [...functions.values()],
    areas: [...areas.values()].sort((left, right) => right.inclusiveMs - left.inclusiveMs),
  };
}

const runtimeAreas = new Set(['node internals', '(native)']);
const percent = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '–');
const escapeCell = (text: string) => text.replace(/\|/g, '\\|');

/** Markdown tables: areas, then the top `limit` functions by self time and by inclusive time. */
export function profileTables(summary: ProfileSummary, limit = 20): string {
  const { totalMs, busyMs } = summary;
  const functionTable = (title: string, functions: readonly FunctionTime[]) => [
    title,
    '',
    '| function | where | self | inclusive |',
    '|---|---|---|---|',
    ...functions.map((fn) => `| ${escapeCell(fn.name)} | ${escapeCell(fn.location)} | ${percent(fn.selfMs, totalMs)} | ${percent(fn.inclusiveMs, totalMs)} |`),
  ];
  const bySelf = [...summary.functions].sort((left, right) => right.selfMs - left.selfMs).slice(0, limit);
  const byInclusive = [...summary.functions]
    .filter((fn) => !pseudoFrames.has(fn.name))
    .sort((left, right) => right.inclusiveMs - left.inclusiveMs)
    .slice(0, limit);
  return [
    `Sampled ${(totalMs / 1000).toFixed(2)} s of the server's main thread: busy ${percent(busyMs, totalMs)}, garbage collection ${percent(summary.garbageCollectionMs, totalMs)}. Shares are of all sampled time.`,
    '',
    '| area | inclusive (on the stack) | self (on top) |',
    '|---|---|---|',
    // Node's internals and native frames sit under every request, so only their self time says anything.
    ...summary.areas.map(
      (area) =>
        `| ${escapeCell(area.area)} | ${runtimeAreas.has(area.area) ? '–' : percent(area.inclusiveMs, totalMs)} | ${percent(area.selfMs, totalMs)} |`,
    ),
    '',
    ...functionTable(`Top ${limit} functions by self time:`, bySelf),
    '',
    ...functionTable(`Top ${limit} functions by inclusive time:`, byInclusive),
  ].join('\n');
}

/** A node of V8's sampling heap profile (`HeapProfiler.stopSampling`). */
export interface HeapProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number };
  /** Bytes of the sampled allocations made with this node on top of the stack. */
  selfSize: number;
  children?: HeapProfileNode[];
}

export interface AllocationSite {
  name: string;
  location: string;
  bytes: number;
}

/**
 * Bytes allocated per function, from a sampling heap profile that includes the objects garbage
 * collection already freed: what makes the collector work, not what stays alive. Built-ins
 * without a script (Set.add, String.match, iterators) are counted in the function that called them.
 */
export function allocationSites(head: HeapProfileNode, sourceLine: SourceLine = () => undefined): { totalBytes: number; sites: AllocationSite[] } {
  const sites = new Map<string, AllocationSite>();
  let totalBytes = 0;
  const visit = (node: HeapProfileNode, caller: AllocationSite | undefined) => {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    let site = caller;
    if (url !== '' || !caller) {
      const location = frameLocation(url, sourceLine(url, lineNumber, columnNumber ?? 0) ?? lineNumber);
      const key = `${functionName}\u0000${location}`;
      site = sites.get(key) ?? { name: functionName || '(anonymous)', location, bytes: 0 };
      sites.set(key, site);
    }
    site!.bytes += node.selfSize;
    totalBytes += node.selfSize;
    for (const child of node.children ?? []) visit(child, site);
  };
  visit(head, undefined);
  return { totalBytes, sites: [...sites.values()].filter((site) => site.bytes > 0).sort((left, right) => right.bytes - left.bytes) };
}

/** The top `limit` allocation sites as a Markdown table, with bytes per answer turn. */
export function allocationTable(allocations: ReturnType<typeof allocationSites>, turns: number, limit = 15): string {
  const perTurn = (bytes: number) => `${(bytes / Math.max(1, turns) / 1024).toFixed(1)} KB`;
  return [
    `Sampled allocations: ${perTurn(allocations.totalBytes)} per answer turn (${turns} turns). Top ${limit} sites:`,
    '',
    '| function | where | per turn | share |',
    '|---|---|---|---|',
    ...allocations.sites
      .slice(0, limit)
      .map((site) => `| ${escapeCell(site.name)} | ${escapeCell(site.location)} | ${perTurn(site.bytes)} | ${percent(site.bytes, allocations.totalBytes)} |`),
  ].join('\n');
}
