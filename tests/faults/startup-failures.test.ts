/**
 * Issue 12, finding 5: the real `npm start` entry, spawned on 127.0.0.1 over a broken data folder
 * or a taken port, exits with code 1 after one line that names the cause and the fix, and no
 * stack trace. A database with overwritten pages is caught by PRAGMA quick_check at startup
 * instead of being served behind a healthy /api/health.
 */
import { spawn } from 'node:child_process';
import { chmodSync, chownSync, closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, truncateSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteSessionStore } from '../../src/adapters/node/sqlite-store.ts';
import { seededDataDir } from './support/real-app.ts';
import { cleanEnv, freePort } from '../support/server-process.ts';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mianba-h-startup-'));
  dirs.push(dir);
  return dir;
}

/** Runs the Node entry until it exits (it must, within the timeout) and returns what it printed. */
/** Adds search permission for others to every ancestor of `folder` lacking it; returns the old modes. */
function letOthersTraverse(folder: string): Array<[string, number]> {
  const changed: Array<[string, number]> = [];
  for (let current = folder; current !== dirname(current); current = dirname(current)) {
    const mode = statSync(current).mode & 0o7777;
    if ((mode & 0o001) === 0) {
      chmodSync(current, mode | 0o001);
      changed.push([current, mode]);
    }
  }
  return changed;
}

async function startExpectingExit(dataDir: string, options: { port?: number; uid?: number } = {}): Promise<{ code: number | null; output: string }> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'src', 'entries', 'node-server.ts')], {
    cwd: repoRoot,
    env: cleanEnv({ PORT: String(port), HOST: '127.0.0.1', MIANBA_DATA_DIR: dataDir }),
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await new Promise<number | null>((exited) => child.once('exit', (exitCode) => exited(exitCode)));
  clearTimeout(killer);
  return { code, output };
}

/** Exit 1, no stack trace, and a last line `MianBa cannot start [code]: <cause>. Fix: <fix>.` */
function expectOneLineFailure(result: { code: number | null; output: string }, cause: RegExp): void {
  expect(result.code, result.output).toBe(1);
  expect(result.output, 'no stack trace').not.toMatch(/\n\s+at [\w.<]/);
  const lines = result.output.trim().split('\n');
  const last = lines.at(-1) ?? '';
  expect(last).toMatch(/^MianBa cannot start \[[a-z_A-Z]+\]: .+\. Fix: .+\.$/);
  expect(last).toMatch(cause);
  expect(lines.filter((line) => line.startsWith('MianBa cannot start'))).toHaveLength(1);
}

/** A database written by the real store, with enough sessions to span many pages. */
async function populatedDatabase(dataDir: string): Promise<string> {
  const file = join(dataDir, 'mianba.sqlite');
  await new SqliteSessionStore(file).close();
  const db = new Database(file);
  const insert = db.prepare(
    "INSERT INTO sessions (id, owner_id, mode, topics, status, version, state, created_at, updated_at) VALUES (?, 'owner', 'practice', '[]', 'active', 0, ?, 'now', 'now')",
  );
  db.transaction(() => {
    for (let index = 0; index < 400; index += 1) insert.run(`session-${index}`, JSON.stringify({ filler: 'x'.repeat(600 + index) }));
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return file;
}

function overwrite(file: string, offset: number, bytes: Buffer): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, bytes, 0, bytes.length, offset);
  closeSync(fd);
}

describe('npm start refuses broken storage and taken ports in one clear line', () => {
  it('a database whose header is damaged', async () => {
    const dataDir = tempDir();
    const file = await populatedDatabase(dataDir);
    overwrite(file, 0, Buffer.from('this is no longer a SQLite file header'));
    expectOneLineFailure(await startExpectingExit(dataDir), /mianba\.sqlite is not a SQLite database.*Fix: stop MianBa, move .*aside/);
  });

  it('a truncated database', async () => {
    const dataDir = tempDir();
    const file = await populatedDatabase(dataDir);
    truncateSync(file, Math.floor(statSync(file).size / 3));
    expectOneLineFailure(await startExpectingExit(dataDir), /mianba\.sqlite is corrupt.*Fix: stop MianBa, move .*aside/);
  });

  it('a database with pages overwritten, which opened and looked healthy before', async () => {
    const dataDir = tempDir();
    const file = await populatedDatabase(dataDir);
    const pageSize = 4096;
    overwrite(file, pageSize * 4, Buffer.alloc(pageSize * 3, 0x5a));
    expectOneLineFailure(await startExpectingExit(dataDir), /mianba\.sqlite is corrupt \(SQLite quick_check: .+\).*Fix: /);
  });

  it('a database path that is a folder', async () => {
    const dataDir = tempDir();
    mkdirSync(join(dataDir, 'mianba.sqlite'));
    expectOneLineFailure(await startExpectingExit(dataDir), /mianba\.sqlite is a folder, not a file.*Fix: remove or rename that folder/);
  });

  it('a read-only data folder', async () => {
    const dataDir = await seededDataDir('mianba-h-readonly-');
    dirs.push(dataDir);
    // root ignores permission bits, so the server runs as nobody when the tests run as root.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chownSync(dataDir, 0, 0);
    chmodSync(dataDir, 0o555);
    // nobody must reach the repository to load the server: a clone inside a 0700 folder (mktemp -d)
    // gets search permission on its ancestors for the length of this test, then its modes back.
    const opened = asRoot ? letOthersTraverse(repoRoot) : [];
    try {
      const result = await startExpectingExit(dataDir, asRoot ? { uid: 65534 } : {});
      expectOneLineFailure(result, /cannot be opened for writing.*Fix: make .* writable by the user running MianBa.*or set MIANBA_DATA_DIR/);
    } finally {
      chmodSync(dataDir, 0o755);
      for (const [folder, mode] of opened) chmodSync(folder, mode);
    }
  });

  it('a port another process is listening on', async () => {
    const port = await freePort();
    const squatter = createServer();
    await new Promise<void>((listening) => squatter.listen(port, '127.0.0.1', listening));
    try {
      const dataDir = await seededDataDir('mianba-h-port-');
      dirs.push(dataDir);
      expectOneLineFailure(await startExpectingExit(dataDir, { port }), new RegExp(`port ${port} is already in use on 127\\.0\\.0\\.1\\. Fix: stop the other server, or set PORT to a free port`));
    } finally {
      await new Promise((closed) => squatter.close(closed));
    }
  });
});
