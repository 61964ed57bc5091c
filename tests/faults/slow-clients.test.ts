/**
 * Issue 12, finding 7: a client that sends its request slowly (slowloris) is dropped by the real
 * Node server, with a 408 in the API's JSON shape: headers must arrive within 10 s and the whole
 * request within 30 s, not Node's 60 s and 300 s. Both clients dribble a byte every second, so
 * an idle-socket timeout alone would never fire. The server keeps answering everyone else.
 */
import { connect } from 'node:net';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seededDataDir } from './support/real-app.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

let server: ServerProcess;
let dataDir: string;

beforeAll(async () => {
  dataDir = await seededDataDir('mianba-h-slow-');
  server = await startServerProcess({ dataDir });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Sends `head` at once, then one byte of `drip` per second; resolves when the server hangs up. */
function dribble(head: string, drip: string): Promise<{ afterMs: number; received: string }> {
  return new Promise((settle, fail) => {
    const started = Date.now();
    let received = '';
    let sent = 0;
    const socket = connect(server.port, '127.0.0.1', () => socket.write(head));
    const timer = setInterval(() => {
      if (sent < drip.length && socket.writable) socket.write(drip[sent++]!);
    }, 1_000);
    socket.on('data', (chunk) => (received += chunk.toString('utf8')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      settle({ afterMs: Date.now() - started, received });
    });
    setTimeout(() => {
      clearInterval(timer);
      socket.destroy();
      fail(new Error(`still connected after 45 s; received ${JSON.stringify(received)}`));
    }, 45_000);
  });
}

function expectTimeoutAnswer(received: string): void {
  expect(received).toMatch(/^HTTP\/1\.1 408 /);
  const body = received.slice(received.indexOf('\r\n\r\n') + 4);
  expect(JSON.parse(body)).toEqual({ error: { code: 'request_timeout', message: expect.any(String) } });
}

it('drops a client that trickles its headers after 10 s and one that trickles its body after 30 s', async () => {
  const slowHeaders = dribble('POST /api/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\n', 'X-Slow: ' + 'a'.repeat(60));
  const slowBody = dribble(
    'POST /api/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{',
    ' '.repeat(60),
  );
  // Both are awaited below; this only keeps the second from going unhandled if the first fails.
  slowBody.catch(() => undefined);
  // Meanwhile everyone else is served.
  const health = await fetch(`${server.baseUrl}/api/health`);
  expect(health.status).toBe(200);

  const headers = await slowHeaders;
  expect(headers.afterMs).toBeGreaterThanOrEqual(9_000);
  expect(headers.afterMs).toBeLessThan(13_000);
  expectTimeoutAnswer(headers.received);

  const body = await slowBody;
  expect(body.afterMs).toBeGreaterThanOrEqual(29_000);
  expect(body.afterMs).toBeLessThan(33_000);
  expectTimeoutAnswer(body.received);
}, 60_000);
