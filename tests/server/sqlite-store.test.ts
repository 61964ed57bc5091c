import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultMigrationsDir, SqliteSessionStore } from '../../src/adapters/node/sqlite-store.ts';
import { itBehavesLikeASessionStore, sampleGrade as grade, sampleSession as session, sampleTurn as turn } from '../support/session-store-contract.ts';

describe('SqliteSessionStore', () => {
  let dir: string;
  let file: string;
  let store: SqliteSessionStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mianba-store-'));
    file = join(dir, 'nested', 'mianba.sqlite');
    store = new SqliteSessionStore(file);
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  itBehavesLikeASessionStore(() => store);

  it('group-commits concurrent writes without letting one failure undo another', async () => {
    await Promise.all(['a', 'b', 'c'].map((id) => store.createSession(session(id, 'alice'), [turn(id, 0)])));
    const results = await Promise.all([
      store.appendTurns('a', 0, [turn('a', 1)], { state: { n: 1 }, status: 'active' }),
      store.appendTurns('b', 0, [turn('b', 0, { text: 'collides with seq 0' })], { state: { n: 1 }, status: 'done' }),
      store.appendTurns('c', 7, [turn('c', 1)], { state: { n: 1 }, status: 'active' }),
      store.appendTurns('c', 0, [turn('c', 1), turn('c', 2)], { state: { n: 2 }, status: 'active' }),
    ]);
    expect(results).toEqual([true, false, false, true]);
    expect((await store.listTurns('a')).map((t) => t.seq)).toEqual([0, 1]);
    expect(await store.getSession('b')).toMatchObject({ version: 0, status: 'active' });
    expect((await store.listTurns('b')).map((t) => t.text)).toEqual(['turn 0：说说 Go 的调度器']);
    expect(await store.getSession('c')).toMatchObject({ version: 1, state: { n: 2 } });
    // A duplicate session id is a real error, reported to its caller only.
    await expect(store.createSession(session('a', 'bob'), [])).rejects.toThrow(/UNIQUE|constraint/i);
    expect((await store.getSession('a'))?.ownerId).toBe('alice');
  });

  it('commits queued writes on close and refuses writes afterwards', async () => {
    const pending = store.createSession(session('late', 'alice'), [turn('late', 0)]);
    await store.close();
    await pending;
    await expect(store.putCard({ ownerId: 'a', questionId: 'q', topics: [], due: 'x', card: {} })).rejects.toThrow(/closed/);
    store = new SqliteSessionStore(file);
    expect((await store.listTurns('late')).map((t) => t.seq)).toEqual([0]);
  });

  it('keeps everything across close and reopen, in WAL mode, with a clean integrity check', async () => {
    await store.createSession(session('s1', 'alice'), [turn('s1', 0)]);
    await store.appendTurns('s1', 0, [turn('s1', 1, { grade }), turn('s1', 2)], { state: { cursor: 2 }, status: 'active' });
    await store.close();

    store = new SqliteSessionStore(file);
    expect((await store.getSession('s1'))?.state).toEqual({ cursor: 2 });
    expect((await store.listTurns('s1')).map((t) => t.seq)).toEqual([0, 1, 2]);
    expect(store.integrityCheck()).toBe('ok');
    // Reopening must not re-apply migrations (that would fail or duplicate rows).
    await store.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    const migrations = readdirSync(defaultMigrationsDir).filter((name) => name.endsWith('.sql')).sort();
    expect(migrations[0]).toBe('0001_init.sql');
    expect(raw.prepare('SELECT name FROM schema_migrations ORDER BY name').all()).toEqual(migrations.map((name) => ({ name })));
    raw.close();
    store = new SqliteSessionStore(file);
  });

  it('commits with synchronous=FULL so acknowledged turns are on disk', () => {
    // The pragma is per connection, so it is read back through the store's own connection.
    expect(store['db'].pragma('synchronous', { simple: true })).toBe(2);
  });
});
