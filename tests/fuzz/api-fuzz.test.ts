/**
 * Property-based fuzzing of the whole HTTP surface: 10,000 hostile requests (in process, plus a
 * slice over real sockets and a few malformed raw HTTP requests). Properties: no 5xx ever; every
 * 4xx is `{error:{code,message}}`; successful JSON parses; nothing outside web/dist is served; the
 * server stays alive and its heap stays bounded.
 */
import { connect } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureWebBuilt } from '../e2e/harness.ts';
import { ApiClient, inProcess, isErrorBody, overHttp, type Fetcher } from '../faults/support/client.ts';
import { rmSync } from 'node:fs';
import { startNodeServer } from '../../src/entries/node-server.ts';
import { makeRealApp, removeRealAppTempDirs, seededDataDir, type RealApp } from '../faults/support/real-app.ts';
import { startSession } from '../faults/support/session-driver.ts';
import { describeRequest, fuzzRequest, type FuzzRequest, type FuzzTargets } from './support/api-arbitraries.ts';

const inProcessRuns = 9_000;
const httpRuns = 1_000;
const seed = 4_242;
/** Heap growth allowed across the whole run, after a full GC, in MB. */
const heapGrowthBoundMb = 64;

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

let real: RealApp;
let targets: FuzzTargets;

async function createTargets(fetcher: Fetcher): Promise<FuzzTargets> {
  const owner = new ApiClient(fetcher);
  const other = new ApiClient(fetcher);
  const owned: string[] = [];
  for (const mode of ['practice', 'interview', 'drill', 'practice'] as const) {
    owned.push((await startSession(owner, { mode, questions: 30 })).id);
  }
  const foreign = await startSession(other, { mode: 'practice', questions: 3 });
  const created = {
    ownedSessionIds: owned,
    otherOwnerSessionId: foreign.id,
    ownerCookie: owner.cookies.get('mianba_owner') ?? '',
    otherOwnerCookie: other.cookies.get('mianba_owner') ?? '',
  };
  expect(created.ownerCookie).not.toBe('');
  return created;
}
const tally = { requests: 0, fiveXx: 0, byStatus: new Map<number, number>(), slowestMs: 0, slowest: '' };

beforeAll(async () => {
  ensureWebBuilt();
  real = await makeRealApp({ web: true });
  targets = await createTargets(inProcess(real.app));
}, 180_000);

afterAll(() => {
  real.close();
  removeRealAppTempDirs();
  console.log(
    `[api-fuzz] ${tally.requests} requests, ${tally.fiveXx} 5xx; statuses ${JSON.stringify(Object.fromEntries([...tally.byStatus].sort((a, b) => a[0] - b[0])))}; ` +
      `slowest ${tally.slowestMs.toFixed(0)} ms: ${tally.slowest}`,
  );
});

/** What is wrong with one response, or null. */
async function problemWith(request: FuzzRequest, response: Response, ms: number): Promise<string | null> {
  tally.requests += 1;
  tally.byStatus.set(response.status, (tally.byStatus.get(response.status) ?? 0) + 1);
  if (ms > tally.slowestMs) {
    tally.slowestMs = ms;
    tally.slowest = describeRequest(request).slice(0, 200);
  }
  const text = await response.text();
  if (response.status >= 500) {
    tally.fiveXx += 1;
    return `${response.status}: ${text.slice(0, 300)}`;
  }
  if (/root:x:0:0|"name":\s*"mianba"|BEGIN (?:RSA|OPENSSH) PRIVATE KEY/.test(text)) return 'served a file from outside web/dist';
  if (request.method === 'HEAD') return null;
  if (response.status >= 400) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return `${response.status} without a JSON body: ${text.slice(0, 200)}`;
    }
    return isErrorBody(body) ? null : `${response.status} body is not {error:{code,message}}: ${text.slice(0, 200)}`;
  }
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('application/json')) {
    try {
      JSON.parse(text);
    } catch {
      return `${response.status} JSON that does not parse: ${text.slice(0, 200)}`;
    }
  }
  if (type.includes('text/event-stream') && !/^event: (done|error)$/m.test(text)) return 'event stream without a done or error event';
  return null;
}

function requestInit(request: FuzzRequest): RequestInit {
  const init: RequestInit = { method: request.method, headers: request.headers };
  if (request.body !== undefined) init.body = typeof request.body === 'string' ? request.body : Buffer.from(request.body);
  return init;
}

function heapUsedMb(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

describe('API fuzzing', () => {
  it(`in process: ${inProcessRuns} requests, no 5xx, 4xx always carry the error JSON, heap bounded`, async () => {
    // Warm caches (tokenizer, prepared statements) before the baseline, so growth means a leak.
    for (let index = 0; index < 200; index += 1) await real.app.request('/api/search?q=redis');
    const before = heapUsedMb();
    await fc.assert(
      fc.asyncProperty(fuzzRequest(targets), async (request) => {
        const started = performance.now();
        const response = await real.app.request(request.path, requestInit(request));
        const problem = await problemWith(request, response, performance.now() - started);
        if (problem) throw new Error(`${problem}\n  request: ${describeRequest(request)}`);
      }),
      { numRuns: inProcessRuns, seed, endOnFailure: true },
    );
    expect(real.logged, 'no fuzzed request is handled as a server fault').toEqual([]);
    const growth = heapUsedMb() - before;
    console.log(`[api-fuzz] heap growth over ${inProcessRuns} in-process requests: ${growth.toFixed(1)} MB (bound ${heapGrowthBoundMb} MB)`);
    expect(growth).toBeLessThan(heapGrowthBoundMb);
    expect((await real.app.request('/api/health')).status).toBe(200);
  }, 150_000);

  it(`over real sockets to the Node entry: ${httpRuns} requests, plus malformed raw HTTP, and the server stays up`, async () => {
    const dataDir = await seededDataDir('mianba-h-fuzz-');
    const server = await startNodeServer({
      env: { MIANBA_DATA_DIR: dataDir, MIANBA_RATE_LIMIT_PER_MINUTE: '1000000' },
      hostname: '127.0.0.1',
      port: 0,
      log: () => undefined,
    });
    const baseUrl = `http://127.0.0.1:${server.port}`;
    try {
      const httpTargets = await createTargets(overHttp(baseUrl));
      // Methods Node's HTTP parser does not know are answered by the entry's clientError handler.
      let previous = '';
      await fc.assert(
        fc.asyncProperty(fuzzRequest(httpTargets), async (request) => {
          const started = performance.now();
          let response: Response;
          try {
            response = await fetch(`${baseUrl}${request.path}`, { ...requestInit(request), signal: AbortSignal.timeout(20_000) });
          } catch (error) {
            throw new Error(`request failed: ${String(error)} (${String((error as Error).cause)})\n  request: ${describeRequest(request)}\n  previous: ${previous}`);
          }
          previous = `${describeRequest(request).slice(0, 400)} -> ${response.status} connection=${response.headers.get('connection')} len=${request.body?.length}\n  ${previous.slice(0, 1500)}`;
          const problem = await problemWith(request, response, performance.now() - started);
          if (problem) throw new Error(`${problem}\n  request: ${describeRequest(request)}`);
        }),
        { numRuns: httpRuns, seed: seed + 1, endOnFailure: true },
      );

      const port = server.port;
      // The Node entry logs server faults to stderr; a client's broken request must not be one.
      const serverFaults = vi.spyOn(console, 'error');
      const rawRequests = [
        'GARBAGE\r\n\r\n',
        'PC /api/sessions HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n31',
        'GET / HTTP/9.9\r\n\r\n',
        'GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n',
        'POST /api/grade HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
        'POST /api/grade HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nabc\r\n0\r\n\r\n',
        `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
        `GET /api/${'%ff'.repeat(3_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
        'GET /api/health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n',
        'POST /api/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n{',
        'GET /api/health HTTP/1.1\r\nHost: x\r\n\u0000\u0001: \u0002\r\n\r\n',
        'POST /api/sessions/abcdefghijklmnopqrstuv/answers HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n{"answer":"\xff\xfe"}',
      ];
      for (const raw of rawRequests) {
        const reply = await new Promise<string>((resolveReply) => {
          const socket = connect(Number(port), '127.0.0.1');
          let received = '';
          const done = () => {
            socket.destroy();
            resolveReply(received);
          };
          socket.setTimeout(3_000, done);
          socket.on('data', (chunk) => {
            received += chunk.toString('latin1');
          });
          socket.on('end', done);
          socket.on('error', done);
          socket.write(Buffer.from(raw, 'latin1'));
        });
        tally.requests += 1;
        const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(reply)?.[1] ?? 0);
        if (status >= 500) tally.fiveXx += 1;
        const where = `raw request ${JSON.stringify(raw.slice(0, 60))} answered ${reply.slice(0, 120)}`;
        expect(status, where).toBeGreaterThanOrEqual(200);
        expect(status, where).toBeLessThan(500);
        if (status >= 400) {
          // Even what the HTTP parser rejects before the app gets the API's error JSON.
          const body = reply.slice(reply.indexOf('\r\n\r\n') + 4);
          let parsed: unknown;
          try {
            parsed = JSON.parse(body);
          } catch {
            parsed = undefined;
          }
          expect(isErrorBody(parsed), where).toBe(true);
        }
      }
      const health = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      expect(health.status).toBe(200);
      expect(serverFaults.mock.calls.map((call) => String(call[0]))).toEqual([]);
      serverFaults.mockRestore();
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    expect(tally.requests).toBeGreaterThanOrEqual(inProcessRuns + httpRuns);
    expect(tally.fiveXx).toBe(0);
  }, 150_000);
});
