/**
 * kill -9 at random points of a scripted session, 20 times: the real Node entry runs as a child
 * process on one data folder; after every crash it is restarted and must still hold every answer
 * it acknowledged, exactly once, let the session resume, and keep a consistent SQLite file.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/core/types.ts';
import { seededRandom } from '../support/seeded-random.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { ApiClient, overHttp, type Fetcher } from './support/client.ts';
import { loadCorpusKnowledgeBase, seededDataDir } from './support/real-app.ts';
import { answerFor, seqIsContiguous, type SubmitReply, type Transcript } from './support/session-driver.ts';

const cycles = 20;
const seed = 20_241_122;
/** Kill points are drawn from [0, maxKillDelayMs) after the cycle's load starts. */
const maxKillDelayMs = 700;
const parallelSessions = 3;
const markerPattern = /KILL-\d+-\d+-\d+/g;

let dataDir: string;
let kb: KnowledgeBase;
let server: ServerProcess | undefined;

beforeAll(async () => {
  kb = await loadCorpusKnowledgeBase();
  dataDir = await seededDataDir('mianba-h-crash-');
});

afterAll(async () => {
  await server?.kill9();
  rmSync(dataDir, { recursive: true, force: true });
});

interface TrackedSession {
  id: string;
  /** Markers whose submission got a 2xx JSON reply or an SSE `done` event. */
  acknowledged: Set<string>;
  /** Markers sent whose outcome the crash hid: each may be stored at most once. */
  unknown: Set<string>;
  done: boolean;
}

/** Reads an SSE answer to its end; resolves the `done` body, or undefined if the stream was cut. */
async function readSseDone(response: Response): Promise<SubmitReply | undefined> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    return undefined;
  }
  for (const block of text.split('\n\n')) {
    if (!/^event: done$/m.test(block)) continue;
    const data = block
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.replace(/^data: ?/, ''))
      .join('\n');
    return JSON.parse(data) as SubmitReply;
  }
  return undefined;
}

it(
  `acknowledged answers survive ${cycles} kill -9 cycles exactly once, and sessions resume`,
  async () => {
    const random = seededRandom(seed);
    const sessions: TrackedSession[] = [];
    const browser = { cookies: new Map<string, string>() };
    const startupMs: number[] = [];
    let sent = 0;
    let acknowledgedTotal = 0;
    let unknownStored = 0;
    let sessionsCreated = 0;

    for (let cycle = 0; cycle < cycles; cycle += 1) {
      server = await startServerProcess({ dataDir, timeoutMs: 90_000 });
      startupMs.push(server.startupMs);
      const fetcher: Fetcher = overHttp(server.baseUrl, 10_000);
      const client = new ApiClient(fetcher);
      for (const [name, value] of browser.cookies) client.cookies.set(name, value);
      // Like a browser loading the page, get the owner cookie before the lanes start in parallel.
      if (client.cookies.size === 0) expect((await client.get('/api/sessions')).status).toBe(200);

      // After a restart, everything acknowledged before the crash is there exactly once.
      for (const session of sessions) {
        const response = await client.get<Transcript>(`/api/sessions/${session.id}`);
        expect(response.status, `session ${session.id} after restart`).toBe(200);
        const turns = response.body.turns;
        expect(seqIsContiguous(turns)).toBe(true);
        const counts = new Map<string, number>();
        for (const turn of turns) {
          if (turn.role !== 'candidate') continue;
          for (const match of turn.text.matchAll(markerPattern)) counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
        }
        for (const marker of session.acknowledged) expect(counts.get(marker), `acknowledged ${marker}`).toBe(1);
        for (const [marker, count] of counts) {
          expect(count, `${marker} stored once`).toBe(1);
          expect(session.acknowledged.has(marker) || session.unknown.has(marker), `${marker} was sent`).toBe(true);
          if (session.unknown.has(marker)) {
            unknownStored += 1;
            session.unknown.delete(marker);
            session.acknowledged.add(marker);
          }
        }
        session.unknown.clear();
        session.done = response.body.session.status === 'done';
        if (!session.done) expect(response.body.pending, 'an active session has a line awaiting an answer').not.toBeNull();
      }

      // Load until the kill: a few sessions answered back to back, some over SSE.
      let killed = false;
      const killAfter = Math.floor(random() * maxKillDelayMs);
      const killer = new Promise<void>((resolveKill) =>
        setTimeout(() => {
          killed = true;
          void server!.kill9().then(resolveKill);
        }, killAfter),
      );

      const worker = async (lane: number): Promise<void> => {
        let step = 0;
        while (!killed) {
          step += 1;
          let session = sessions.filter((entry) => !entry.done)[lane];
          if (!session) {
            let created;
            try {
              created = await client.post<{ id: string }>('/api/sessions', { mode: random() < 0.5 ? 'practice' : 'interview', questions: 30 });
            } catch {
              return;
            }
            if (created.status !== 201) {
              expect(created.status, JSON.stringify(created.body)).toBeLessThan(500);
              return;
            }
            sessionsCreated += 1;
            session = { id: created.body.id, acknowledged: new Set(), unknown: new Set(), done: false };
            sessions.push(session);
          }
          let pending;
          try {
            const current = await client.get<Transcript>(`/api/sessions/${session.id}`);
            if (current.status !== 200) return;
            pending = current.body.pending;
          } catch {
            return;
          }
          if (!pending) {
            session.done = true;
            continue;
          }
          const marker = `KILL-${cycle}-${lane}-${step}`;
          const body = JSON.stringify({ answer: answerFor(kb, pending.questionId, marker, random) });
          const overSse = random() < 0.3;
          session.unknown.add(marker);
          sent += 1;
          try {
            const response = await client.raw(`/api/sessions/${session.id}/answers`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', ...(overSse ? { accept: 'text/event-stream' } : {}) },
              body,
            });
            if (overSse) {
              const done = response.status === 200 ? await readSseDone(response) : undefined;
              if (done) {
                session.unknown.delete(marker);
                session.acknowledged.add(marker);
                if (done.next.kind === 'done') session.done = true;
              }
            } else {
              const reply = (await response.json()) as SubmitReply;
              expect(response.status, JSON.stringify(reply)).toBeLessThan(500);
              if (response.status === 200) {
                session.unknown.delete(marker);
                session.acknowledged.add(marker);
                if (reply.next.kind === 'done') session.done = true;
              } else {
                session.unknown.delete(marker);
              }
            }
          } catch {
            // The connection died with the server: the outcome of this answer is unknown.
            return;
          }
        }
      };
      await Promise.all([...Array.from({ length: parallelSessions }, (_, lane) => worker(lane)), killer]);
      for (const [name, value] of client.cookies) browser.cookies.set(name, value);
      acknowledgedTotal = sessions.reduce((sum, session) => sum + session.acknowledged.size, 0);
    }

    // The last crash left the file as kill -9 leaves it; SQLite must find it consistent.
    const databaseFile = join(dataDir, 'mianba.sqlite');
    const db = new Database(databaseFile, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = db.prepare("SELECT session_id, text FROM turns WHERE role = 'candidate'").all() as { session_id: string; text: string }[];
      const stored = new Map<string, number>();
      for (const row of rows) for (const match of row.text.matchAll(markerPattern)) stored.set(match[0], (stored.get(match[0]) ?? 0) + 1);
      let lost = 0;
      for (const session of sessions) for (const marker of session.acknowledged) if (stored.get(marker) !== 1) lost += 1;
      expect(lost, 'acknowledged answers missing or duplicated in the database').toBe(0);
      expect([...stored.values()].every((count) => count === 1)).toBe(true);
    } finally {
      db.close();
    }

    // The session resumes on a fresh start after the final crash.
    server = await startServerProcess({ dataDir, timeoutMs: 90_000 });
    const client = new ApiClient(overHttp(server.baseUrl, 10_000));
    for (const [name, value] of browser.cookies) client.cookies.set(name, value);
    const active = sessions.find((session) => !session.done);
    if (active) {
      const before = await client.get<Transcript>(`/api/sessions/${active.id}`);
      expect(before.body.pending).not.toBeNull();
      const resumed = await client.post<SubmitReply>(`/api/sessions/${active.id}/answers`, {
        answer: answerFor(kb, before.body.pending?.questionId, 'KILL-99-0-0', random),
      });
      expect(resumed.status).toBe(200);
      expect(resumed.body.grade === null || typeof resumed.body.grade.score === 'number').toBe(true);
    }
    await server.stop();
    server = undefined;

    expect(acknowledgedTotal, 'the crashes hit a session that was really being answered').toBeGreaterThan(cycles);
    const sorted = [...startupMs].sort((a, b) => a - b);
    console.log(
      `[crash-safety] ${cycles} kill -9 cycles, ${sessionsCreated} sessions, ${sent} answers sent, ${acknowledgedTotal} acknowledged, ` +
        `0 lost, ${unknownStored} unacknowledged answers found stored (allowed, at most once); restart to healthy: ` +
        `median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`,
    );
  },
  240_000,
);
