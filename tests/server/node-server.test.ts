/**
 * `npm start` as a real process: serves the API and the web app on PORT over real sockets,
 * streams SSE through @hono/node-server, and on SIGTERM finishes and closes the database cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/server-process.ts';
import { parseSse } from './app-harness.ts';

const repositoryRoot = join(import.meta.dirname, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'mianba-node-server-'));
let child: ChildProcess;
let output = '';
let baseUrl = '';
let exit: Promise<number | null>;

beforeAll(async () => {
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  // Only what the entry reads: offline, temp data, this port.
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', PORT: String(port), MIANBA_DATA_DIR: dataDir };
  child = spawn(process.execPath, [join(repositoryRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src/entries/node-server.ts'], {
    cwd: repositoryRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  exit = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 110_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      // Not listening yet: the first start builds the index (and the web app if missing).
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
  throw new Error(`server did not start:\n${output}`);
});

afterAll(async () => {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('node server entry', () => {
  it('prints its URL and mode', () => {
    expect(output).toContain(`http://127.0.0.1:${new URL(baseUrl).port}`);
    expect(output).toMatch(/mode: offline/);
  });

  it('serves the web app with a CSP and the API on one port', async () => {
    const page = await fetch(`${baseUrl}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toMatch(/<script[^>]+src="\/assets\//);
    const missing = await fetch(`${baseUrl}/api/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('streams an answer over a real socket, then shuts down cleanly on SIGTERM with the answer on disk', async () => {
    const created = await fetch(`${baseUrl}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'practice', questions: 2 }),
    });
    expect(created.status).toBe(201);
    const cookie = created.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
    const session = (await created.json()) as { id: string };
    const answered = await fetch(`${baseUrl}/api/sessions/${session.id}/answers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', cookie },
      body: JSON.stringify({ answer: '我会先看持久化配置，再看主从复制和哨兵。' }),
    });
    expect(answered.headers.get('content-type')).toContain('text/event-stream');
    const events = parseSse(await answered.text());
    expect(events.at(-1)?.event).toBe('done');

    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(output).toContain('SIGTERM: shutting down');
    const db = new Database(join(dataDir, 'mianba.sqlite'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const answers = db.prepare("SELECT text FROM turns WHERE session_id = ? AND kind = 'answer'").all(session.id);
      expect(answers).toEqual([{ text: '我会先看持久化配置，再看主从复制和哨兵。' }]);
    } finally {
      db.close();
    }
  });
});
