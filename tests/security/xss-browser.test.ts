/**
 * XSS payloads stay inert in real Chromium, wherever they come from: typed by the candidate, and
 * inside a corpus note (as raw HTML, inside code, as `javascript:` links and in a question
 * heading) that comes back as the interviewer's question and as the graded card's reference.
 * Every payload would set `window.__xss` or open a dialog if it ran; the DOM is also checked for
 * live markup (handlers, javascript: URLs, frames), since the CSP alone would block execution.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureWebBuilt, launchBrowser, openWatchedPage, screenshot } from '../e2e/harness.ts';
import { answer, isFinished, startFromStartScreen } from '../e2e/session-flows.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

const note = `# XSS 测试笔记

## 为什么 \`<script>window.__xss=1;alert('q')</script>\` 放进题目里也安全？

因为页面把它当文本显示。<script>window.__xss=1;alert('note-script')</script>

<img src=x onerror="window.__xss=1;alert('note-img')">

<svg onload="window.__xss=1;alert('note-svg')"></svg>

行内代码 \`<img src=x onerror=alert('inline-code')>\` 和转义 &lt;script&gt;alert('entity')&lt;/script&gt; 都只是文字。

- [普通链接](javascript:window.__xss=1;alert('md-link'))
- [大小写](JaVaScRiPt:alert('mixed-case'))
- [数据](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
- [实体](&#106;avascript:alert('entity-link'))
- <javascript:alert('autolink')>

\`\`\`html
<script>window.__xss=1;alert('code-block')</script>
<iframe src="javascript:alert('code-iframe')"></iframe>
\`\`\`

## 什么是 Go 的 goroutine？

goroutine 是 Go 运行时管理的轻量级线程，由 GMP 模型调度，初始栈很小（2KB）并按需增长。

<details open><summary>点开</summary><img src=x onerror="window.__xss=1"></details>

[看这里](javascript:window.__xss=1) 以及 ![图](javascript:window.__xss=1)

## Redis 为什么这么快？

Redis 基于内存，核心命令单线程执行避免了锁竞争，并使用 IO 多路复用（epoll）处理大量连接。

<a href="javascript:window.__xss=1">链接</a> <math><mtext><table><mglyph><style><img src=x onerror="window.__xss=1">
`;

const typedPayloads = [
  '<svg onload="window.__xss=1;alert(\'typed-svg\')"></svg> goroutine 由 GMP 调度',
  '[点我](javascript:window.__xss=1;alert(\'typed-link\')) Redis 基于内存',
  '<img src=x onerror="window.__xss=1;alert(\'typed-img\')"> 单线程避免锁竞争',
  '"><script>window.__xss=1;alert(\'typed-script\')</script> IO 多路复用',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe> 轻量级线程',
  '<a href="javascript:window.__xss=1">x</a> <details open ontoggle="window.__xss=1">',
];

let workDir: string;
let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuilt();
  workDir = mkdtempSync(join(tmpdir(), 'mianba-h-xss-'));
  mkdirSync(join(workDir, 'corpus'));
  writeFileSync(join(workDir, 'corpus', 'xss-note.md'), note);
  server = await startServerProcess({ dataDir: join(workDir, 'data'), env: { MIANBA_CORPUS_DIR: join(workDir, 'corpus') } });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

/** Live markup in the page: anything that could run script or navigate to it. */
function liveMarkup(): string[] {
  const found: string[] = [];
  for (const element of Array.from(document.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      if (/^on/i.test(attribute.name)) found.push(`${element.tagName} ${attribute.name}`);
      if (/^\s*(?:javascript|data|vbscript):/i.test(attribute.value) && /^(?:href|src|srcdoc|action|formaction|xlink:href)$/i.test(attribute.name)) {
        found.push(`${element.tagName} ${attribute.name}=${attribute.value.slice(0, 40)}`);
      }
    }
    if (['IFRAME', 'OBJECT', 'EMBED', 'FRAME', 'BASE'].includes(element.tagName.toUpperCase()) && element.closest('body')) found.push(element.tagName);
    if (element.tagName === 'SCRIPT' && !(element as HTMLScriptElement).src) found.push('inline SCRIPT');
  }
  // Inside rendered user and note content, only the sanitiser's plain text tags may appear.
  for (const element of Array.from(document.querySelectorAll('.md *, .answer-text *'))) {
    if (['IMG', 'SVG', 'MATH', 'STYLE', 'SCRIPT', 'DETAILS', 'INPUT', 'BUTTON', 'FORM', 'VIDEO', 'AUDIO', 'SOURCE', 'LINK', 'META'].includes(element.tagName.toUpperCase())) {
      found.push(`${element.tagName} inside rendered content`);
    }
  }
  return found;
}

it('payloads typed by the candidate and stored in a corpus note never run', async () => {
  const { context, page, problems } = await openWatchedPage(browser, { viewport: { width: 1100, height: 900 } });
  try {
    await startFromStartScreen(page, server.baseUrl, { mode: 'practice', questions: 3 });
    for (let step = 0; step < 10 && !(await isFinished(page)); step += 1) {
      await answer(page, typedPayloads[step % typedPayloads.length]!);
      // Open every collapsed reference so the note's text is really rendered.
      await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
      expect(await page.evaluate(liveMarkup), `live markup after answer ${step}`).toEqual([]);
    }
    expect(await isFinished(page)).toBe(true);
    const sessionText = await page.locator('body').innerText();
    await screenshot(page, 'security-xss-session');

    await page.getByRole('link', { name: '查看报告' }).click();
    await page.locator('[data-testid="overall-score"]').waitFor();
    await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
    expect(await page.evaluate(liveMarkup), 'live markup in the report').toEqual([]);
    const reportText = await page.locator('body').innerText();
    await screenshot(page, 'security-xss-report');

    // The payloads reached the page, as visible text.
    // (The parser already drops raw HTML tags from notes; code keeps them, so they reach the page.)
    expect(sessionText + reportText, 'the note’s <script> is shown as reference text').toContain("<script>window.__xss=1;alert('code-block')</script>");
    expect(sessionText + reportText).toContain("<img src=x onerror=alert('inline-code')>");
    expect(sessionText + reportText).toContain('<svg onload=');
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(problems.dialogs).toEqual([]);
    expect(problems.errors, 'no CSP violation: nothing even tried to run').toEqual([]);
  } finally {
    await context.close();
  }
}, 120_000);
