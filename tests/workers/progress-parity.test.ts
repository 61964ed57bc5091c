/**
 * The progress route on both runtimes: the same drill of chosen cards, answered alike on the Node
 * server (SQLite) and the local Worker (D1), gives the same mastery per topic and file, the same
 * weakest cards and the same due forecast.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../src/core/types.ts';
import { isAskable } from '../../src/ingest/card-bank.ts';
import type { ProgressResult } from '../../src/interview/progress.ts';
import { startThrowawayServerProcess } from '../support/server-process.ts';
import { HttpClient } from './http-client.ts';
import { questionBank, scriptedAnswer } from './scripted-answers.ts';
import { startLocalWorker, type RunningProcess } from './worker-process.ts';

interface TurnBody {
  next: { kind: string; questionId?: string };
}

/** Drills `cards` in order: the first part of each reference for all but the last, which gets a non-answer. */
async function drill(client: HttpClient, cards: readonly Card[]): Promise<void> {
  const started = await client.post<{ id: string; message: { questionId: string } }>('/api/sessions', { mode: 'drill', cards: cards.map((card) => card.id) });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  let questionId: string | undefined = started.body.message.questionId;
  let kind = 'question';
  for (let step = 0; step < cards.length * 4 && kind !== 'done'; step++) {
    const card = cards.find((item) => item.id === questionId);
    const answer = card === cards.at(-1) ? '不清楚。' : scriptedAnswer(card, 0);
    const reply = await client.post<TurnBody>(`/api/sessions/${started.body.id}/answers`, kind === 'followup' ? { action: 'skip' } : { answer });
    expect(reply.status).toBe(200);
    kind = reply.body.next.kind;
    questionId = reply.body.next.questionId ?? questionId;
  }
  expect(kind).toBe('done');
}

/** Everything but the session ids and times, which differ by construction. */
function comparable(progress: ProgressResult) {
  return { ...progress, sessions: progress.sessions.map(({ mode, overall }) => ({ mode, overall })) };
}

describe('progress on Node and Workers', () => {
  let node: RunningProcess;
  let worker: RunningProcess;

  beforeAll(async () => {
    worker = await startLocalWorker();
    node = await startThrowawayServerProcess('mianba-node-progress-', {
      env: { MIANBA_CORPUS_DIR: 'corpus', MIANBA_RATE_LIMIT_PER_MINUTE: '100000' },
      timeoutMs: 120_000,
    });
  }, 240_000);

  afterAll(async () => {
    await Promise.all([worker?.stop(), node?.stop()]);
  });

  it('gives the same progress for the same drill', async () => {
    const cards = [...questionBank().values()].filter((card) => isAskable(card) && card.answered && card.topics.includes('redis')).slice(0, 3);
    expect(cards).toHaveLength(3);
    const nodeClient = new HttpClient(node.baseUrl);
    const workerClient = new HttpClient(worker.baseUrl, '10.0.3.1');
    await Promise.all([drill(nodeClient, cards), drill(workerClient, cards)]);

    const [fromNode, fromWorker] = await Promise.all([
      nodeClient.json<ProgressResult>('/api/progress?tz=-480'),
      workerClient.json<ProgressResult>('/api/progress?tz=-480'),
    ]);
    expect(fromNode.status).toBe(200);
    expect(fromWorker.status).toBe(200);
    expect(comparable(fromWorker.body)).toEqual(comparable(fromNode.body));
    // Not the trivial equality of two empty pages: a drill's reviews are all scheduled, and the non-answer is weakest.
    expect(fromNode.body.due.reduce((sum, day) => sum + day.count, 0)).toBe(3);
    expect(fromNode.body.weakest[0]?.questionId).toBe(cards[2]?.id);

    // Compiling runs where the index is built; both runtimes say why they cannot here.
    const [nodeCompile, workerCompile] = await Promise.all([nodeClient.json('/api/compile'), workerClient.json('/api/compile')]);
    expect(workerCompile.body).toEqual(nodeCompile.body);
    expect(workerCompile.body).toMatchObject({ available: false, running: false });

    const invalid = await workerClient.json<{ error: { code: string } }>('/api/progress?topic=cooking');
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('bad_request');
  });
});
