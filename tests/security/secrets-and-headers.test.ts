/**
 * Secrets stay secret and the browser is told to be strict: the real Node entry runs as a child
 * process with an API key and an access token, against a fake provider whose errors quote the key
 * (as real providers' 401s do). Neither value may appear in anything the server prints, in any
 * response, or in the web bundle built with them in the environment; every response carries the
 * CSP and hardening headers, and the HTML needs no inline script to work under that CSP.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt } from '../e2e/harness.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.ts';
import { ApiClient, overHttp } from '../faults/support/client.ts';
import { repoRoot, seededDataDir } from '../faults/support/real-app.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import type { SubmitReply } from '../faults/support/session-driver.ts';

const apiKey = `sk-h-secret-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
const accessToken = `h-access-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
const secrets = [apiKey, accessToken];

let fake: FakeOpenAI;
let server: ServerProcess;
let dataDir: string;
/** Every status line, header and body the server sent in this file. */
const seen: string[] = [];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

async function record(response: Response): Promise<string> {
  const body = await response.text();
  seen.push(`${response.status}\n${[...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n')}\n\n${body}`);
  return body;
}

function expectNoSecret(text: string, where: string): void {
  for (const secret of secrets) {
    expect(text.includes(secret), `${where} contains a secret`).toBe(false);
    // Also no recognisable slice of it (a "masked" key still leaks most of it).
    expect(text.includes(secret.slice(4, 20)), `${where} contains part of a secret`).toBe(false);
  }
}

beforeAll(async () => {
  ensureWebBuilt();
  fake = await startFakeOpenAI();
  // What an OpenAI-compatible provider says about a bad key: it quotes the key back.
  fake.setBehaviour({ type: 'error', status: 401, message: `Incorrect API key provided: ${apiKey}. You can find your API key at https://platform.example/account/api-keys.` });
  dataDir = await seededDataDir('mianba-h-secrets-');
  server = await startServerProcess({
    dataDir,
    env: { OPENAI_API_KEY: apiKey, OPENAI_BASE_URL: fake.url, ACCESS_TOKEN: accessToken, MIANBA_LLM_TIMEOUT_MS: '800' },
  });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await fake?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('secrets', () => {
  it('appear in no response and in nothing the server prints, even when the provider quotes the key', async () => {
    const anonymous = new ApiClient(overHttp(server.baseUrl));
    for (const path of ['/api/health', '/api/topics', '/', '/api/sessions', `/api/topics?token=${accessToken}x`]) {
      await record(await anonymous.raw(path));
    }
    const client = new ApiClient(overHttp(server.baseUrl), { authorization: `Bearer ${accessToken}` });
    const requests: [string, RequestInit][] = [
      ['/api/health', {}],
      ['/api/topics', {}],
      ['/api/search?q=redis%20持久化', {}],
      ['/api/grade', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'Redis 为什么快？', answer: '单线程、内存操作、IO 多路复用' }) }],
      ['/api/grade', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{broken' }],
      ['/api/sessions/AAAAAAAAAAAAAAAAAAAAAAAA', {}],
      ['/api/nowhere', {}],
    ];
    for (const [path, init] of requests) await record(await client.raw(path, init));

    const started = await client.raw('/api/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mode: 'practice', questions: 2 }) });
    const session = JSON.parse(await record(started)) as { id: string; message: { turn?: number } };
    let turn = session.message.turn;
    for (const accept of ['application/json', 'text/event-stream']) {
      const reply = await client.raw(`/api/sessions/${session.id}/answers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept },
        body: JSON.stringify({ answer: '我会先说明思路，再分析复杂度。', turn }),
      });
      const text = await record(reply);
      expect(reply.status).toBe(200);
      const done = accept === 'application/json' ? text : (/^event: done\ndata: (.*)$/m.exec(text)?.[1] ?? '{}');
      const parsed = JSON.parse(done) as SubmitReply;
      expect(parsed.grade?.fallback, 'the provider failed and the fallback graded').toBe(true);
      turn = parsed.next.turn;
    }
    for (const path of [`/api/sessions/${session.id}`, `/api/sessions/${session.id}/report`, `/api/sessions/${session.id}/export.md`, '/api/sessions', '/api/drill/due']) {
      await record(await client.raw(path));
    }
    expect(fake.chatRequests().length, 'the provider was really called with the key').toBeGreaterThan(0);
    expect(fake.chatRequests()[0]?.headers.authorization).toBe(`Bearer ${apiKey}`);

    expect(seen.length).toBeGreaterThanOrEqual(20);
    for (const [index, text] of seen.entries()) expectNoSecret(text, `response #${index}`);
    await server.stop();
    expectNoSecret(server.output(), 'server stdout/stderr');
    expect(server.output()).toMatch(/MianBa/);
  });

  it('are not baked into the web bundle, even when set while it is built', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'mianba-h-web-'));
    try {
      const build = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(repoRoot, 'web', 'vite.config.ts'), '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, OPENAI_API_KEY: apiKey, ACCESS_TOKEN: accessToken, VITE_OPENAI_API_KEY: apiKey, VITE_ACCESS_TOKEN: accessToken },
      });
      expect(build.status, build.stderr).toBe(0);
      const files = filesUnder(outDir);
      expect(files.some((file) => file.endsWith('.js'))).toBe(true);
      for (const file of files) expectNoSecret(readFileSync(file, 'latin1'), file);
      for (const file of filesUnder(join(repoRoot, 'web', 'dist'))) {
        expect(readFileSync(file, 'latin1'), `${file} carries no key-shaped string`).not.toMatch(/\bsk-[A-Za-z0-9_-]{16,}/);
      }
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('security headers', () => {
  let headerServer: ServerProcess;
  let headerData: string;
  beforeAll(async () => {
    headerData = await seededDataDir('mianba-h-headers-');
    headerServer = await startServerProcess({ dataDir: headerData });
  }, 120_000);
  afterAll(async () => {
    await headerServer?.stop();
    rmSync(headerData, { recursive: true, force: true });
  });

  it('sends a strict CSP and hardening headers on the HTML, the assets and every API answer', async () => {
    const html = await fetch(`${headerServer.baseUrl}/`);
    const page = await html.text();
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    const assets = [...page.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]!);
    expect(assets.length).toBeGreaterThan(0);
    const responses: [string, Response][] = [['/', html]];
    for (const path of [...assets, '/api/health', '/api/topics', '/api/search?q=', '/api/nowhere', '/session/abc']) {
      responses.push([path, await fetch(`${headerServer.baseUrl}${path}`)]);
    }
    responses.push(['POST /api/grade', await fetch(`${headerServer.baseUrl}/api/grade`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' })]);
    for (const [path, response] of responses) {
      const csp = response.headers.get('content-security-policy') ?? '';
      const directive = (name: string) => new RegExp(`(?:^|;)\\s*${name}\\s+([^;]*)`).exec(csp)?.[1]?.trim();
      expect(directive('default-src'), `${path}: ${csp}`).toBe("'self'");
      expect(directive('script-src'), path).toBe("'self'");
      expect(directive('object-src'), path).toBe("'none'");
      expect(directive('frame-ancestors'), path).toBe("'none'");
      expect(directive('base-uri'), path).toBe("'self'");
      expect(csp, path).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
    // Under that CSP the page must not depend on inline code.
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(page).not.toMatch(/\son[a-z]+\s*=/i);
    expect(page).not.toMatch(/javascript:/i);
  });
});
