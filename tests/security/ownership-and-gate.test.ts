/**
 * Who may see what: another owner's session is a 404 on every session route (JSON and SSE), and
 * with ACCESS_TOKEN set every route except the documented public health check needs the token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt } from '../e2e/harness.ts';
import { ApiClient, inProcess, isErrorBody } from '../faults/support/client.ts';
import { makeRealApp, removeRealAppTempDirs, type RealApp } from '../faults/support/real-app.ts';
import { answerFor, startSession, submit, transcript } from '../faults/support/session-driver.ts';
import { seededRandom } from '../support/seeded-random.ts';

afterAll(() => removeRealAppTempDirs());

describe('cross-owner access', () => {
  let real: RealApp;
  beforeAll(async () => {
    real = await makeRealApp();
  });
  afterAll(() => real.close());

  it('answers 404 on every session route, leaks nothing and changes nothing', async () => {
    const owner = new ApiClient(inProcess(real.app));
    const random = seededRandom(5);
    const sessions: string[] = [];
    for (const mode of ['interview', 'practice', 'drill'] as const) {
      const session = await startSession(owner, { mode, questions: 3 });
      const reply = await submit(owner, session.id, { answer: answerFor(real.kb, session.message.questionId, `OWN-${mode}`, random) });
      expect(reply.status).toBe(200);
      sessions.push(session.id);
    }
    const ownerToken = owner.cookies.get('mianba_owner') ?? '';
    expect(ownerToken).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    for (const id of sessions) expect(id, 'session ids carry at least 128 random bits').toMatch(/^[A-Za-z0-9_-]{22,}$/);

    const intruders: { name: string; client: ApiClient }[] = [
      { name: 'another browser', client: new ApiClient(inProcess(real.app)) },
      { name: 'no cookie at all', client: new ApiClient(inProcess(real.app)) },
      { name: 'a forged short owner token', client: new ApiClient(inProcess(real.app), { cookie: 'mianba_owner=aaaaaaaaaa' }) },
      { name: 'an owner token with a different case', client: new ApiClient(inProcess(real.app), { cookie: `mianba_owner=${ownerToken.toUpperCase()}` }) },
      { name: 'the owner token as a bearer header', client: new ApiClient(inProcess(real.app), { authorization: `Bearer ${ownerToken}` }) },
    ];
    await intruders[0]!.client.get('/api/sessions');
    for (const { name, client } of intruders) {
      for (const id of sessions) {
        const attempts = [
          client.get(`/api/sessions/${id}`),
          client.get(`/api/sessions/${id}/report`),
          client.get(`/api/sessions/${id}/export.md`),
          client.post(`/api/sessions/${id}/answers`, { answer: 'INTRUDER answer' }),
          client.post(`/api/sessions/${id}/answers`, { action: 'skip' }),
          client.post(`/api/sessions/${id}/answers`, { action: 'hint' }),
          client.post(`/api/sessions/${id}/answers`, { answer: 'INTRUDER over SSE' }, { accept: 'text/event-stream' }),
        ];
        for (const response of await Promise.all(attempts)) {
          expect(response.status, `${name} on ${id}`).toBe(404);
          expect(isErrorBody(response.body), `${name}: error JSON, not a stream or a transcript`).toBe(true);
          expect(JSON.stringify(response.body)).not.toContain('OWN-');
        }
      }
      const history = await client.get<{ sessions: { id: string }[] }>('/api/sessions');
      expect(history.status).toBe(200);
      expect(history.body.sessions.map((session) => session.id).filter((id) => sessions.includes(id)), `${name} sees no foreign history`).toEqual([]);
      const due = await client.get<{ questions: unknown[] }>('/api/drill/due');
      expect(due.status).toBe(200);
      expect(due.body.questions, `${name} sees no foreign review cards`).toEqual([]);
    }
    // A missing session looks exactly like a foreign one.
    const missing = await intruders[0]!.client.get('/api/sessions/AAAAAAAAAAAAAAAAAAAAAAAA');
    const foreign = await intruders[0]!.client.get(`/api/sessions/${sessions[0]}`);
    expect(missing.status).toBe(foreign.status);
    expect(missing.body).toEqual(foreign.body);

    for (const id of sessions) {
      const own = await transcript(owner, id);
      expect(own.turns.filter((turn) => turn.role === 'candidate')).toHaveLength(1);
      expect(JSON.stringify(own.turns)).not.toContain('INTRUDER');
    }
  });

  it('gives the owner cookie HttpOnly and SameSite, so scripts and other sites cannot carry it', async () => {
    const response = await real.app.request('/api/sessions');
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('mianba_owner='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=(Lax|Strict)/i);
    const overHttps = await real.app.request('https://mianba.example/api/sessions');
    expect(overHttps.headers.getSetCookie().find((line) => line.startsWith('__Host-mianba_owner='))).toMatch(/Secure/i);
  });
});

describe('ACCESS_TOKEN', () => {
  const token = 'h-gate-token-5f1c9e27b6a04d8d';
  let gated: RealApp;
  beforeAll(async () => {
    ensureWebBuilt();
    // Each attempt comes from its own address, so the wrong-token budget (tested elsewhere) never runs out here.
    gated = await makeRealApp({ env: { ACCESS_TOKEN: token }, web: true, clientAddress: (c) => c.req.header('x-test-client') });
  });
  afterAll(() => gated.close());

  const routes: { method: 'GET' | 'POST'; path: string; body?: unknown }[] = [
    { method: 'GET', path: '/api/topics' },
    { method: 'GET', path: '/api/search?q=redis' },
    { method: 'POST', path: '/api/grade', body: { question: 'Redis 为什么快？', answer: '单线程' } },
    { method: 'POST', path: '/api/sessions', body: { mode: 'practice', questions: 1 } },
    { method: 'GET', path: '/api/sessions' },
    { method: 'GET', path: '/api/sessions/AAAAAAAAAAAAAAAAAAAAAAAA' },
    { method: 'GET', path: '/api/sessions/AAAAAAAAAAAAAAAAAAAAAAAA/report' },
    { method: 'GET', path: '/api/sessions/AAAAAAAAAAAAAAAAAAAAAAAA/export.md' },
    { method: 'POST', path: '/api/sessions/AAAAAAAAAAAAAAAAAAAAAAAA/answers', body: { answer: 'x' } },
    { method: 'GET', path: '/api/drill/due' },
    { method: 'GET', path: '/api/no-such-route' },
    { method: 'GET', path: '/' },
    { method: 'GET', path: '/index.html' },
    { method: 'GET', path: '/favicon.svg' },
  ];

  let attempt = 0;
  const send = (client: ApiClient, route: (typeof routes)[number], headers: Record<string, string> = {}) => {
    const from = { 'x-test-client': `10.9.${attempt >> 8}.${attempt++ & 255}`, ...headers };
    return route.method === 'GET' ? client.get(route.path, from) : client.post(route.path, route.body, from);
  };

  it('refuses every route but the public health check without the token', async () => {
    for (const route of routes) {
      const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer wrong-token' }, { authorization: `Basic ${token}` }, { cookie: 'mianba_access=forged' }, { authorization: `Bearer ${token}x` }];
      for (const headers of attempts) {
        const response = await send(new ApiClient(inProcess(gated.app)), route, headers);
        expect(response.status, `${route.method} ${route.path} with ${JSON.stringify(headers)}`).toBe(401);
        expect(isErrorBody(response.body)).toBe(true);
        expect(JSON.stringify(response.body)).not.toContain(token);
      }
    }
    const wrongQuery = await new ApiClient(inProcess(gated.app)).get('/api/topics?token=nope');
    expect(wrongQuery.status).toBe(401);
    const health = await new ApiClient(inProcess(gated.app)).get<{ ok: boolean }>('/api/health');
    expect(health.status).toBe(200);
    expect(health.body.ok).toBe(true);
  });

  it('lets the token in by bearer header, by ?token= (then by its cookie alone), and never echoes it', async () => {
    for (const route of routes) {
      const response = await send(new ApiClient(inProcess(gated.app)), route, { authorization: `Bearer ${token}` });
      expect(response.status, `${route.method} ${route.path}`).not.toBe(401);
      expect(response.status).toBeLessThan(500);
    }
    const browser = new ApiClient(inProcess(gated.app));
    const visit = await browser.raw(`/?token=${token}`);
    expect(visit.status, 'the token leaves the address bar').toBe(302);
    expect(visit.headers.get('location')).not.toContain(token);
    const accessCookie = visit.headers.getSetCookie().find((line) => line.startsWith('mianba_access='));
    expect(accessCookie).toMatch(/HttpOnly/i);
    expect(accessCookie).not.toContain(token);
    for (const route of routes) {
      const response = await send(browser, route);
      expect(response.status, `${route.method} ${route.path} with the access cookie`).not.toBe(401);
      expect(JSON.stringify(response.body)).not.toContain(token);
    }
  });
});
