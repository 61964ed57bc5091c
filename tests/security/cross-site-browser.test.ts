/**
 * Issue 12, finding 2, replayed in real Chromium: a page on another port of the same host (so
 * "same-site", and the victim's SameSite=Lax cookies go along) tries to write into the victim's
 * MianBa with no-cors fetches and a text/plain form, then plants its own owner cookie on /api to
 * capture the victim's next session. None of it may land.
 */
import { createServer, type Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, startServer, type RunningServer } from '../e2e/harness.ts';
import { freePort } from '../support/server-process.ts';

let server: RunningServer;
let browser: Browser;
let attackerSite: Server;
let attackerUrl: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const port = await freePort();
  attackerUrl = `http://127.0.0.1:${port}/`;
  attackerSite = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>free mock interviews</title><iframe name="sink"></iframe>');
  });
  await new Promise<void>((listening) => attackerSite.listen(port, '127.0.0.1', listening));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((closed) => attackerSite?.close(closed));
});

/** A same-origin API call from the victim's own MianBa tab, as the web app makes it. */
function fromApp(page: Page, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; text: string }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        credentials: 'same-origin',
        ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      });
      return { status: response.status, text: await response.text() };
    },
    { method, path, body },
  );
}

async function sessionCount(page: Page): Promise<number> {
  const history = await fromApp(page, 'GET', '/api/sessions');
  expect(history.status).toBe(200);
  return (JSON.parse(history.text) as { sessions: unknown[] }).sessions.length;
}

it('a page on another port cannot create sessions in the victim’s history, nor capture them with a planted cookie', async () => {
  const context = await browser.newContext();
  try {
    const victim = await context.newPage();
    await victim.goto(server.baseUrl);
    expect((await fromApp(victim, 'POST', '/api/sessions', { mode: 'practice', questions: 1 })).status).toBe(201);
    expect(await sessionCount(victim)).toBe(1);

    const attacker = await context.newPage();
    await attacker.goto(attackerUrl);
    await attacker.evaluate(async (target) => {
      const forged = JSON.stringify({ mode: 'practice', questions: 1 });
      // Simple requests need no preflight, so they reach the server; only the response is
      // withheld from this page (Cross-Origin-Resource-Policy makes the fetch reject).
      const ignore = () => undefined;
      await fetch(`${target}/api/sessions`, { method: 'POST', mode: 'no-cors', credentials: 'include', body: forged }).catch(ignore);
      await fetch(`${target}/api/sessions`, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: forged }).catch(ignore);
      await fetch(`${target}/api/grade`, { method: 'POST', mode: 'no-cors', credentials: 'include', body: JSON.stringify({ question: 'q', answer: 'a' }) }).catch(ignore);
      // A JSON request needs a preflight, which the app never grants.
      await fetch(`${target}/api/sessions`, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: forged }).catch(ignore);
      // A text/plain form whose single field makes the body valid JSON.
      const form = document.createElement('form');
      form.method = 'POST';
      form.action = `${target}/api/sessions`;
      form.enctype = 'text/plain';
      form.target = 'sink';
      const field = document.createElement('input');
      field.name = '{"mode":"practice","questions":1,"x":"';
      field.value = '"}';
      form.append(field);
      document.body.append(form);
      const loaded = new Promise((done) => document.querySelector('iframe')!.addEventListener('load', done, { once: true }));
      form.submit();
      await loaded;
    }, server.baseUrl);
    expect(await sessionCount(victim), 'no forged session in the victim’s history').toBe(1);

    // The attacker's page now plants its own owner id on /api, which the browser sends first.
    const attackerOwner = 'ATTACKERxATTACKERxATTACK';
    await attacker.evaluate((owner) => {
      document.cookie = `mianba_owner=${owner}; path=/api`;
    }, attackerOwner);
    const planted = await fromApp(victim, 'POST', '/api/sessions', { mode: 'practice', questions: 1 });
    expect(planted.status, planted.text).toBe(403);
    expect(JSON.parse(planted.text)).toMatchObject({ error: { code: 'forbidden' } });
    expect((await context.cookies(server.baseUrl)).filter((cookie) => cookie.name === 'mianba_owner'), 'the planted copy was expired').toHaveLength(1);

    const retried = await fromApp(victim, 'POST', '/api/sessions', { mode: 'practice', questions: 1 });
    expect(retried.status).toBe(201);
    const session = JSON.parse(retried.text) as { id: string };
    expect((await fromApp(victim, 'POST', `/api/sessions/${session.id}/answers`, { answer: 'VICTIM-ANSWER 单线程 IO 多路复用' })).status).toBe(200);
    expect(await sessionCount(victim)).toBe(2);

    const attackerView = await fetch(`${server.baseUrl}/api/sessions`, { headers: { cookie: `mianba_owner=${attackerOwner}` } });
    const attackerHistory = (await attackerView.json()) as { sessions: { id: string }[] };
    expect(attackerHistory.sessions, 'the attacker reads back nothing').toEqual([]);
  } finally {
    await context.close();
  }
}, 120_000);
