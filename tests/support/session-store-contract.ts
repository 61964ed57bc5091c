/**
 * The behaviour every SessionStore must show, registered as `it` cases inside the caller's
 * `describe`, so the SQLite and the D1 store are held to the same cases. Ids and owners differ
 * between cases, so a store whose database lives for the whole file (D1) needs no reset.
 */
import { expect, it } from 'vitest';
import type { Grade, SessionRecord, SessionStore, Turn } from '../../src/core/types.ts';

export const sampleGrade: Grade = {
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

export function sampleSession(id: string, ownerId: string, createdAt = '2025-01-01T00:00:00.000Z'): SessionRecord {
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

export function sampleTurn(sessionId: string, seq: number, extra: Partial<Turn> = {}): Turn {
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

/** `currentStore` is read inside each case, after the caller's before-hooks have made the store. */
export function itBehavesLikeASessionStore(currentStore: () => SessionStore): void {
  it('round-trips a session with its opening turns, state and grades', async () => {
    const store = currentStore();
    await store.createSession(sampleSession('s1', 'alice'), [sampleTurn('s1', 0, { questionId: 'q1' })]);
    const ok = await store.appendTurns('s1', 0, [sampleTurn('s1', 1, { questionId: 'q1', grade: sampleGrade })], {
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
    expect(turns[1]?.grade).toEqual(sampleGrade);
    expect(await store.getSession('missing')).toBeNull();
  });

  it('keeps a spoken answer’s mark and speech figures, and none on a typed one', async () => {
    const store = currentStore();
    const speech = { engine: 'browser' as const, speakingMs: 8_250, fillers: { 嗯: 2, 就是: 1 } };
    await store.createSession(sampleSession('spoken', 'sam'), [sampleTurn('spoken', 0)]);
    const ok = await store.appendTurns('spoken', 0, [sampleTurn('spoken', 1, { spoken: true, speech }), sampleTurn('spoken', 2), sampleTurn('spoken', 3)], {
      state: {},
      status: 'active',
    });
    expect(ok).toBe(true);
    const turns = await store.listTurns('spoken');
    expect(turns[1]).toMatchObject({ spoken: true, speech });
    expect(turns[3]).not.toHaveProperty('spoken');
    expect(turns[3]).not.toHaveProperty('speech');
  });

  it('refuses a stale version and writes nothing, so only one of two racing writers wins', async () => {
    const store = currentStore();
    await store.createSession(sampleSession('race', 'alice'), [sampleTurn('race', 0)]);
    const results = await Promise.all([
      store.appendTurns('race', 0, [sampleTurn('race', 1, { text: 'first' }), sampleTurn('race', 2)], { state: { by: 'first' }, status: 'active' }),
      store.appendTurns('race', 0, [sampleTurn('race', 1, { text: 'second' }), sampleTurn('race', 2)], { state: { by: 'second' }, status: 'active' }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results[0] ? 'first' : 'second';
    const turns = await store.listTurns('race');
    expect(turns.map((t) => t.seq)).toEqual([0, 1, 2]);
    expect(turns[1]?.text).toBe(winner);
    const stored = await store.getSession('race');
    expect(stored?.version).toBe(1);
    expect(stored?.state).toEqual({ by: winner });

    // A writer that read the old version later still loses and leaves no trace.
    expect(await store.appendTurns('race', 0, [sampleTurn('race', 3)], { state: { by: 'late' }, status: 'done' })).toBe(false);
    expect((await store.listTurns('race')).map((t) => t.seq)).toEqual([0, 1, 2]);
    expect(await store.getSession('race')).toMatchObject({ version: 1, status: 'active' });
  });

  it('rolls back the version bump when a turn collides on (session_id, seq)', async () => {
    const store = currentStore();
    await store.createSession(sampleSession('dup', 'alice'), [sampleTurn('dup', 0)]);
    const ok = await store.appendTurns('dup', 0, [sampleTurn('dup', 0, { text: 'duplicate seq' })], { state: {}, status: 'done' });
    expect(ok).toBe(false);
    const stored = await store.getSession('dup');
    expect(stored?.version).toBe(0);
    expect(stored?.status).toBe('active');
    expect((await store.listTurns('dup')).map((t) => t.text)).toEqual(['turn 0：说说 Go 的调度器']);
  });

  it('answers false for a session that does not exist', async () => {
    expect(await currentStore().appendTurns('ghost', 0, [], { state: {}, status: 'done' })).toBe(false);
  });

  it('lists only the owner’s sessions, newest first', async () => {
    const store = currentStore();
    await store.createSession(sampleSession('old', 'carol', '2025-01-01T00:00:00.000Z'), []);
    await store.createSession(sampleSession('new', 'carol', '2025-02-01T00:00:00.000Z'), []);
    await store.createSession(sampleSession('other', 'dave'), []);
    expect((await store.listSessions('carol')).map((s) => s.id)).toEqual(['new', 'old']);
    expect((await store.listSessions('dave')).map((s) => s.id)).toEqual(['other']);
    expect(await store.listSessions('nobody')).toEqual([]);
  });

  it('upserts FSRS cards per owner and filters by topic', async () => {
    const store = currentStore();
    await store.putCard({ ownerId: 'erin', questionId: 'q1', topics: ['go'], due: '2025-01-02T00:00:00.000Z', card: { reps: 1 } });
    await store.putCard({ ownerId: 'erin', questionId: 'q2', topics: ['redis', 'mysql'], due: '2025-01-01T00:00:00.000Z', card: { reps: 1 } });
    await store.putCard({ ownerId: 'erin', questionId: 'q1', topics: ['go'], due: '2025-01-05T00:00:00.000Z', card: { reps: 2 } });
    await store.putCard({ ownerId: 'frank', questionId: 'q1', topics: ['go'], due: '2025-01-01T00:00:00.000Z', card: { reps: 9 } });
    const all = await store.getCards('erin');
    expect(all.map((c) => [c.questionId, c.due])).toEqual([
      ['q2', '2025-01-01T00:00:00.000Z'],
      ['q1', '2025-01-05T00:00:00.000Z'],
    ]);
    expect(all[1]?.card).toEqual({ reps: 2 });
    expect((await store.getCards('erin', 'mysql')).map((c) => c.questionId)).toEqual(['q2']);
    expect(await store.getCards('erin', 'os')).toEqual([]);
  });

  it('keeps card overlays per owner: upsert replaces, delete removes only the owner’s', async () => {
    const store = currentStore();
    const overlay = (ownerId: string, cardId: string, question: string, updatedAt: string) => ({
      ownerId,
      cardId,
      sourceHash: `hash-${cardId}`,
      overlay: { question, keyPoints: [{ text: '三次握手确认双方收发能力', weight: 0.8 }], topics: ['network' as const] },
      updatedAt,
    });
    await store.putOverlays([overlay('gina', 'c1', '第一版', '2025-01-01T00:00:00.000Z'), overlay('gina', 'c2', '另一题', '2025-01-02T00:00:00.000Z')]);
    await store.putOverlays([overlay('hank', 'c1', '别人的', '2025-01-01T00:00:00.000Z')]);
    await store.putOverlays([overlay('gina', 'c1', '第二版', '2025-01-03T00:00:00.000Z')]);
    const gina = await store.listOverlays('gina');
    expect(gina.map((o) => [o.cardId, o.overlay.question])).toEqual([
      ['c2', '另一题'],
      ['c1', '第二版'],
    ]);
    expect(gina[1]).toEqual(overlay('gina', 'c1', '第二版', '2025-01-03T00:00:00.000Z'));
    expect(await store.deleteOverlay('hank', 'c2')).toBe(false);
    expect(await store.deleteOverlay('gina', 'c1')).toBe(true);
    expect(await store.deleteOverlay('gina', 'c1')).toBe(false);
    expect((await store.listOverlays('gina')).map((o) => o.cardId)).toEqual(['c2']);
    expect((await store.listOverlays('hank')).map((o) => o.overlay.question)).toEqual(['别人的']);
  });
}
