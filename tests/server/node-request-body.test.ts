/**
 * The Node entry reads JSON bodies straight from Node's request stream (src/adapters/node/
 * request-body.ts) instead of through a web Request. Over real sockets, it must read what
 * `Request.text()` read: every chunk, a BOM dropped, malformed UTF-8 replaced; chunked bodies
 * still counted against the limit; a client hanging up mid-body costs nothing.
 */
import { connect } from 'node:net';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeServer, type RunningServer } from '../../src/entries/node-server.ts';
import { seededDataDir } from '../faults/support/real-app.ts';

let server: RunningServer;
let dataDir: string;
let cookie = '';

/** One raw HTTP/1.1 exchange: `parts` are written with a pause between them; resolves with everything received. */
function rawExchange(parts: (string | Buffer)[], pauseMs = 30): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8');
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
    socket.on('connect', async () => {
      for (const part of parts) {
        socket.write(part);
        await new Promise((wait) => setTimeout(wait, pauseMs));
      }
    });
  });
}

function head(path: string, headers: Record<string, string | number>): string {
  const lines = Object.entries({ Host: '127.0.0.1', Connection: 'close', 'Content-Type': 'application/json', Cookie: cookie, ...headers }).map(([name, value]) => `${name}: ${value}`);
  return `POST ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

const statusOf = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);
const jsonOf = (response: string) => JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>;
const chunk = (bytes: Buffer) => Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n')]);

async function newSession(): Promise<string> {
  const created = await fetch(`${server.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ mode: 'practice', questions: 3 }),
  });
  expect(created.status).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

async function answersOf(sessionId: string): Promise<string[]> {
  const transcript = (await (await fetch(`${server.url}/api/sessions/${sessionId}`, { headers: { cookie } })).json()) as {
    turns: { role: string; kind: string; text: string }[];
  };
  return transcript.turns.filter((turn) => turn.role === 'candidate').map((turn) => turn.text);
}

beforeAll(async () => {
  dataDir = await seededDataDir('mianba-h-body-');
  server = await startNodeServer({ env: { MIANBA_DATA_DIR: dataDir }, hostname: '127.0.0.1', port: 0, serveWeb: false, log: () => undefined });
  const first = await fetch(`${server.url}/api/health`);
  cookie = first.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('JSON bodies read from the Node stream', () => {
  it('reads a body that arrives in several pieces, byte for byte, and drops a leading BOM', async () => {
    const id = await newSession();
    const answer = `TCP 三次握手：SYN，SYN+ACK，ACK。${'缓冲区'.repeat(2_000)}"引号"\\反斜杠\n换行`;
    const body = Buffer.from(`\uFEFF${JSON.stringify({ answer })}`);
    // Split inside a multi-byte character, so decoding per chunk would corrupt it.
    const cut = [1_001, 9_002, 17_003];
    const pieces = [0, ...cut].map((start, index) => body.subarray(start, cut[index] ?? body.length));
    const response = await rawExchange([head(`/api/sessions/${id}/answers`, { 'Content-Length': body.length }), ...pieces]);
    expect(statusOf(response)).toBe(200);
    expect(await answersOf(id)).toEqual([answer]);
  });

  it('replaces malformed UTF-8 the way Request.text() does', async () => {
    const id = await newSession();
    const body = Buffer.concat([Buffer.from('{"answer":"Redis 持久化有 RDB 和 AOF '), Buffer.from([0xff, 0xfe]), Buffer.from('两种"}')]);
    const response = await rawExchange([head(`/api/sessions/${id}/answers`, { 'Content-Length': body.length }), body]);
    expect(statusOf(response)).toBe(200);
    expect(await answersOf(id)).toEqual([new TextDecoder().decode(body.subarray(11, -2))]);
  });

  it('reads a chunked body, and refuses one that runs over the limit as it streams (413, Connection: close)', async () => {
    const id = await newSession();
    const small = Buffer.from(JSON.stringify({ answer: 'channel 底层是 hchan，有环形缓冲区和 sendq、recvq。' }));
    const accepted = await rawExchange([head(`/api/sessions/${id}/answers`, { 'Transfer-Encoding': 'chunked' }), chunk(small.subarray(0, 20)), chunk(small.subarray(20)), '0\r\n\r\n']);
    expect(statusOf(accepted)).toBe(200);

    const huge = Buffer.from(JSON.stringify({ answer: 'x'.repeat(200_000) }));
    const refused = await rawExchange([head(`/api/sessions/${id}/answers`, { 'Transfer-Encoding': 'chunked' }), chunk(huge.subarray(0, 100_000)), chunk(huge.subarray(100_000)), '0\r\n\r\n']);
    expect(statusOf(refused)).toBe(413);
    expect(refused).toMatch(/\r\nconnection: close\r\n/i);
    expect(jsonOf(refused)).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(await answersOf(id)).toHaveLength(1);
  });

  it('refuses a declared length over the limit before reading it (413, Connection: close)', async () => {
    const id = await newSession();
    const refused = await rawExchange([head(`/api/sessions/${id}/answers`, { 'Content-Length': 500_000 }), '{"answer":"']);
    expect(statusOf(refused)).toBe(413);
    expect(refused).toMatch(/\r\nconnection: close\r\n/i);
    expect(await answersOf(id)).toEqual([]);
  });

  it('stores nothing when the client hangs up mid-body, and keeps serving', async () => {
    const id = await newSession();
    const body = Buffer.from(JSON.stringify({ answer: 'GMP 模型里 G 是 goroutine，M 是系统线程，P 是逻辑处理器。' }));
    await new Promise<void>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write(head(`/api/sessions/${id}/answers`, { 'Content-Length': body.length }));
        socket.write(body.subarray(0, 25));
        setTimeout(() => socket.destroy(), 100);
      });
      socket.on('error', reject);
      socket.on('close', () => resolve());
    });
    const next = await fetch(`${server.url}/api/sessions/${id}/answers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: body,
    });
    expect(next.status).toBe(200);
    expect(await answersOf(id)).toEqual([JSON.parse(body.toString('utf8')).answer]);
  });
});
