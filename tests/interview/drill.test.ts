import { createEmptyCard, fsrs, Rating, State } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import type { ReviewCard } from '../../src/core/types.ts';
import { ratingForScore, readCard, reviewCard } from '../../src/interview/review-schedule.ts';
import { perfectAnswer, sampleItems } from '../support/interview-fixtures.ts';
import { makeHarness } from '../support/interview-harness.ts';

const owner = 'driller';
const day = 24 * 60 * 60 * 1000;

function storedCard(questionId: string, due: Date, reviewedAt: Date): ReviewCard {
  const item = sampleItems.find((entry) => entry.id === questionId);
  if (!item) throw new Error(questionId);
  const card = fsrs({ enable_fuzz: false }).next(createEmptyCard(reviewedAt), reviewedAt, Rating.Good).card;
  return { ownerId: owner, questionId, topics: item.topics, due: due.toISOString(), card: JSON.parse(JSON.stringify({ ...card, due })) };
}

describe('FSRS rating', () => {
  it('maps scores to Again/Hard/Good/Easy, with hint caps landing on Good and Hard', () => {
    expect([0, 3.9, 4, 6.4, 6.5, 7, 8.9, 9, 10].map(ratingForScore)).toEqual([
      Rating.Again,
      Rating.Again,
      Rating.Hard,
      Rating.Hard,
      Rating.Good,
      Rating.Good,
      Rating.Good,
      Rating.Easy,
      Rating.Easy,
    ]);
  });

  it('revives stored cards and starts unreadable ones fresh', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    const original = fsrs().next(createEmptyCard(now), now, Rating.Good).card;
    const revived = readCard(JSON.parse(JSON.stringify(original)), now);
    expect(revived.due.getTime()).toBe(original.due.getTime());
    expect(revived.reps).toBe(1);
    expect(readCard('garbage', now).state).toBe(State.New);
  });

  it('schedules an easy review further out than a failed one', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    const item = sampleItems[1]!;
    const easy = reviewCard(owner, item, undefined, 10, now);
    const again = reviewCard(owner, item, undefined, 0, now);
    expect(Date.parse(easy.due)).toBeGreaterThan(Date.parse(again.due));
    expect(easy.topics).toEqual(item.topics);
  });
});

describe('drill mode', () => {
  it('asks due cards first (most overdue first), then new items, and records each finished question as a review', async () => {
    const harness = makeHarness();
    const { service, store, clock } = harness;
    const now = clock.now;
    await store.putCard(storedCard('redis-evict', new Date(now.getTime() - 2 * day), new Date(now.getTime() - 5 * day)));
    await store.putCard(storedCard('redis-aof-rewrite', new Date(now.getTime() - 1 * day), new Date(now.getTime() - 4 * day)));
    await store.putCard(storedCard('mysql-index', new Date(now.getTime() - 3 * day), new Date(now.getTime() - 6 * day)));

    const before = await service.due(owner, 'redis');
    expect(before.topics).toEqual([{ topic: 'redis', name: 'Redis 与缓存', due: 2, reviewed: 2, questions: 3 }]);
    expect(before.questions.map((question) => question.questionId)).toEqual(['redis-evict', 'redis-aof-rewrite']);
    const all = await service.due(owner);
    expect(all.topics.find((topic) => topic.topic === 'mysql')?.due).toBe(1);

    const { session, message } = await service.start(owner, { mode: 'drill', topics: ['redis'], questions: 3 });
    expect(session.topics).toEqual(['redis']);
    expect(message.questionId).toBe('redis-evict');
    expect(message.text).toContain('2 道');

    const first = await service.submit(session.id, owner, { answer: perfectAnswer('redis-evict') });
    expect(first.reveal).toBe(true);
    expect(first.review).toMatchObject({ questionId: 'redis-evict', rating: 'easy' });
    expect(first.next.questionId).toBe('redis-aof-rewrite');
    const evictCard = (await store.getCards(owner, 'redis')).find((card) => card.questionId === 'redis-evict');
    expect(Date.parse(evictCard?.due ?? '')).toBeGreaterThan(now.getTime() + day);
    expect((evictCard?.card as { reps: number }).reps).toBe(2);

    const skipped = await service.submit(session.id, owner, { action: 'skip' });
    expect(skipped.review).toMatchObject({ questionId: 'redis-aof-rewrite', rating: 'again' });
    expect(skipped.next.questionId).toBe('redis-persist');

    const last = await service.submit(session.id, owner, { answer: perfectAnswer('redis-persist') });
    expect(last.next.kind).toBe('done');
    const persisted = (await store.getCards(owner, 'redis')).find((card) => card.questionId === 'redis-persist');
    expect((persisted?.card as { reps: number }).reps).toBe(1);

    const after = await service.due(owner, 'redis');
    expect(after.topics[0]?.reviewed).toBe(3);
    // The failed card comes back within minutes; the others are scheduled days out.
    clock.now = new Date(now.getTime() + 60 * 60 * 1000);
    expect((await service.due(owner, 'redis')).questions.map((question) => question.questionId)).toEqual(['redis-aof-rewrite']);
  });

  it('rates a follow-up question once, from the question’s final score', async () => {
    const { service, store } = makeHarness({ items: sampleItems.filter((entry) => entry.id === 'redis-persist') });
    const { session } = await service.start(owner, { mode: 'drill', topics: ['redis'], questions: 1 });
    const partial = await service.submit(session.id, owner, { answer: 'RDB 快照：fork 子进程把内存数据写成二进制文件' });
    expect(partial.next.kind).toBe('followup');
    expect(partial.review).toBeUndefined();
    expect(await store.getCards(owner)).toHaveLength(0);
    const done = await service.submit(session.id, owner, { action: 'skip' });
    expect(done.review?.rating).toBe('again');
    expect(await store.getCards(owner)).toHaveLength(1);
  });

  it('without a topic drills where most cards are due', async () => {
    const { service, store, clock } = makeHarness();
    await store.putCard(storedCard('go-map', new Date(clock.now.getTime() - day), new Date(clock.now.getTime() - 3 * day)));
    const { session, message } = await service.start(owner, { mode: 'drill' });
    expect(session.topics).toEqual(['go']);
    expect(message.questionId).toBe('go-map');
  });
});
