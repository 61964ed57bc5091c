/**
 * Issue 12, finding 6: the web app's Markdown renderer (web/src/markdown.ts) must be safe on its
 * own, with DOMPurify as a second layer, not the only one. It is bundled twice with Vite, as is
 * and with DOMPurify replaced by a pass-through, and both run in real Chromium: payloads in link
 * text (and elsewhere) must leave no live element, no handler and no javascript: URL, and
 * DOMPurify must find nothing to remove. Link text keeps its formatting.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build, type Rollup } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, repoRoot } from '../e2e/harness.ts';

const payloads = [
  '[<img src=x onerror="window.__xss=1">](https://example.com)',
  '[**粗体**<svg onload="window.__xss=1"></svg>](https://example.com/a)',
  '[<img src=x onerror="window.__xss=1">](javascript:window.__xss=1)',
  '[<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>](https://example.com)',
  '[<a href="javascript:window.__xss=1">inner</a>](https://example.com)',
  '[![x](https://example.com/x.png)<details open ontoggle="window.__xss=1">](https://example.com)',
  '<https://example.com/<img src=x onerror=window.__xss=1>>',
  '[text](https://example.com "<img src=x onerror=window.__xss=1>")',
  '[ref]\n\n[ref]: https://example.com\n\n[<img src=x onerror="window.__xss=1">][ref]',
  '*<img src=x onerror="window.__xss=1">* `<img src=x>` <b onmouseover="window.__xss=1">b</b>',
];

let browser: Browser;
let workDir: string;
/** The renderer as the app ships it, and as it would be with DOMPurify removed. */
const bundles: Record<'shipped' | 'withoutDompurify', string> = { shipped: '', withoutDompurify: '' };

async function bundle(alias: Record<string, string>): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    root: join(repoRoot, 'web'),
    resolve: { alias },
    build: { write: false, minify: false, lib: { entry: join(repoRoot, 'web', 'src', 'markdown.ts'), formats: ['iife'], name: 'markdown' } },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const chunk = (Array.isArray(output) ? output[0]! : output).output[0];
  return chunk.code;
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'mianba-h-md-'));
  const passThrough = join(workDir, 'no-dompurify.mjs');
  writeFileSync(passThrough, 'export default { sanitize: (html) => html };\n');
  bundles.shipped = await bundle({});
  bundles.withoutDompurify = await bundle({ dompurify: passThrough });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(workDir, { recursive: true, force: true });
});

async function pageWith(code: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><meta charset="utf-8"><div id="out" class="md"></div>');
  await page.addScriptTag({ content: code });
  return page;
}

/** Renders into the page and reports anything live, after handlers have had a chance to fire. */
async function renderAndInspect(page: Page, source: string): Promise<{ html: string; live: string[]; fired: boolean }> {
  return page.evaluate(async (markdownSource) => {
    const out = document.getElementById('out')!;
    const render = (window as unknown as { markdown: { renderMarkdown(source: string): string } }).markdown.renderMarkdown;
    out.innerHTML = render(markdownSource);
    await new Promise((settle) => setTimeout(settle, 50));
    const live: string[] = [];
    for (const element of Array.from(out.querySelectorAll('*'))) {
      if (!['P', 'BR', 'STRONG', 'EM', 'DEL', 'CODE', 'PRE', 'BLOCKQUOTE', 'UL', 'OL', 'LI', 'A'].includes(element.tagName)) live.push(element.tagName);
      for (const attribute of Array.from(element.attributes)) {
        if (/^on/i.test(attribute.name)) live.push(`${element.tagName}[${attribute.name}]`);
        if (/^\s*(javascript|data|vbscript):/i.test(attribute.value)) live.push(`${element.tagName}[${attribute.name}=${attribute.value}]`);
      }
    }
    const fired = (window as unknown as { __xss?: unknown }).__xss !== undefined || (window.parent as unknown as { __xss?: unknown }).__xss !== undefined;
    return { html: out.innerHTML, live, fired };
  }, source);
}

describe('web Markdown renderer in Chromium', () => {
  it('leaves nothing live from link text or anywhere else, even with DOMPurify removed', async () => {
    const page = await pageWith(bundles.withoutDompurify);
    try {
      for (const payload of payloads) {
        const { html, live, fired } = await renderAndInspect(page, payload);
        expect(live, `${payload}\n→ ${html}`).toEqual([]);
        expect(fired, payload).toBe(false);
      }
    } finally {
      await page.close();
    }
  });

  it('gives DOMPurify nothing to remove, and keeps link text visible and formatted', async () => {
    const shipped = await pageWith(bundles.shipped);
    const bare = await pageWith(bundles.withoutDompurify);
    try {
      for (const payload of payloads) {
        const sanitised = await renderAndInspect(shipped, payload);
        expect(sanitised.live, payload).toEqual([]);
        expect(sanitised.html, `DOMPurify changed the output of ${payload}`).toBe((await renderAndInspect(bare, payload)).html);
      }
      const link = await renderAndInspect(shipped, '[**粗体** 和 <img src=x>](https://example.com/a)');
      expect(link.html.trim()).toBe('<p><a href="https://example.com/a" rel="noopener noreferrer" target="_blank"><strong>粗体</strong> 和 &lt;img src=x&gt;</a></p>');
    } finally {
      await shipped.close();
      await bare.close();
    }
  });
});
