/**
 * Concurrency over real sockets: double-clicks, two tabs of one browser and 50 candidates at once
 * must never grade an answer twice, drop one, or answer 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../support/seeded-random.ts';
import { ApiClient, isErrorBody, overHttp, type Fetcher } from './support/client.ts';
import { listen, makeRealApp, removeRealAppTempDirs, type RealApp } from './support/real-app.ts';
import { answerFor, markerCounts, seqIsContiguous, startSession, submit, transcript, type SubmitReply } from './support/session-driver.ts';

let real: RealApp;
let server: { baseUrl: string; close(): Promise<void> };
let fetcher: Fetcher;

beforeAll(async () => {
  real = await makeRealApp();
  server = await listen(real.app);
  fetcher = overHttp(server.baseUrl, 20_000);
});

afterAll(async () => {
  if (real.logged.length) console.log(`[concurrency] server faults:\n${real.logged.slice(0, 3).join('\n').slice(0, 3_000)}`);
  await server.close();
  real.close();
  removeRealAppTempDirs();
});

async function browser(): Promise<ApiClient> {
  const client = new ApiClient(fetcher);
  // Loading the app gives the browser its owner cookie before any parallel request.
  expect((await client.get('/api/sessions')).status).toBe(200);
  return client;
}

describe('concurrency', () => {
  it('a double-submitted answer is graded once: one 200, one 409, one turn', async () => {
    const client = await browser();
    const random = seededRandom(7);
    const variants: { name: string; accept: [string | undefined, string | undefined] }[] = [
      { name: 'json+json', accept: [undefined, undefined] },
      { name: 'sse+json', accept: ['text/event-stream', undefined] },
      { name: 'sse+sse', accept: ['text/event-stream', 'text/event-stream'] },
    ];
    for (const variant of variants) {
      for (let trial = 0; trial < 4; trial += 1) {
        const session = await startSession(client, { mode: 'practice', questions: 3 });
        const marker = `DBL-${variant.name}-${trial}`;
        // As the web app does, the answer names the line it answers, so a repeat is refused whatever the timing.
        const body = JSON.stringify({ answer: answerFor(real.kb, session.message.questionId, marker, random), turn: session.message.turn });
        const send = (accept: string | undefined) =>
          client.raw(`/api/sessions/${session.id}/answers`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}) },
            body,
          });
        const responses = await Promise.all(variant.accept.map(send));
        const statuses = responses.map((response) => response.status).sort();
        expect(statuses, `${variant.name} trial ${trial}`).toEqual([200, 409]);
        for (const response of responses) {
          const text = await response.text();
          if (response.status === 409) expect(isErrorBody(JSON.parse(text))).toBe(true);
          else if (response.headers.get('content-type')?.includes('text/event-stream')) expect(text).toMatch(/^event: done$/m);
        }
        const recorded = await transcript(client, session.id);
        expect(markerCounts(recorded.turns, /DBL-[\w+]+-\d+/g).get(marker)).toBe(1);
        expect(recorded.turns.filter((turn) => turn.role === 'candidate')).toHaveLength(1);
        expect(seqIsContiguous(recorded.turns)).toBe(true);
      }
    }
    // A double-clicked skip is applied once as well.
    const session = await startSession(client, { mode: 'practice', questions: 3 });
    const skip = { action: 'skip', turn: session.message.turn };
    const skips = await Promise.all([submit(client, session.id, skip), submit(client, session.id, skip)]);
    expect(skips.map((reply) => reply.status).sort()).toEqual([200, 409]);
    const recorded = await transcript(client, session.id);
    expect(recorded.turns.filter((turn) => turn.kind === 'skip')).toHaveLength(1);
  });

  it('two tabs of one browser interleaving submits on one session lose and duplicate nothing', async () => {
    const tabA = await browser();
    const tabB = tabA.sameBrowser();
    const random = seededRandom(11);
    const session = await startSession(tabA, { mode: 'practice', questions: 6 });
    const accepted: string[] = [];
    const refused: string[] = [];
    let finished = false;
    const tab = async (client: ApiClient, name: string) => {
      for (let step = 0; step < 40 && !finished; step += 1) {
        const view = await transcript(client, session.id);
        if (!view.pending) {
          finished = true;
          return;
        }
        await new Promise((wait) => setTimeout(wait, Math.floor(random() * 15)));
        const marker = `TAB-${name}-${step}`;
        const turn = view.pending.turn;
        const body = random() < 0.15 ? { action: 'skip' as const, turn } : { answer: answerFor(real.kb, view.pending.questionId, marker, random), turn };
        const reply = await submit(client, session.id, body);
        expect([200, 409], JSON.stringify(reply.body)).toContain(reply.status);
        if (reply.status === 409) {
          expect(isErrorBody(reply.body)).toBe(true);
          if ('answer' in body) refused.push(marker);
          continue;
        }
        if ('answer' in body) accepted.push(marker);
        if ((reply.body as SubmitReply).next.kind === 'done') finished = true;
      }
    };
    await Promise.all([tab(tabA, 'A'), tab(tabB, 'B')]);
    const recorded = await transcript(tabA, session.id);
    expect(recorded.session.status).toBe('done');
    expect(seqIsContiguous(recorded.turns)).toBe(true);
    const counts = markerCounts(recorded.turns, /TAB-[AB]-\d+/g);
    for (const marker of accepted) expect(counts.get(marker), marker).toBe(1);
    for (const marker of refused) expect(counts.has(marker), `${marker} was refused with 409`).toBe(false);
    expect(counts.size).toBe(accepted.length);
    expect(accepted.length).toBeGreaterThan(3);
  });

  it('50 parallel sessions: no 5xx, every answer stored once, in its own session only', async () => {
    const random = seededRandom(50);
    const candidates = await Promise.all(Array.from({ length: 50 }, () => browser()));
    const statuses = new Map<number, number>();
    const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
    const runs = await Promise.all(
      candidates.map(async (client, index) => {
        const session = await startSession(client, { mode: index % 3 === 0 ? 'interview' : 'practice', questions: 3 });
        count(201);
        const markers: string[] = [];
        let pending: { questionId?: string; turn?: number } | null = session.message;
        // An interview of 3 questions now also has its opening, project deep-dive and closing turns.
        for (let step = 0; pending && step < 40; step += 1) {
          const marker = `PAR-${index}-${step}`;
          const reply = await submit(client, session.id, { answer: answerFor(real.kb, pending.questionId, marker, random), turn: pending.turn });
          count(reply.status);
          expect(reply.status, JSON.stringify(reply.body)).toBe(200);
          markers.push(marker);
          pending = reply.body.next.kind === 'done' ? null : reply.body.next;
        }
        expect(pending).toBeNull();
        return { client, id: session.id, index, markers };
      }),
    );
    for (const run of runs) {
      const recorded = await transcript(run.client, run.id);
      expect(recorded.session.status).toBe('done');
      expect(seqIsContiguous(recorded.turns)).toBe(true);
      const counts = markerCounts(recorded.turns, /PAR-\d+-\d+/g);
      expect([...counts.keys()].sort()).toEqual([...run.markers].sort());
      expect([...counts.values()].every((value) => value === 1)).toBe(true);
    }
    expect([...statuses.keys()].filter((status) => status >= 500)).toEqual([]);
    console.log(`[concurrency] 50 parallel sessions: ${runs.reduce((sum, run) => sum + run.markers.length, 0)} answers, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  });
});
