import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/adapters/node/ids.ts';
import { loadKnowledgeBase } from '../../src/adapters/node/knowledge-base-loader.ts';
import { loadPrompts } from '../../src/adapters/node/prompts-loader.ts';
import { SqliteSessionStore } from '../../src/adapters/node/sqlite-store.ts';
import { parseConfig } from '../../src/core/config.ts';
import type { Card } from '../../src/core/types.ts';
import { isAskable } from '../../src/ingest/card-bank.ts';
import { assembleApp } from '../../src/server/assemble-app.ts';
import { MemoryRateLimiter } from '../../src/server/memory-rate-limiter.ts';
import { Browser, makeHarness, removeTempDirs, type Harness } from './app-harness.ts';

let harness: Harness | undefined;
afterEach(async () => harness?.close());
afterAll(removeTempDirs);

const errorShape = { error: { code: expect.any(String), message: expect.any(String) } };

interface CardView {
  id: string;
  question: string;
  source: string;
  topics: string[];
  keyPoints: Array<{ text: string; weight: number }>;
  variants: string[];
  asked: boolean;
  overlay: Record<string, unknown> | null;
  needsReview: boolean;
}

async function json<T>(response: Response | Promise<Response>): Promise<T> {
  return (await (await response).json()) as T;
}

function put(browser: Browser, id: string, body: unknown): Promise<Response> {
  return browser.request(`/api/cards/${id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

/** Like the web app: a state-changing request is JSON, even with no body. */
function revert(browser: Browser, id: string): Promise<Response> {
  return browser.request(`/api/cards/${id}/overlay`, { method: 'DELETE', headers: { 'content-type': 'application/json' } });
}

function askableWithPoints(cards: readonly Card[]): Card[] {
  return cards.filter((card) => isAskable(card) && card.answered && card.keyPoints.length >= 2);
}

describe('GET /api/cards', () => {
  it('lists every card, filtered by topic, file and words', async () => {
    harness = await makeHarness();
    const browser = harness.browser();
    const all = await json<{ total: number; files: string[]; cards: CardView[] }>(browser.request('/api/cards'));
    expect(all.total).toBe(harness.kb.cards.length);
    expect(all.cards).toHaveLength(harness.kb.cards.length);
    expect(all.files).toContain('go-basics-qa.md');
    const redis = await json<{ cards: CardView[] }>(browser.request('/api/cards?topic=redis'));
    expect(redis.cards.length).toBeGreaterThan(0);
    expect(redis.cards.every((card) => card.topics.includes('redis'))).toBe(true);
    const file = await json<{ cards: CardView[] }>(browser.request('/api/cards?file=go-basics-qa.md'));
    expect(file.cards.length).toBeGreaterThan(0);
    expect(file.cards.every((card) => card.source === 'go-basics-qa.md')).toBe(true);
    const found = await json<{ cards: CardView[] }>(browser.request(`/api/cards?q=${encodeURIComponent('GMP 调度')}`));
    expect(found.cards.length).toBeGreaterThan(0);
    expect(found.cards.length).toBeLessThan(all.total);
    const bad = await browser.request('/api/cards?topic=astrology');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual(errorShape);
  });
});

describe('PUT /api/cards/:id and DELETE /api/cards/:id/overlay', () => {
  it('applies an owner’s edit for that owner only; another owner can neither see nor revert it', async () => {
    harness = await makeHarness();
    const [card] = askableWithPoints(harness.kb.cards);
    if (!card) throw new Error('the notes have no card with key points');
    const alice = harness.browser();
    const bob = harness.browser();
    const keyPoints = [{ text: `${card.keyPoints[0]?.text ?? ''}（改写）`, weight: 1 }, { text: '新加的要点：说明适用场景', weight: 0.4 }];
    const saved = await put(alice, card.id, { question: '改过的问题？', keyPoints, topics: ['system-design'] });
    expect(saved.status).toBe(200);
    expect((await json<{ card: CardView }>(saved)).card).toMatchObject({ id: card.id, question: '改过的问题？', keyPoints, topics: ['system-design'], needsReview: false });

    const aliceView = await json<{ card: CardView }>(alice.request(`/api/cards/${card.id}`));
    expect(aliceView.card).toMatchObject({ question: '改过的问题？', overlay: { question: '改过的问题？' } });
    const inTopic = await json<{ cards: CardView[] }>(alice.request('/api/cards?topic=system-design'));
    expect(inTopic.cards.map((entry) => entry.id)).toContain(card.id);

    const bobView = await json<{ card: CardView }>(bob.request(`/api/cards/${card.id}`));
    expect(bobView.card).toMatchObject({ question: card.question, overlay: null });
    const bobDelete = await revert(bob, card.id);
    expect(bobDelete.status).toBe(404);
    expect(await bobDelete.json()).toEqual(errorShape);
    expect((await json<{ overlays: unknown[] }>(bob.request('/api/card-overlays'))).overlays).toEqual([]);

    const reverted = await revert(alice, card.id);
    expect(reverted.status).toBe(200);
    expect((await json<{ card: CardView }>(reverted)).card).toMatchObject({ question: card.question, overlay: null });
    expect((await revert(alice, card.id)).status).toBe(404);
  });

  it('refuses what is not an overlay, with the usual error shape', async () => {
    harness = await makeHarness();
    const [card, other] = askableWithPoints(harness.kb.cards);
    if (!card || !other) throw new Error('the notes have too few cards');
    const browser = harness.browser();
    const cases: Array<[string, unknown, number]> = [
      [card.id, {}, 400],
      [card.id, { question: '   ' }, 400],
      [card.id, { keyPoints: [{ text: '要点', weight: 2 }] }, 400],
      [card.id, { keyPoints: [{ text: '', weight: 0.5 }] }, 400],
      [card.id, { topics: ['astrology'] }, 400],
      [card.id, { excluded: 'yes' }, 400],
      [card.id, { rewriteNotes: true }, 400],
      [card.id, { mergedInto: card.id }, 400],
      [card.id, { mergedInto: 'no-such-card' }, 400],
      [card.id, '{not json', 400],
      ['no-such-card', { excluded: true }, 404],
      ['../../etc', { excluded: true }, 404],
    ];
    for (const [id, body, status] of cases) {
      const response = await put(browser, id, body);
      expect([JSON.stringify(body), response.status]).toEqual([JSON.stringify(body), status]);
      expect(await response.json()).toEqual(errorShape);
    }
    expect((await json<{ overlays: unknown[] }>(browser.request('/api/card-overlays'))).overlays).toEqual([]);
    expect((await put(browser, card.id, { keyPoints: [] })).status).toBe(400);
    expect((await put(browser, card.id, { mergedInto: other.id })).status).toBe(200);
    // Merges are one level deep: nothing merges into a merged card, and a merge target is not merged on.
    const [third] = askableWithPoints(harness.kb.cards).slice(2);
    if (!third) throw new Error('the notes have too few cards');
    const chained = await put(browser, third.id, { mergedInto: card.id });
    expect(chained.status).toBe(400);
    expect(await chained.json()).toEqual(errorShape);
    expect((await put(browser, other.id, { mergedInto: third.id })).status).toBe(400);
  });

  it('leaves an excluded card out of search and merges a card into another as its variant', async () => {
    harness = await makeHarness();
    const [card, other] = askableWithPoints(harness.kb.cards);
    if (!card || !other) throw new Error('the notes have too few cards');
    const browser = harness.browser();
    const search = async () => (await json<{ results: Array<{ cardId: string }> }>(browser.request(`/api/search?q=${encodeURIComponent(card.question)}&k=10`))).results.map((hit) => hit.cardId);
    expect(await search()).toContain(card.id);
    expect((await put(browser, card.id, { excluded: true })).status).toBe(200);
    expect(await search()).not.toContain(card.id);
    expect((await search()).length).toBe(10);

    expect((await put(browser, card.id, { mergedInto: other.id })).status).toBe(200);
    const merged = await json<{ card: CardView }>(browser.request(`/api/cards/${card.id}`));
    expect(merged.card.asked).toBe(false);
    const into = await json<{ card: CardView }>(browser.request(`/api/cards/${other.id}`));
    expect(into.card.variants).toContain(card.question);
  });

  it('counts topics as each owner sees the bank: an excluded card leaves its topic, a moved card counts under its new one', async () => {
    harness = await makeHarness();
    const card = askableWithPoints(harness.kb.cards).find((candidate) => !candidate.topics.includes('redis') && candidate.topics.length === 1);
    if (!card) throw new Error('the notes have no single-topic card outside redis');
    const [topic] = card.topics;
    const owner = harness.browser();
    const other = harness.browser();
    const counts = async (browser: Browser) => new Map((await json<Array<{ id: string; questions: number }>>(browser.request('/api/topics'))).map((entry) => [entry.id, entry.questions]));
    const before = await counts(owner);
    expect((await put(owner, card.id, { topics: ['redis'] })).status).toBe(200);
    const moved = await counts(owner);
    expect(moved.get(topic!) ?? 0).toBe((before.get(topic!) ?? 0) - 1);
    expect(moved.get('redis')).toBe((before.get('redis') ?? 0) + 1);
    expect((await put(owner, card.id, { excluded: true })).status).toBe(200);
    const excluded = await counts(owner);
    expect(excluded.get('redis')).toBe(before.get('redis'));
    expect(excluded.get(topic!) ?? 0).toBe((before.get(topic!) ?? 0) - 1);
    expect(await counts(other)).toEqual(before);
  });
});

describe('overlay export and import', () => {
  it('round-trips an owner’s overlays to another owner', async () => {
    harness = await makeHarness();
    const [card, other] = askableWithPoints(harness.kb.cards);
    if (!card || !other) throw new Error('the notes have too few cards');
    const alice = harness.browser();
    await put(alice, card.id, { excluded: true });
    await put(alice, other.id, { question: '换个问法？' });
    const exported = await alice.request('/api/card-overlays?download=1');
    expect(exported.headers.get('content-disposition')).toContain('attachment');
    const file = await json<{ format: string; overlays: Array<{ cardId: string }> }>(exported);
    expect(file.format).toBe('mianba-card-overlays');
    expect(file.overlays.map((entry) => entry.cardId).sort()).toEqual([card.id, other.id].sort());

    const carol = harness.browser();
    const imported = await carol.post('/api/card-overlays', file);
    expect(await imported.json()).toEqual({ imported: 2, unknownCards: 0 });
    expect((await json<{ card: CardView }>(carol.request(`/api/cards/${other.id}`))).card.question).toBe('换个问法？');
    expect((await json<{ card: CardView }>(carol.request(`/api/cards/${card.id}`))).card.asked).toBe(false);

    const invalid = await carol.post('/api/card-overlays', { overlays: [{ cardId: card.id, sourceHash: 'zz', overlay: { excluded: true } }] });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual(errorShape);
  });
});

describe('overlays across restarts and re-indexing', () => {
  it('keeps an overlay after a restart on the same database', async () => {
    harness = await makeHarness();
    const [card] = askableWithPoints(harness.kb.cards);
    if (!card) throw new Error('no card');
    const browser = harness.browser();
    await put(browser, card.id, { question: '重启以后还在吗？' });
    const { databaseFile } = harness;
    await harness.close();
    harness = await makeHarness({ databaseFile });
    const again = new Browser(harness.app);
    for (const [name, value] of browser.cookies) again.cookies.set(name, value);
    expect((await json<{ card: CardView }>(again.request(`/api/cards/${card.id}`))).card).toMatchObject({ question: '重启以后还在吗？', needsReview: false });
  });

  it('keeps an overlay when the notes are re-indexed, and flags it when the note under it changed', async () => {
    const corpus = mkdtempSync(join(tmpdir(), 'mianba-overlay-corpus-'));
    const data = mkdtempSync(join(tmpdir(), 'mianba-overlay-data-'));
    const note = (extra: string) => `# Redis\n\n## Redis 的持久化方式有哪些？\n\n- RDB 快照：fork 子进程把内存数据写成二进制文件\n- AOF 日志：把每条写命令追加到文件${extra}\n\n## 缓存穿透怎么解决？\n\n- 布隆过滤器拦截不存在的 key\n- 缓存空值并设置较短的过期时间\n`;
    writeFileSync(join(corpus, 'redis.md'), note(''));
    const store = new SqliteSessionStore(join(data, 'mianba.sqlite'));
    const prompts = await loadPrompts(join(import.meta.dirname, '..', '..', 'prompts'));
    const config = parseConfig({ MIANBA_CORPUS_DIR: corpus, MIANBA_DATA_DIR: data, MIANBA_RATE_LIMIT_PER_MINUTE: '10000' });
    const serve = async () => {
      const { kb } = await loadKnowledgeBase({ config, progressBar: false });
      const { app } = assembleApp({ kb, prompts, store, config, newId, rateLimiter: new MemoryRateLimiter(10000) });
      return { kb, app };
    };
    try {
      const first = await serve();
      const card = first.kb.cards.find((entry) => entry.question.includes('持久化'));
      if (!card) throw new Error('no persistence card');
      const browser = new Browser(first.app);
      expect((await put(browser, card.id, { keyPoints: [{ text: 'RDB 和 AOF 可以同时开启', weight: 1 }] })).status).toBe(200);

      const reindexed = await serve();
      const carried = new Browser(reindexed.app);
      for (const [name, value] of browser.cookies) carried.cookies.set(name, value);
      expect((await json<{ card: CardView }>(carried.request(`/api/cards/${card.id}`))).card).toMatchObject({ keyPoints: [{ text: 'RDB 和 AOF 可以同时开启', weight: 1 }], needsReview: false });

      const other = first.kb.cards.find((entry) => entry.question.includes('缓存穿透'));
      if (!other) throw new Error('no cache card');
      expect((await put(browser, other.id, { question: '缓存穿透的几种解法？' })).status).toBe(200);

      writeFileSync(join(corpus, 'redis.md'), note('，可以重写压缩').replace('缓存穿透怎么解决？', '如何解决缓存穿透？'));
      const changed = await serve();
      expect(changed.kb.getCard(card.id)?.reference).toContain('重写压缩');
      const later = new Browser(changed.app);
      for (const [name, value] of browser.cookies) later.cookies.set(name, value);
      expect((await json<{ card: CardView }>(later.request(`/api/cards/${card.id}`))).card).toMatchObject({ keyPoints: [{ text: 'RDB 和 AOF 可以同时开启', weight: 1 }], needsReview: true });
      // The reworded question is a new card; the edit of the old one is kept and listed as orphaned until dropped.
      expect(changed.kb.getCard(other.id)).toBeUndefined();
      const listed = await json<{ orphans: Array<{ cardId: string; overlay: { question?: string } }> }>(later.request('/api/cards'));
      expect(listed.orphans).toEqual([expect.objectContaining({ cardId: other.id, overlay: { question: '缓存穿透的几种解法？' } })]);
      const dropped = await revert(later, other.id);
      expect(dropped.status).toBe(200);
      expect(await dropped.json()).toEqual({ card: null });
      expect((await json<{ orphans: unknown[] }>(later.request('/api/cards'))).orphans).toEqual([]);
    } finally {
      await store.close();
      rmSync(corpus, { recursive: true, force: true });
      rmSync(data, { recursive: true, force: true });
    }
  });
});
