import { describe, expect, it } from 'vitest';
import type { CardOverlay } from '../../src/core/types.ts';
import { createGrader } from '../../src/grading/grader.ts';
import { applyOverlays, cardSourceHash, overlaidKnowledgeBase } from '../../src/ingest/card-overlays.ts';
import { readState } from '../../src/interview/session-state.ts';
import { makeHarness, type Harness } from '../support/interview-harness.ts';

async function saveOverlay(harness: Harness, ownerId: string, cardId: string, overlay: CardOverlay): Promise<void> {
  const card = harness.kb.getCard(cardId);
  if (!card) throw new Error(`no card ${cardId}`);
  await harness.store.putOverlays([{ ownerId, cardId, sourceHash: cardSourceHash(card), overlay, updatedAt: '2026-03-01T08:00:00.000Z' }]);
}

async function plannedIds(harness: Harness, ownerId: string, mode: 'practice' | 'interview', topics: ['redis']): Promise<string[]> {
  const started = await harness.service.start(ownerId, { mode, topics, questions: 5 });
  const session = await harness.store.getSession(started.session.id);
  const state = readState(session?.state);
  return [...state.plan, ...state.asked];
}

describe('sessions through the owner’s card overlays', () => {
  it('never plans an excluded card for its owner, and still plans it for everyone else', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const harness = makeHarness({ seed });
      await saveOverlay(harness, 'alice', 'redis-evict', { excluded: true });
      expect(await plannedIds(harness, 'alice', 'practice', ['redis'])).not.toContain('redis-evict');
      expect(await plannedIds(harness, 'bob', 'practice', ['redis'])).toContain('redis-evict');
    }
  });

  it('asks a merged pair once: the card it was merged into, with the other wording as a variant', async () => {
    const harness = makeHarness({ seed: 3 });
    await saveOverlay(harness, 'alice', 'redis-aof-rewrite', { mergedInto: 'redis-persist' });
    const planned = await plannedIds(harness, 'alice', 'practice', ['redis']);
    expect(planned).toContain('redis-persist');
    expect(planned).not.toContain('redis-aof-rewrite');
  });

  it('grades a practice answer on the owner’s key points and asks the owner’s wording', async () => {
    // The product's offline grader, so the grade shows what grading did with the points.
    const harness = makeHarness({ seed: 2, grader: () => createGrader({}) });
    const keyPoints = [{ text: 'RDB 和 AOF 可以同时开启', weight: 1 }];
    for (const cardId of ['redis-aof-rewrite', 'redis-evict']) await saveOverlay(harness, 'alice', cardId, { excluded: true });
    await saveOverlay(harness, 'alice', 'redis-persist', { question: 'Redis 怎么做持久化？', keyPoints });
    const started = await harness.service.start('alice', { mode: 'practice', topics: ['redis'], questions: 1 });
    expect(started.message.text).toContain('Redis 怎么做持久化？');
    const result = await harness.service.submit(started.session.id, 'alice', { answer: 'RDB 和 AOF 可以同时开启，重启时优先用 AOF 恢复。', turn: started.message.turn });
    expect(harness.grader.requests.at(-1)?.references?.[0]?.keyPoints).toEqual(keyPoints);
    expect(result.grade?.keyPoints.map((point) => point.text)).toEqual(['RDB 和 AOF 可以同时开启']);
  });

  it('flags an overlay whose note changed since it was saved, and keeps it', async () => {
    const harness = makeHarness();
    await harness.store.putOverlays([{ ownerId: 'alice', cardId: 'redis-persist', sourceHash: 'an-older-note', overlay: { question: '持久化？' }, updatedAt: '2026-03-01T08:00:00.000Z' }]);
    const card = applyOverlays(harness.kb.cards, await harness.store.listOverlays('alice')).find((entry) => entry.id === 'redis-persist');
    expect(card).toMatchObject({ question: '持久化？', edit: { needsReview: true, keyPoints: false } });
  });

  it('searches a moved card under its new topic and leaves an excluded card out', async () => {
    const harness = makeHarness();
    await saveOverlay(harness, 'alice', 'redis-persist', { topics: ['mysql'] });
    await saveOverlay(harness, 'alice', 'redis-aof-rewrite', { excluded: true });
    const kb = overlaidKnowledgeBase(harness.kb, await harness.store.listOverlays('alice'));
    const ids = async (topics: Array<'redis' | 'mysql'>) => (await kb.search('RDB AOF 持久化 重写', { k: 5, topics })).map((hit) => hit.chunk.cardId);
    expect(await ids(['mysql'])).toContain('redis-persist');
    expect(await ids(['redis'])).not.toContain('redis-persist');
    expect(await ids(['redis'])).not.toContain('redis-aof-rewrite');
    expect((await harness.kb.search('RDB AOF 持久化 重写', { k: 5, topics: ['redis'] })).map((hit) => hit.chunk.cardId)).toEqual(expect.arrayContaining(['redis-persist', 'redis-aof-rewrite']));
  });
});
