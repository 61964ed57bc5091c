/**
 * The 题库 page's compile button in real Chromium, with the fake OpenAI server as the LLM: it
 * shows progress, then the reloaded list has the compiled questions marked "LLM 整理".
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.ts';
import { redisCompilerReply } from '../support/llm-replies.ts';
import { launchBrowser, openWatchedPage, screenshot, startServer, type RunningServer } from './harness.ts';
import type { Browser } from 'playwright-core';

describe('compile button in Chromium', () => {
  let fake: FakeOpenAI;
  let server: RunningServer;
  let browser: Browser;
  const corpusDir = mkdtempSync(join(tmpdir(), 'mianba-e2e-compile-'));

  beforeAll(async () => {
    writeFileSync(
      join(corpusDir, 'redis.md'),
      '# Redis\n\n## 布隆过滤器\n\n布隆过滤器用多个哈希函数把元素映射到位数组的多个位置上。判断存在时如果有一位是 0 就一定不存在。\n\n## 跳表\n\n跳表在有序链表上建立多层索引，查找时从最高层往下走。Redis 的有序集合用跳表实现范围查询。\n',
    );
    fake = await startFakeOpenAI({ behaviour: { type: 'reply', content: redisCompilerReply, delayMs: 2500 } });
    server = await startServer({ MIANBA_CORPUS_DIR: corpusDir, OPENAI_API_KEY: 'k', OPENAI_BASE_URL: fake.url, MIANBA_CHAT_MODEL: 'fake-compiler' });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await fake?.close();
    rmSync(corpusDir, { recursive: true, force: true });
  });

  it('compiles the bank with a progress line, then lists the compiled cards marked', async () => {
    const { context, page, problems } = await openWatchedPage(browser, { viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });
    await page.goto(`${server.baseUrl}/#/bank`);
    await page.getByTestId('compile-start').click();
    await page.getByText('正在整理 0 / 2 张卡片…').waitFor();
    expect(await page.locator('.compile-panel progress').getAttribute('max')).toBe('2');
    await page.getByText('整理完成：2 张已改写，0 张保留原样，0 张失败（下次重试），0 张此前已整理。').waitFor({ timeout: 20_000 });
    await page.getByText('Redis 里的布隆过滤器是怎么工作的？').first().waitFor();
    expect(await page.locator('.chip-compiled').count()).toBe(2);
    // An opened card lists the compiled follow-ups under their heading.
    const compiled = page.locator('.bank-card', { hasText: 'Redis 里的布隆过滤器是怎么工作的？' }).first();
    await compiled.locator('summary').click();
    await compiled.getByRole('heading', { name: '追问' }).waitFor();
    expect(await compiled.locator('h4:text-is("追问") + ul li').allInnerTexts()).toEqual(['布隆过滤器的时间复杂度是多少？', '布隆过滤器有什么缺点？']);
    await screenshot(page, 'bank-compiled');
    expect(problems.errors).toEqual([]);
    await context.close();
  }, 60_000);
});
