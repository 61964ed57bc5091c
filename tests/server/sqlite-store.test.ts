import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteSessionStore } from '../../src/adapters/node/sqlite-store.ts';
import type { Grade, SessionRecord, Turn } from '../../src/core/types.ts';

const grade: Grade = {
  score: 6.5,
  band: 'good',
  keyPoints: [{ text: 'GMP 调度', covered: 'partial', evidence: '提到了 P' }],
  strengths: ['结构清晰'],
  gaps: ['没有提到 work stealing'],
  feedback: '回答覆盖了主要概念。',
  references: [{ source: 'go-basics-qa.md', heading: 'Go > GMP', text: 'G、M、P 三者……' }],
  grader: 'offline',
  fallback: false,
};

function session(id: string, ownerId: string, createdAt = '2025-01-01T00:00:00.000Z'): SessionRecord {
  return {
    id,
    ownerId,
    mode: 'practice',
    topics: ['go', 'redis'],
    status: 'active',
    version: 0,
    state: { cursor: 0, plan: ['q1', 'q2'] },
    createdAt,
    updatedAt: createdAt,
  };
}

function turn(sessionId: string, seq: number, extra: Partial<Turn> = {}): Turn {
  return {
    sessionId,
    seq,
    role: seq % 2 === 0 ? 'interviewer' : 'candidate',
    kind: seq % 2 === 0 ? 'question' : 'answer',
    text: `turn ${seq}：说说 Go 的调度器`,
    createdAt: '2025-01-01T00:00:01.000Z',
    ...extra,
  };
}

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

  it('round-trips a session with its opening turns, state and grades', async () => {
    await store.createSession(session('s1', 'alice'), [turn('s1', 0, { questionId: 'q1' })]);
    const ok = await store.appendTurns('s1', 0, [turn('s1', 1, { questionId: 'q1', grade })], {
      state: { cursor: 1, plan: ['q1', 'q2'] },
      status: 'active',
    });
    expect(ok).toBe(true);
    const stored = await store.getSession('s1');
    expect(stored).toMatchObject({ id: 's1', ownerId: 'alice', topics: ['go', 'redis'], version: 1, state: { cursor: 1 } });
    const turns = await store.listTurns('s1');
    expect(turns.map((t) => t.seq)).toEqual([0, 1]);
    expect(turns[0]).not.toHaveProperty('grade');
    expect(turns[0]?.questionId).toBe('q1');
    expect(turns[1]?.grade).toEqual(grade);
    expect(await store.getSession('missing')).toBeNull();
  });

  it('refuses a stale version and writes nothing, so only one of two racing writers wins', async () => {
    await store.createSession(session('s1', 'alice'), [turn('s1', 0)]);
    const results = await Promise.all([
      store.appendTurns('s1', 0, [turn('s1', 1, { text: 'first' })], { state: { by: 'first' }, status: 'active' }),
      store.appendTurns('s1', 0, [turn('s1', 1, { text: 'second' })], { state: { by: 'second' }, status: 'active' }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const turns = await store.listTurns('s1');
    expect(turns).toHaveLength(2);
    expect((await store.getSession('s1'))?.version).toBe(1);
  });

  it('rolls back the version bump when a turn collides on (session_id, seq)', async () => {
    await store.createSession(session('s1', 'alice'), [turn('s1', 0)]);
    const ok = await store.appendTurns('s1', 0, [turn('s1', 0, { text: 'duplicate seq' })], { state: {}, status: 'done' });
    expect(ok).toBe(false);
    const stored = await store.getSession('s1');
    expect(stored?.version).toBe(0);
    expect(stored?.status).toBe('active');
    expect((await store.listTurns('s1')).map((t) => t.text)).toEqual(['turn 0：说说 Go 的调度器']);
  });

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

  it('lists only the owner’s sessions, newest first', async () => {
    await store.createSession(session('old', 'alice', '2025-01-01T00:00:00.000Z'), []);
    await store.createSession(session('new', 'alice', '2025-02-01T00:00:00.000Z'), []);
    await store.createSession(session('other', 'bob'), []);
    expect((await store.listSessions('alice')).map((s) => s.id)).toEqual(['new', 'old']);
    expect((await store.listSessions('bob')).map((s) => s.id)).toEqual(['other']);
    expect(await store.listSessions('nobody')).toEqual([]);
  });

  it('upserts FSRS cards per owner and filters by topic', async () => {
    await store.putCard({ ownerId: 'alice', questionId: 'q1', topics: ['go'], due: '2025-01-02T00:00:00.000Z', card: { reps: 1 } });
    await store.putCard({ ownerId: 'alice', questionId: 'q2', topics: ['redis', 'mysql'], due: '2025-01-01T00:00:00.000Z', card: { reps: 1 } });
    await store.putCard({ ownerId: 'alice', questionId: 'q1', topics: ['go'], due: '2025-01-05T00:00:00.000Z', card: { reps: 2 } });
    await store.putCard({ ownerId: 'bob', questionId: 'q1', topics: ['go'], due: '2025-01-01T00:00:00.000Z', card: { reps: 9 } });
    const all = await store.getCards('alice');
    expect(all.map((c) => [c.questionId, c.due])).toEqual([
      ['q2', '2025-01-01T00:00:00.000Z'],
      ['q1', '2025-01-05T00:00:00.000Z'],
    ]);
    expect(all[1]?.card).toEqual({ reps: 2 });
    expect((await store.getCards('alice', 'mysql')).map((c) => c.questionId)).toEqual(['q2']);
    expect(await store.getCards('alice', 'os')).toEqual([]);
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
    expect(raw.prepare('SELECT name FROM schema_migrations').all()).toEqual([{ name: '0001_init.sql' }]);
    raw.close();
    store = new SqliteSessionStore(file);
  });

  it('commits with synchronous=FULL so acknowledged turns are on disk', () => {
    // The pragma is per connection, so it is read back through the store's own connection.
    expect(store['db'].pragma('synchronous', { simple: true })).toBe(2);
  });
});
