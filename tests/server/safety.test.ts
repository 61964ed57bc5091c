import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { makeHarness, parseSse, referenceAnswer, removeTempDirs, type Harness } from './app-harness.ts';

let harness: Harness;
afterEach(async () => harness?.close());
afterAll(removeTempDirs);

describe('ACCESS_TOKEN gate', () => {
  const token = 'correct-horse-battery-staple';

  it('answers 401 JSON without the token, while health stays open and data-free', async () => {
    harness = await makeHarness({ env: { ACCESS_TOKEN: token } });
    const browser = harness.browser();
    for (const path of ['/api/topics', '/api/sessions', '/api/search?q=redis', '/']) {
      const response = await browser.request(path);
      expect(response.status, path).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'unauthorized' } });
    }
    const wrong = await browser.request('/api/topics', { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const health = await browser.request('/api/health');
    expect(health.status).toBe(200);
    expect(await health.json(), 'without the token health says only that it is up').toEqual({ ok: true });
  });

  it('accepts a Bearer header, or ?token= once and then its cookie', async () => {
    harness = await makeHarness({ env: { ACCESS_TOKEN: token } });
    const api = harness.browser();
    expect((await api.request('/api/topics', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);

    const browser = harness.browser();
    const visit = await browser.request(`/api/topics?token=${token}`);
    expect(visit.status).toBe(200);
    const accessCookie = browser.lastSetCookie.find((line) => line.startsWith('mianba_access='));
    expect(accessCookie).toMatch(/HttpOnly/);
    expect(accessCookie).not.toContain(token);
    expect((await browser.request('/api/sessions')).status).toBe(200);

    // A page visit with ?token= is redirected to the same page without it.
    const page = await harness.browser().request(`/drill?token=${token}&x=1`);
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/drill?x=1');
  });
});

describe('rate limit', () => {
  it('answers 429 JSON with Retry-After once a client spends its budget, per client', async () => {
    harness = await makeHarness({ env: { MIANBA_RATE_LIMIT_PER_MINUTE: '3' }, clientAddress: (c) => c.req.header('x-test-client') });
    const browser = harness.browser();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await browser.request('/api/topics', { headers: { 'x-test-client': 'a' } })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await browser.request('/api/topics', { headers: { 'x-test-client': 'a' } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect((await browser.request('/api/topics', { headers: { 'x-test-client': 'b' } })).status).toBe(200);
    expect((await browser.request('/api/health', { headers: { 'x-test-client': 'a' } })).status).toBe(200);
  });
});

describe('secure headers', () => {
  it('sends a strict CSP and companions on API and page responses', async () => {
    harness = await makeHarness({ staticAssets: async (c) => c.html('<!doctype html><script type="module" src="/assets/app.js"></script>') });
    for (const path of ['/api/health', '/', '/api/nope']) {
      const response = await harness.browser().request(path);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
  });
});

describe('SSE streaming', () => {
  it('streams the opening line as token events and ends with done carrying the JSON body', async () => {
    harness = await makeHarness();
    const browser = harness.browser();
    const response = await browser.post('/api/sessions', { mode: 'practice', questions: 2 }, { accept: 'text/event-stream' });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = parseSse(await response.text());
    const done = events.at(-1);
    expect(done?.event).toBe('done');
    const body = JSON.parse(done?.data ?? '{}') as { id: string; message: { text: string; questionId: string } };
    const tokens = events.filter((event) => event.event === 'token').map((event) => event.data);
    expect(tokens.length).toBeGreaterThan(1);
    expect(tokens.join('')).toBe(body.message.text);

    const answer = await browser.post(`/api/sessions/${body.id}/answers`, { answer: referenceAnswer(harness.kb, body.message.questionId) }, { accept: 'text/event-stream' });
    expect(answer.status).toBe(200);
    const answerEvents = parseSse(await answer.text());
    const final = JSON.parse(answerEvents.at(-1)?.data ?? '{}') as { grade: { score: number }; next: { text: string } };
    expect(answerEvents.at(-1)?.event).toBe('done');
    expect(final.grade.score).toBeGreaterThan(0);
    expect(answerEvents.filter((e) => e.event === 'token').map((e) => e.data).join('')).toBe(final.next.text);
    // The streamed answer was committed like a JSON one.
    expect((await harness.store.listTurns(body.id)).filter((turn) => turn.kind === 'answer')).toHaveLength(1);
  });

  it('reports plain failures with real statuses and in-stream failures as an error event', async () => {
    harness = await makeHarness();
    const browser = harness.browser();
    const notMine = await browser.post('/api/sessions/aaaaaaaaaaaaaaaaaaaaaaaa/answers', { answer: 'x' }, { accept: 'text/event-stream' });
    expect(notMine.status).toBe(404);
    const created = (await (await browser.post('/api/sessions', { mode: 'practice', questions: 2 })).json()) as { id: string };
    harness.store['db'].prepare('UPDATE sessions SET state = ? WHERE id = ?').run('"garbage"', created.id);
    const broken = await browser.post(`/api/sessions/${created.id}/answers`, { answer: '一个回答' }, { accept: 'text/event-stream' });
    const events = parseSse(await broken.text());
    expect(events.map((e) => e.event)).toEqual(['error']);
    expect(JSON.parse(events[0]?.data ?? '{}')).toEqual({ error: { code: 'internal', message: expect.any(String) } });
    expect(events[0]?.data).not.toMatch(/\.ts:\d+/);
  });
});

describe('persistence across restarts', () => {
  it('a new app over the same SQLite file resumes the session where it stopped', async () => {
    harness = await makeHarness();
    const browser = harness.browser();
    const created = (await (await browser.post('/api/sessions', { mode: 'interview', questions: 2 })).json()) as { id: string };
    const first = await browser.post(`/api/sessions/${created.id}/answers`, { answer: '我做过两年后端开发，主要写 Go 和 Redis。' });
    expect(first.status).toBe(200);
    const before = (await (await browser.request(`/api/sessions/${created.id}`)).json()) as { turns: unknown[]; pending: unknown };
    await harness.close();

    // The restarted server: new store, new engine, new app, same file and the same browser cookies.
    harness = await makeHarness({ databaseFile: harness.databaseFile });
    const reopened = harness.browser();
    for (const [name, value] of browser.cookies) reopened.cookies.set(name, value);
    const after = (await (await reopened.request(`/api/sessions/${created.id}`)).json()) as { turns: unknown[]; pending: unknown };
    expect(after.turns).toEqual(before.turns);
    expect(after.pending).toEqual(before.pending);
    const resumed = await reopened.post(`/api/sessions/${created.id}/answers`, { action: 'skip' });
    expect(resumed.status).toBe(200);
    expect(await harness.store.listTurns(created.id)).toHaveLength(before.turns.length + 2);
    expect(harness.store.integrityCheck()).toBe('ok');
  });
});
