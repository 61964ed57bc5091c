/**
 * GET /api/progress on the real app: three graded sessions make a three-point trend, the card
 * answered badly is the weakest, "drill these" drills exactly those cards, drilled cards fill the
 * due forecast, and the route is owner-scoped and validated like every other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressResult } from '../../src/interview/progress.ts';
import { makeHarness, referenceAnswer, removeTempDirs, type Browser, type Harness } from './app-harness.ts';

interface Turn {
  next: { kind: 'followup' | 'question' | 'done'; questionId?: string; turn: number };
}

/** Answers every new question with `answerFor`, skips its follow-ups, until the session is done. */
async function runSession(browser: Browser, options: Record<string, unknown>, answerFor: (questionId: string) => string): Promise<string[]> {
  const created = (await (await browser.post('/api/sessions', options)).json()) as { id: string; message: { questionId: string } };
  const asked: string[] = [];
  let questionId: string | undefined = created.message.questionId;
  let kind: Turn['next']['kind'] = 'question';
  for (let step = 0; step < 60 && kind !== 'done'; step++) {
    const body = kind === 'followup' || !questionId ? { action: 'skip' } : { answer: answerFor(questionId) };
    if (kind === 'question' && questionId) asked.push(questionId);
    const response = await browser.post(`/api/sessions/${created.id}/answers`, body);
    expect(response.status).toBe(200);
    const turn = (await response.json()) as Turn;
    kind = turn.next.kind;
    questionId = turn.next.questionId;
  }
  expect(kind).toBe('done');
  return asked;
}

describe('GET /api/progress', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await makeHarness();
  });
  afterAll(async () => {
    await harness.close();
    removeTempDirs();
  });

  it('shows mastery per topic and file, its trend over three sessions, and the weakest cards to drill', async () => {
    const browser = harness.browser();
    const empty = (await (await browser.request('/api/progress')).json()) as ProgressResult;
    expect(empty).toMatchObject({ overall: null, sessions: [], topics: [], files: [], weakest: [] });
    expect(empty.due).toHaveLength(14);

    // First session: every redis answer is the reference; then two sessions answered badly.
    const knows = (id: string) => referenceAnswer(harness.kb, id);
    await runSession(browser, { mode: 'practice', topics: ['redis'], questions: 2 }, knows);
    const second = await runSession(browser, { mode: 'practice', topics: ['redis'], questions: 2 }, () => '不太清楚，没了解过。');
    await runSession(browser, { mode: 'practice', topics: ['go'], questions: 1 }, knows);

    const progress = (await (await browser.request('/api/progress')).json()) as ProgressResult;
    expect(progress.sessions).toHaveLength(3);
    const redis = progress.topics.find((row) => row.key === 'redis');
    expect(redis?.name).toBe('Redis 与缓存');
    expect(redis?.trend).toHaveLength(3);
    // After a good session, then a bad one on other redis cards, redis mastery falls.
    expect(redis?.trend[0]).toBeGreaterThan(redis?.trend[1] ?? Infinity);
    expect(progress.topics.find((row) => row.key === 'go')?.trend.slice(0, 2)).toEqual([null, null]);
    expect(progress.files.length).toBeGreaterThan(0);
    for (const row of progress.files) expect(harness.kb.cards.some((card) => card.source === row.key)).toBe(true);

    // The weakest are exactly the ones answered badly (also when first answered well); well-answered cards are not weak.
    const badly = [...new Set(second)].sort();
    const weakIds = progress.weakest.map((card) => card.questionId).sort();
    expect(weakIds).toEqual(badly);
    expect(progress.weakest.every((card) => card.mastery < 8 && card.reviews >= 1)).toBe(true);

    // "Drill these" drills exactly those cards, and a drilled card enters the due forecast.
    const drill = await browser.post('/api/sessions', { mode: 'drill', cards: weakIds });
    expect(drill.status).toBe(201);
    const drilled = (await drill.json()) as { id: string; message: { questionId: string } };
    expect(weakIds).toContain(drilled.message.questionId);
    let next = ((await (await browser.post(`/api/sessions/${drilled.id}/answers`, { answer: knows(drilled.message.questionId) })).json()) as Turn).next;
    while (next.kind === 'followup') next = ((await (await browser.post(`/api/sessions/${drilled.id}/answers`, { action: 'skip' })).json()) as Turn).next;
    const after = (await (await browser.request('/api/progress?tz=-480')).json()) as ProgressResult;
    expect(after.due.reduce((sum, day) => sum + day.count, 0)).toBe(1);
    expect(after.due[0]?.date).toBe(new Date(Date.now() + 480 * 60_000).toISOString().slice(0, 10));

    // One topic narrows every part.
    const onlyGo = (await (await browser.request('/api/progress?topic=go')).json()) as ProgressResult;
    expect(onlyGo.topics.map((row) => row.key)).toEqual(['go']);
    expect(onlyGo.weakest.every((card) => card.topics.includes('go'))).toBe(true);
  });

  it('is owner-scoped and validates its query', async () => {
    const alice = harness.browser();
    await runSession(alice, { mode: 'practice', questions: 1 }, (id) => referenceAnswer(harness.kb, id));
    expect(((await (await alice.request('/api/progress')).json()) as ProgressResult).sessions).toHaveLength(1);
    const bob = harness.browser();
    expect(((await (await bob.request('/api/progress')).json()) as ProgressResult).sessions).toEqual([]);

    for (const query of ['topic=cooking', 'tz=abc', 'tz=9999']) {
      const response = await alice.request(`/api/progress?${query}`);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('bad_request');
      expect(body.error.message).not.toMatch(/at .*\.ts/);
    }
    expect((await alice.post('/api/sessions', { mode: 'practice', cards: ['abc'] })).status).toBe(400);
    expect((await alice.post('/api/sessions', { mode: 'drill', cards: ['not a card id!'] })).status).toBe(400);
  });
});
