import { describe, expect, it } from 'vitest';
import { openWatchedPage, screenshot, useServerAndBrowser } from './harness.ts';
import { answer, cardIdFor, openDrill } from './session-flows.ts';

const lastCandidate = (page: import('playwright-core').Page) => page.locator('.turn-candidate').last();

describe('a grade card that lists what the answer said the other way round, in Chromium', () => {
  const suite = useServerAndBrowser();

  it('lists a contradicted point apart from the missed ones, with what the candidate said', async () => {
    const { context, page, problems } = await openWatchedPage(suite.browser, { viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });
    const base = suite.server.baseUrl;
    await page.goto(base);
    await page.locator('nav').first().waitFor();
    // A drill on the corpus card about save and bgsave, answered with the two commands swapped.
    const cardId = await cardIdFor(page, base, 'RDB是怎么进行操作？save 和 bgsave');
    await openDrill(page, base, cardId);
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

  it('lists the note\'s points on what the question does not ask apart from the missed ones', async () => {
    const { context, page, problems } = await openWatchedPage(suite.browser, { viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });
    const base = suite.server.baseUrl;
    await page.goto(base);
    await page.locator('nav').first().waitFor();
    // The K8s note's list of master components, asked about two of them (the owner rewords the card's question on 题库).
    const cardId = await cardIdFor(page, base, 'Master节点 Kubectl Api Server Controller-manager Scheduler');
    const edited = await page.request.put(`${base}/api/cards/${cardId}`, { data: { question: 'kubectl 和 apiserver 有什么区别？' } });
    expect(edited.ok()).toBe(true);
    await openDrill(page, base, cardId);
    await answer(page, 'kubectl 是命令行客户端，是用户操作集群的入口；apiserver 是资源操作的唯一入口，集群内部各组件的通信都要经过它，它提供认证、授权和访问控制。');
    const card = lastCandidate(page).locator('.grade-card').first();
    await card.waitFor();
    const missed = (await card.locator('.kp-no').allInnerTexts()).join('');
    expect(missed).not.toMatch(/Scheduler|Controller-manager/u);
    const aside = card.locator('.kp-aside');
    expect(await aside.locator('h4').innerText()).toMatch(/^笔记里的其他要点（本题没问）/u);
    expect(await aside.innerText()).toMatch(/Scheduler/u);
    expect(await card.locator('.feedback').innerText()).not.toMatch(/Scheduler/u);
    await screenshot(page, 'grade-card-off-question');
    expect(problems.errors).toEqual([]);
    await context.close();
  });
});
