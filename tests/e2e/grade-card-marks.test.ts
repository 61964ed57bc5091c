import { describe, expect, it } from 'vitest';
import { openWatchedPage, screenshot, useServerAndBrowser } from './harness.ts';
import { answer } from './session-flows.ts';

const lastCandidate = (page: import('playwright-core').Page) => page.locator('.turn-candidate').last();

describe('a grade card that lists what the answer said the other way round, in Chromium', () => {
  const suite = useServerAndBrowser();

  it('lists a contradicted point apart from the missed ones, with what the candidate said', async () => {
    const { context, page, problems } = await openWatchedPage(suite.browser, { viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });
    const base = suite.server.baseUrl;
    await page.goto(base);
    await page.locator('nav').first().waitFor();
    // A drill on the corpus card about save and bgsave, answered with the two commands swapped.
    const search = (await (await page.request.get(`${base}/api/search?k=5&q=${encodeURIComponent('RDB是怎么进行操作？save 和 bgsave')}`)).json()) as { results: { cardId?: string }[] };
    const cardId = search.results.find((hit) => hit.cardId)?.cardId;
    expect(cardId).toBeDefined();
    const created = (await (await page.request.post(`${base}/api/sessions`, { data: { mode: 'drill', cards: [cardId] } })).json()) as { id: string };
    await page.goto(`${base}/#/session/${created.id}`);
    await page.locator('#answer').waitFor();
    await answer(page, 'bgsave 是和操作命令在同一个线程里面，有大key写入RDB文件会造成阻塞；save 是创建一个子进程来写入RDB文件，不会造成阻塞。');
    const card = lastCandidate(page).locator('.grade-card').first();
    await card.waitFor();
    expect(Number((await card.locator('.grade-score').innerText()).replace(/\s*\/\s*10$/u, ''))).toBeLessThanOrEqual(2);
    const wrong = card.locator('.kp-wrong');
    expect(await wrong.locator('h4').innerText()).toMatch(/^和笔记说法相反/u);
    const said = await wrong.locator('.evidence').allInnerTexts();
    expect(said.length).toBeGreaterThanOrEqual(1);
    for (const text of said) expect(text).toMatch(/^你说：“.*save.*”$/u);
    // The missed list holds only points the answer left out: no quote of what was said sits under "遗漏".
    expect(await card.locator('.kp-no .evidence').count()).toBe(0);
    await screenshot(page, 'grade-card-contradicted');
    expect(problems.errors).toEqual([]);
    await context.close();
  });
});
