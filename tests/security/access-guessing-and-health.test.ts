/**
 * Issue 12, findings 1 and 4. Wrong access tokens are limited per client before the gate compares
 * anything (429 with Retry-After), while a right token passes at once; and /api/health names the
 * mode and whether the provider answered, never its host, and says only `ok` to a client without
 * the token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, inProcess, isErrorBody, overHttp } from '../faults/support/client.ts';
import { makeRealApp, removeRealAppTempDirs, seededDataDir } from '../faults/support/real-app.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.ts';
import { startServerProcess } from '../support/server-process.ts';
import { rmSync } from 'node:fs';

const token = 'h-guess-token-8c1d2e7f9a';
const fromClient = (address: string, headers: Record<string, string> = {}) => ({ 'x-test-client': address, ...headers });

afterAll(() => removeRealAppTempDirs());

describe('wrong access tokens', () => {
  it('600 wrong tokens in a burst over real sockets: a few 401s, then 429 with Retry-After; another client with the token passes at once', async () => {
    const dataDir = await seededDataDir('mianba-h-guess-');
    // One trusted proxy hop, so X-Forwarded-For tells the attacker and the owner apart on 127.0.0.1.
    const server = await startServerProcess({ dataDir, env: { ACCESS_TOKEN: token, MIANBA_TRUSTED_PROXY_HOPS: '1' } });
    try {
      const statuses = new Map<number, number>();
      const retryAfter: number[] = [];
      const started = Date.now();
      for (let batch = 0; batch < 30; batch += 1) {
        const responses = await Promise.all(
          Array.from({ length: 20 }, (_, index) =>
            fetch(`${server.baseUrl}/api/topics`, {
              headers: { authorization: `Bearer guess-${batch}-${index}`, 'x-forwarded-for': '203.0.113.66' },
            }),
          ),
        );
        for (const response of responses) {
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const body = (await response.json()) as unknown;
          expect(isErrorBody(body)).toBe(true);
          if (response.status === 429) retryAfter.push(Number(response.headers.get('retry-after')));
        }
      }
      expect(Date.now() - started, 'the burst took seconds, like the attack').toBeLessThan(20_000);
      expect(statuses.get(401), 'wrong tokens compared before the budget ran out').toBe(10);
      expect(statuses.get(429)).toBe(590);
      expect(Math.min(...retryAfter)).toBeGreaterThanOrEqual(1);

      const owner = await fetch(`${server.baseUrl}/api/topics`, { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': '198.51.100.7' } });
      expect(owner.status, 'a right token from another client is not held up').toBe(200);
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('counts wrong bearer, query and cookie tokens alike, never a right one, and refuses even a right one once out of budget', async () => {
    const gated = await makeRealApp({ env: { ACCESS_TOKEN: token }, clientAddress: (c) => c.req.header('x-test-client') });
    try {
      const client = new ApiClient(inProcess(gated.app));
      const typos = [
        fromClient('10.0.0.1', { authorization: 'Bearer typo' }),
        fromClient('10.0.0.1', { cookie: 'mianba_access=stale' }),
      ];
      for (let attempt = 0; attempt < 3; attempt += 1) {
        for (const headers of typos) expect((await client.get('/api/topics', headers)).status).toBe(401);
        expect((await client.get('/api/topics?token=typo', fromClient('10.0.0.1'))).status).toBe(401);
      }
      // Nine wrong so far: right tokens go through, any number of times, and cost nothing.
      for (let attempt = 0; attempt < 20; attempt += 1) {
        expect((await client.get('/api/topics', fromClient('10.0.0.1', { authorization: `Bearer ${token}` }))).status).toBe(200);
      }
      expect((await client.get('/api/topics', fromClient('10.0.0.1', { authorization: 'Bearer tenth' }))).status).toBe(401);
      const refused = await client.get('/api/topics', fromClient('10.0.0.1', { authorization: `Bearer ${token}` }));
      expect(refused.status, 'out of budget, even the right token is not compared').toBe(429);
      expect(refused.body).toMatchObject({ error: { code: 'rate_limited' } });
      expect(Number(refused.headers.get('retry-after'))).toBe(60);
      expect((await client.get('/api/health', fromClient('10.0.0.1'))).status, 'probes still see the server up').toBe(200);
      expect((await client.get('/api/topics', fromClient('10.0.0.2', { authorization: `Bearer ${token}` }))).status).toBe(200);
    } finally {
      gated.close();
    }
  });

  it('expires a stale access cookie (the token was changed), so the browser does not spend the budget on every request', async () => {
    const gated = await makeRealApp({ env: { ACCESS_TOKEN: token }, clientAddress: (c) => c.req.header('x-test-client') });
    try {
      const overHttp = await gated.app.request('/api/topics', { headers: fromClient('10.0.1.1', { cookie: 'mianba_access=stale' }) });
      expect(overHttp.status).toBe(401);
      expect(overHttp.headers.getSetCookie().find((line) => line.startsWith('mianba_access='))).toMatch(/^mianba_access=; Max-Age=0; Path=\//);
      const overHttps = await gated.app.request('https://mianba.example/api/topics', { headers: fromClient('10.0.1.2', { cookie: '__Host-mianba_access=stale' }) });
      expect(overHttps.status).toBe(401);
      const expiry = overHttps.headers.getSetCookie().find((line) => line.startsWith('__Host-mianba_access='));
      expect(expiry, 'a __Host- cookie is only dropped by a Set-Cookie with Secure and Path=/').toMatch(/^__Host-mianba_access=; Max-Age=0; Path=\/;.*Secure/);
    } finally {
      gated.close();
    }
  });

  it('keys IPv6 clients by /64, so one subscriber cannot rotate addresses for more guesses', async () => {
    const gated = await makeRealApp({ env: { ACCESS_TOKEN: token }, clientAddress: (c) => c.req.header('x-test-client') });
    try {
      const client = new ApiClient(inProcess(gated.app));
      const statuses: number[] = [];
      for (let host = 1; host <= 12; host += 1) {
        statuses.push((await client.get('/api/topics', fromClient(`2001:db8:5:6::${host.toString(16)}`, { authorization: 'Bearer guess' }))).status);
      }
      expect(statuses.filter((status) => status === 401)).toHaveLength(10);
      expect(statuses.slice(10)).toEqual([429, 429]);
    } finally {
      gated.close();
    }
  });
});

describe('/api/health', () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(async () => fake.close());

  it('behind ACCESS_TOKEN says only ok without the token; with it, the mode and whether the provider answered, never its host', async () => {
    const gated = await makeRealApp({ env: { ACCESS_TOKEN: token, OPENAI_API_KEY: 'sk-h-health', OPENAI_BASE_URL: fake.url, MIANBA_LLM_TIMEOUT_MS: '2000' } });
    try {
      const host = new URL(fake.url).host;
      const anonymous = await new ApiClient(inProcess(gated.app)).get('/api/health');
      expect(anonymous.status).toBe(200);
      expect(anonymous.body).toEqual({ ok: true });
      const wrong = await new ApiClient(inProcess(gated.app)).get('/api/health', { authorization: 'Bearer nope' });
      expect(wrong.body).toEqual({ ok: true });

      const owner = new ApiClient(inProcess(gated.app), { authorization: `Bearer ${token}` });
      const before = await owner.get<{ mode: string; reason: string; provider: unknown }>('/api/health');
      expect(before.body).toMatchObject({ ok: true, mode: 'llm', provider: { answered: null } });
      expect(JSON.stringify(before.body)).not.toContain(host);
      expect(JSON.stringify(before.body)).not.toContain(String(new URL(fake.url).port));
      expect(JSON.stringify(before.body)).not.toContain('127.0.0.1');

      fake.setBehaviour({ type: 'reply', content: JSON.stringify({ keyPoints: [], score: 7, strengths: [], gaps: [], feedback: '不错' }) });
      expect((await owner.post('/api/grade', { question: 'Redis 为什么快？', answer: '基于内存，单线程，IO 多路复用' })).status).toBe(200);
      const answered = await owner.get('/api/health');
      expect(answered.body).toMatchObject({ provider: { answered: true } });

      fake.setBehaviour({ type: 'error', status: 503 });
      expect((await owner.post('/api/grade', { question: 'Redis 为什么快？', answer: '基于内存' })).status).toBe(200);
      const failed = await owner.get('/api/health');
      expect(failed.body).toMatchObject({ ok: true, mode: 'llm', provider: { answered: false, failure: 'http' } });
      expect(JSON.stringify(failed.body)).not.toContain(host);
    } finally {
      gated.close();
    }
  });

  it('without a gate reports the mode but not the host either', async () => {
    const open = await makeRealApp({ env: { OPENAI_API_KEY: 'sk-h-health', OPENAI_BASE_URL: fake.url } });
    try {
      const health = await new ApiClient(inProcess(open.app)).get<{ mode: string; reason: string }>('/api/health');
      expect(health.body.mode).toBe('llm');
      expect(health.body.reason).toMatch(/LLM mode/);
      expect(JSON.stringify(health.body)).not.toContain(new URL(fake.url).host);
    } finally {
      open.close();
    }
  });

  it('over a real socket, a gated server answers probes with exactly {"ok":true}', async () => {
    const dataDir = await seededDataDir('mianba-h-health-');
    const server = await startServerProcess({ dataDir, env: { ACCESS_TOKEN: token, OPENAI_API_KEY: 'sk-h-health', OPENAI_BASE_URL: fake.url } });
    try {
      const probe = await new ApiClient(overHttp(server.baseUrl)).get('/api/health');
      expect(probe.body).toEqual({ ok: true });
      expect(server.output(), 'the operator still sees where the LLM is').toContain(new URL(fake.url).host);
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
