/**
 * The profile tables of `npm run bench -- profile`: self time goes to the frame on top of each
 * sample, inclusive time to every function on its stack once (recursion included), and areas
 * of the code base are told apart by path.
 */
import { describe, expect, it } from 'vitest';
import {
  allocationSites,
  allocationTable,
  frameArea,
  frameLocation,
  profileTables,
  summariseProfile,
  type CpuProfile,
  type CpuProfileNode,
  type HeapProfileNode,
} from '../../scripts/cpu-profile-summary.ts';

const repo = 'file:///work/repo';
const node = (id: number, functionName: string, url: string, children: number[] = [], lineNumber = 0): CpuProfileNode => ({
  id,
  callFrame: { functionName, url, lineNumber, columnNumber: 0 },
  children,
});

// (root) → handle (route) → grade → walk → walk (recursive) ; (root) → (garbage collector), (idle)
const profile: CpuProfile = {
  nodes: [
    node(1, '(root)', '', [2, 6, 7]),
    node(2, 'handle', `${repo}/src/server/routes/sessions.ts`, [3], 9),
    node(3, 'grade', `${repo}/src/grading/grader.ts`, [4], 41),
    node(4, 'walk', `${repo}/src/grading/coverage.ts`, [5], 11),
    node(5, 'walk', `${repo}/src/grading/coverage.ts`, [], 11),
    node(6, '(garbage collector)', ''),
    node(7, '(idle)', ''),
  ],
  startTime: 0,
  endTime: 10_000,
  // Each sample's time is the delta before the next sample: 1 ms per sample, the last one 0.
  samples: [2, 3, 4, 5, 5, 6, 7, 7, 2],
  timeDeltas: [0, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
};

describe('summariseProfile', () => {
  const summary = summariseProfile(profile);
  const fn = (name: string) => summary.functions.find((entry) => entry.name === name)!;

  it('gives self time to the top frame and inclusive time to each function on the stack once', () => {
    expect(summary.totalMs).toBe(8);
    expect(fn('handle')).toMatchObject({ selfMs: 1, inclusiveMs: 5, location: 'src/server/routes/sessions.ts:10' });
    expect(fn('grade')).toMatchObject({ selfMs: 1, inclusiveMs: 4 });
    // Two frames of the same function on one stack: its time counts once, not twice.
    expect(fn('walk')).toMatchObject({ selfMs: 3, inclusiveMs: 3, location: 'src/grading/coverage.ts:12' });
  });

  it('reports idle, busy and garbage-collection time', () => {
    expect(summary.busyMs).toBe(6);
    expect(summary.garbageCollectionMs).toBe(1);
  });

  it('sums areas of the code base, each once per sample', () => {
    const area = (name: string) => summary.areas.find((entry) => entry.area === name);
    expect(area('src/grading')).toMatchObject({ inclusiveMs: 4, selfMs: 4 });
    expect(area('src/server')).toMatchObject({ inclusiveMs: 5, selfMs: 1 });
    expect(area('(idle)')).toMatchObject({ selfMs: 2 });
  });

  it('maps generated positions to source lines when given a source map lookup', () => {
    const mapped = summariseProfile(profile, (url) => (url.endsWith('coverage.ts') ? 84 : undefined));
    expect(mapped.functions.find((entry) => entry.name === 'walk')?.location).toBe('src/grading/coverage.ts:85');
  });

  it('prints the tables with shares of all sampled time', () => {
    const tables = profileTables(summary, 2);
    expect(tables).toContain('busy 75.0%, garbage collection 12.5%');
    expect(tables).toContain('| walk | src/grading/coverage.ts:12 | 37.5% | 37.5% |');
    expect(tables).toContain('| handle | src/server/routes/sessions.ts:10 | 12.5% | 62.5% |');
  });
});

describe('frame locations and areas', () => {
  it('names packages by package, Node by its module and our code by its path', () => {
    expect(frameLocation('file:///x/node_modules/@hono/node-server/dist/index.mjs', 3)).toBe('@hono/node-server');
    expect(frameLocation('node:internal/streams/writable', 3)).toBe('node:internal/streams/writable');
    expect(frameLocation(`${repo}/src/text/glossary.ts`, 3)).toBe('src/text/glossary.ts:4');
    expect(frameArea(node(1, 'x', 'file:///x/node_modules/zod/v4/core.js'))).toBe('zod');
    expect(frameArea(node(1, 'writev', ''))).toBe('(native)');
    expect(frameArea(node(1, 'x', 'node:events'))).toBe('node internals');
  });
});

describe('allocation sites', () => {
  const frame = (functionName: string, path: string, lineNumber: number) => ({ functionName, url: path ? `${repo}/${path}` : '', lineNumber, columnNumber: 0 });
  const heap: HeapProfileNode = {
    callFrame: frame('(root)', '', 0),
    selfSize: 0,
    children: [
      {
        callFrame: frame('grade', 'src/grading/grader.ts', 4),
        selfSize: 1024,
        children: [
          {
            callFrame: frame('viewAnswer', 'src/grading/coverage.ts', 20),
            selfSize: 2048,
            // A built-in has no script: its bytes are its caller's.
            children: [{ callFrame: frame('add', '', 0), selfSize: 1024, children: [] }],
          },
        ],
      },
      // The same function reached by another path adds up.
      { callFrame: frame('viewAnswer', 'src/grading/coverage.ts', 20), selfSize: 1024, children: [] },
    ],
  };

  it('sums the bytes each function allocated (with the built-ins it called), wherever it was called from, largest first', () => {
    const { totalBytes, sites } = allocationSites(heap);
    expect(totalBytes).toBe(5120);
    expect(sites).toEqual([
      { name: 'viewAnswer', location: 'src/grading/coverage.ts:21', bytes: 4096 },
      { name: 'grade', location: 'src/grading/grader.ts:5', bytes: 1024 },
    ]);
  });

  it('prints bytes per answer turn', () => {
    const table = allocationTable(allocationSites(heap), 2);
    expect(table).toContain('2.5 KB per answer turn (2 turns)');
    expect(table).toContain('| viewAnswer | src/grading/coverage.ts:21 | 2.0 KB | 80.0% |');
  });
});
