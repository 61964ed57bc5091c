/**
 * Issue 12, finding 2, in process: which state-changing requests the cross-site guard lets in and
 * which it refuses (403 in the error shape, nothing written), the owner cookie's attributes and
 * prefix, and refusing a request that carries two owner cookies. The same attacks in real
 * Chromium are in cross-site-browser.test.ts, and on the Worker in tests/workers/worker-http.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, inProcess, isErrorBody } from '../faults/support/client.ts';
import { makeRealApp, removeRealAppTempDirs, type RealApp } from '../faults/support/real-app.ts';

let real: RealApp;
beforeAll(async () => {
  real = await makeRealApp();
});
afterAll(() => {
  real.close();
  removeRealAppTempDirs();
});

const start = JSON.stringify({ mode: 'practice', questions: 1 });

async function historyOf(client: ApiClient): Promise<number> {
  const history = await client.get<{ sessions: unknown[] }>('/api/sessions');
  return history.body.sessions.length;
}

describe('state-changing requests', () => {
  it('are let in as JSON from the app itself, or from a non-browser client that sends neither Origin nor Sec-Fetch-Site', async () => {
    const allowed: { name: string; url: string; headers: Record<string, string> }[] = [
      { name: 'curl-like client', url: '/api/sessions', headers: { 'content-type': 'application/json' } },
      { name: 'JSON with charset', url: '/api/sessions', headers: { 'content-type': 'application/json; charset=utf-8' } },
      { name: 'same Origin', url: '/api/sessions', headers: { 'content-type': 'application/json', origin: 'http://localhost' } },
      { name: 'Sec-Fetch-Site same-origin', url: '/api/sessions', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' } },
      {
        name: 'same Origin through a TLS proxy',
        url: 'http://mianba.example/api/sessions',
        headers: { 'content-type': 'application/json', origin: 'https://mianba.example', 'x-forwarded-proto': 'https' },
      },
      { name: 'same Origin on a port', url: 'http://127.0.0.1:8787/api/sessions', headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:8787' } },
    ];
    for (const { name, url, headers } of allowed) {
      const client = new ApiClient(inProcess(real.app));
      const response = await client.json(url, { method: 'POST', headers, body: start });
      expect(response.status, name).toBe(201);
    }
  });

  it('are refused with 403 JSON, and change nothing, when they are not JSON or come from another site', async () => {
    const refused: { name: string; url?: string; headers: Record<string, string> }[] = [
      { name: 'text/plain (a no-cors fetch)', headers: { 'content-type': 'text/plain;charset=UTF-8' } },
      { name: 'a form', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      { name: 'multipart', headers: { 'content-type': 'multipart/form-data; boundary=x' } },
      { name: 'no content type', headers: {} },
      { name: 'JSON-looking type', headers: { 'content-type': 'application/jsonp' } },
      { name: 'another port', headers: { 'content-type': 'application/json', origin: 'http://localhost:8788' } },
      { name: 'another host', headers: { 'content-type': 'application/json', origin: 'http://evil.example' } },
      { name: 'http page to the https app', url: 'https://mianba.example/api/sessions', headers: { 'content-type': 'application/json', origin: 'http://mianba.example' } },
      { name: 'opaque origin', headers: { 'content-type': 'application/json', origin: 'null' } },
      { name: 'Sec-Fetch-Site cross-site', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' } },
      { name: 'Sec-Fetch-Site same-site (a sibling port)', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-site' } },
      { name: 'Sec-Fetch-Site none', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'none' } },
      { name: 'browser verdict beats a matching Origin', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site', origin: 'http://localhost' } },
    ];
    const victim = new ApiClient(inProcess(real.app));
    const session = await victim.post<{ id: string }>('/api/sessions', { mode: 'practice', questions: 2 });
    expect(session.status).toBe(201);
    for (const { name, url, headers } of refused) {
      for (const path of ['/api/sessions', `/api/sessions/${session.body.id}/answers`, '/api/grade']) {
        const target = url ?? path;
        const body = path.endsWith('/answers') ? JSON.stringify({ answer: 'FORGED' }) : path === '/api/grade' ? JSON.stringify({ question: 'q', answer: 'a' }) : start;
        const response = await victim.json(target, { method: 'POST', headers, body });
        expect(response.status, `${name} → ${target}`).toBe(403);
        expect(isErrorBody(response.body), name).toBe(true);
        expect(response.body).toMatchObject({ error: { code: 'forbidden' } });
      }
    }
    expect(await historyOf(victim), 'no session was created').toBe(1);
    const transcript = await victim.get<{ turns: { text: string }[] }>(`/api/sessions/${session.body.id}`);
    expect(JSON.stringify(transcript.body)).not.toContain('FORGED');
  });

  it('leaves reads alone: GET and HEAD from anywhere answer as before', async () => {
    const client = new ApiClient(inProcess(real.app));
    expect((await client.get('/api/topics', { 'sec-fetch-site': 'cross-site', origin: 'http://evil.example' })).status).toBe(200);
  });
});

describe('owner cookie', () => {
  it('is HttpOnly and SameSite=Lax everywhere, and __Host- prefixed and Secure over https', async () => {
    const overHttp = await real.app.request('/api/sessions');
    const plain = overHttp.headers.getSetCookie().find((line) => line.startsWith('mianba_owner='));
    expect(plain).toMatch(/HttpOnly/);
    expect(plain).toMatch(/SameSite=Lax/);
    const overHttps = await real.app.request('https://mianba.example/api/sessions');
    const prefixed = overHttps.headers.getSetCookie().find((line) => line.startsWith('__Host-mianba_owner='));
    expect(prefixed).toMatch(/HttpOnly/);
    expect(prefixed).toMatch(/SameSite=Lax/);
    expect(prefixed).toMatch(/Secure/);
    expect(prefixed).toMatch(/Path=\/(;|$)/);
    // Over https an unprefixed cookie (which a plain-http page could have planted) is ignored.
    const victim = new ApiClient(inProcess(real.app));
    const created = await victim.json<{ id: string }>('https://mianba.example/api/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'mianba_owner=ATTACKERATTACKERATTACKER1' },
      body: start,
    });
    expect(created.status).toBe(201);
    const attacker = new ApiClient(inProcess(real.app), { cookie: 'mianba_owner=ATTACKERATTACKERATTACKER1' });
    expect(await historyOf(attacker)).toBe(0);
  });

  it('refuses a request carrying two owner cookies, expires the planted one, and stores nothing under either', async () => {
    const victim = new ApiClient(inProcess(real.app));
    expect((await victim.post('/api/sessions', { mode: 'practice', questions: 1 })).status).toBe(201);
    const own = victim.cookies.get('mianba_owner') ?? '';
    const planted = 'ATTACKERATTACKERATTACKER2';
    // What the browser sends once a page on another port set `mianba_owner=…; path=/api`: the
    // longer path first.
    const both = `mianba_owner=${planted}; mianba_owner=${own}`;
    const refused = await victim.json('/api/sessions', { method: 'POST', headers: { 'content-type': 'application/json', cookie: both }, body: start });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'forbidden' } });
    const expiries = refused.headers.getSetCookie();
    expect(expiries.some((line) => /^mianba_owner=;/.test(line) && /Max-Age=0/.test(line) && /Path=\/api(;|$)/.test(line))).toBe(true);
    expect(expiries.some((line) => /Path=\/(;|$)/.test(line)), 'the real cookie on / is kept').toBe(false);
    expect((await victim.get('/api/sessions', { cookie: both })).status, 'reads are refused too: they would show the planted owner').toBe(403);

    const attacker = new ApiClient(inProcess(real.app), { cookie: `mianba_owner=${planted}` });
    expect(await historyOf(attacker)).toBe(0);
    // (ApiClient's jar ignores cookie paths, so the victim is replayed with its real cookie alone.)
    expect(await historyOf(new ApiClient(inProcess(real.app), { cookie: `mianba_owner=${own}` }))).toBe(1);
  });
});
