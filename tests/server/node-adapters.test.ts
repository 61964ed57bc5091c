import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/adapters/node/ids.ts';
import { loadPrompts } from '../../src/adapters/node/prompts-loader.ts';
import { staticAssets } from '../../src/adapters/node/static-assets.ts';
import { makeHarness, removeTempDirs } from './app-harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'mianba-adapters-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  removeTempDirs();
});

describe('newId', () => {
  it('makes 144-bit URL-safe ids without repeats', () => {
    const ids = new Set(Array.from({ length: 10_000 }, newId));
    expect(ids.size).toBe(10_000);
    for (const id of [...ids].slice(0, 50)) expect(id).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });
});

describe('loadPrompts', () => {
  it('keys prompt files by name without extension and tolerates a missing folder', async () => {
    const folder = join(dir, 'prompts');
    mkdirSync(folder);
    writeFileSync(join(folder, 'grader-system.md'), '你是面试官');
    writeFileSync(join(folder, 'notes.txt'), 'plain');
    writeFileSync(join(folder, 'image.png'), 'binary');
    expect(await loadPrompts(folder)).toEqual({ 'grader-system': '你是面试官', notes: 'plain' });
    expect(await loadPrompts(join(dir, 'missing'))).toEqual({});
  });

  it('loads the repository prompts the engine needs', async () => {
    const prompts = await loadPrompts(join(import.meta.dirname, '..', '..', 'prompts'));
    expect(Object.keys(prompts)).toEqual(expect.arrayContaining(['interviewer-templates', 'interviewer-system']));
  });
});

describe('staticAssets', () => {
  const dist = join(dir, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>面霸</title><script type="module" src="/assets/app-1234.js"></script>');
  writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log("app")');

  it('serves files and the app shell for client routes, behind the app’s headers; API paths are never served', async () => {
    const harness = await makeHarness({ staticAssets: staticAssets(dist) });
    try {
      const browser = harness.browser();
      const shell = await browser.request('/');
      expect(shell.status).toBe(200);
      expect(await shell.text()).toContain('<title>面霸</title>');
      expect(shell.headers.get('cache-control')).toBe('no-cache');
      expect(shell.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(browser.cookies.get('mianba_owner')).toBeTruthy();

      const script = await browser.request('/assets/app-1234.js');
      expect(script.headers.get('content-type')).toContain('javascript');
      expect(script.headers.get('cache-control')).toContain('immutable');

      const clientRoute = await browser.request('/sessions/abc/report');
      expect(await clientRoute.text()).toContain('<title>面霸</title>');

      expect((await browser.request('/assets/missing.js')).status).toBe(404);
      for (const traversal of ['/../../etc/passwd', '/..%2f..%2fetc%2fpasswd', '/assets/..%2f..%2f..%2fpackage.json']) {
        const response = await browser.request(traversal);
        expect(await response.text()).not.toMatch(/root:|"dependencies"/);
      }
      const api = await browser.request('/api/unknown');
      expect(api.status).toBe(404);
      expect(await api.json()).toMatchObject({ error: { code: 'not_found' } });
    } finally {
      await harness.close();
    }
  });
});
