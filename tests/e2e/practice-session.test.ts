import { describe, expect, it } from 'vitest';
import { openWatchedPage, screenshot, useServerAndBrowser } from './harness.ts';
import {
  answer,
  isFinished,
  partialAnswerForPending,
  startFromStartScreen,
  turnCount,
  waitForTurnDone,
} from './session-flows.ts';

describe('offline practice in Chromium', () => {
  const suite = useServerAndBrowser();

  it('runs a 3-question practice session with a follow-up and ends in a visible report', async () => {
    const { context, page, problems } = await openWatchedPage(suite.browser, { viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });
    const sessionId = await startFromStartScreen(page, suite.server.baseUrl, { mode: 'practice', topic: 'redis', questions: 3 });
    await expect.poll(() => page.getByTestId('mode-badge').innerText()).toContain('离线');

    let reference = '';
    let mainQuestions = 0;
    for (let step = 0; step < 12 && !(await isFinished(page)); step++) {
      const onFollowup = (await page.locator('.turn-interviewer').last().getAttribute('class'))?.includes('kind-followup');
      if (onFollowup) {
        await answer(page, reference.replace(/```[\s\S]*?```/g, ' ').slice(0, 3000));
        continue;
      }
      mainQuestions++;
      if (mainQuestions === 3) {
        // Skipping the last question leaves weak points for the report to link to drills.
        const before = await turnCount(page);
        await page.getByRole('button', { name: '跳过' }).click();
        await waitForTurnDone(page, before);
        continue;
      }
      // A new main question: a partial answer, which an interviewer follows up on.
      const partial = await partialAnswerForPending(page, suite.server.baseUrl, sessionId);
      reference = partial.reference;
      await answer(page, partial.answer);
    }

    expect(await isFinished(page)).toBe(true);
    expect(await page.locator('.turn-interviewer.kind-followup').count()).toBeGreaterThanOrEqual(1);
    // Practice shows each answer's graded card immediately: at least one per main question.
    const cards = page.locator('.turn-candidate .grade-card');
    expect(await cards.count()).toBeGreaterThanOrEqual(3);
    const firstCard = cards.first();
    expect(await firstCard.locator('.grade-score').innerText()).toMatch(/^\d+(\.\d)?/);
    await firstCard.locator('details.reference summary').first().click();
    expect(await firstCard.locator('details.reference .ref-source').first().innerText()).toMatch(/\.md$/);
    expect(await firstCard.locator('details.reference .ref-body').first().isVisible()).toBe(true);
    await screenshot(page, 'practice-session-finished');

    await page.getByRole('link', { name: '查看报告' }).click();
    await page.locator('[data-testid="overall-score"]').waitFor();
    expect(await page.locator('.overall-value').innerText()).toMatch(/^\d+(\.\d)?$/);
    expect(await page.locator('.chart svg rect.chart-bar').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('.report .transcript > li').count()).toBeGreaterThanOrEqual(6);
    const exportHref = await page.getByRole('link', { name: '导出 Markdown' }).getAttribute('href');
    expect(exportHref).toBe(`/api/sessions/${sessionId}/export.md`);
    const exported = await page.request.get(`${suite.server.baseUrl}${exportHref}`);
    expect(exported.status()).toBe(200);
    expect(await exported.text()).toMatch(/^# /);
    await screenshot(page, 'practice-report');

    await page.evaluate(() => scrollTo(0, 0));
    await screenshot(page, 'practice-report-top', false);

    // Each weak point links to a drill on its topic, which starts a real drill session.
    const drillLinks = page.getByRole('link', { name: /专项练习/ });
    expect(await drillLinks.count()).toBeGreaterThanOrEqual(1);
    expect(await drillLinks.first().getAttribute('href')).toMatch(/^#\/drill\/[a-z-]+$/);
    await drillLinks.first().click();
    await page.locator('#answer').waitFor({ timeout: 30_000 });
    expect(await page.locator('.session h1').innerText()).toBe('专项刷题');
    expect(page.url()).toMatch(/#\/session\/[^/]+$/);
    expect(page.url()).not.toContain(sessionId);

    // A finished drill question is recorded as an FSRS review, and the drill page lists due counts.
    const drillTurns = await turnCount(page);
    await page.getByRole('button', { name: '跳过' }).click();
    await waitForTurnDone(page, drillTurns);
    expect(await page.locator('.notice').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('复习')]));
    await page.getByRole('link', { name: '专项刷题', exact: true }).click();
    await page.locator('.drill-item').first().waitFor();
    expect(await page.locator('.drill-item[data-topic="redis"] .due').innerText()).toMatch(/^到期 \d+$/);
    expect(await page.locator('.drill-item[data-topic="redis"] .drill-main').innerText()).toMatch(/已练 [1-9]\d* 题/);
    await screenshot(page, 'drill-page');

    expect(problems.errors).toEqual([]);
    expect(problems.dialogs).toEqual([]);
    await context.close();
  });

  it('sends no empty or oversized answer, shows an XSS payload as text, never as markup, and keeps an answer through a failed submit', async () => {
    const { context, page, problems } = await openWatchedPage(suite.browser, { viewport: { width: 1100, height: 900 } });
    const sessionId = await startFromStartScreen(page, suite.server.baseUrl, { mode: 'practice', questions: 2 });

    // The first submission dies on the wire: the answer must stay in the box and in local storage.
    let dropped = 0;
    await page.route('**/api/sessions/*/answers', async (route) => {
      if (dropped === 0) {
        dropped++;
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    const payload = '<img src=x onerror=alert(1)> goroutine 由 GMP 调度，channel 用来通信';
    const box = page.locator('#answer');

    // An empty or an oversized answer is never sent; the notice says why and goes once the candidate types.
    await box.press('Control+Enter');
    await page.getByText('请先写下你的回答（或点“跳过”）。').waitFor();
    await box.fill('慢'.repeat(11_200));
    await page.getByText('33 / 32 KB').waitFor();
    await box.press('Control+Enter');
    await page.getByText('回答太长了（约 33 KB），上限是 32 KB，请精简后再提交。').waitFor();
    expect(dropped).toBe(0);

    await box.fill(payload);
    await page.getByText('回答太长了', { exact: false }).waitFor({ state: 'detached' });
    const before = await turnCount(page);
    await box.press('Control+Enter');
    const banner = page.getByRole('alert');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('网络连接失败');
    expect(await box.inputValue()).toBe(payload);
    expect(await page.evaluate((id) => localStorage.getItem(`mianba:draft:${id}`), sessionId)).toBe(payload);
    await screenshot(page, 'xss-network-error-retry');

    await banner.getByRole('button', { name: '重试' }).click();
    await waitForTurnDone(page, before);
    expect(await box.inputValue()).toBe('');
    expect(await page.evaluate((id) => localStorage.getItem(`mianba:draft:${id}`), sessionId)).toBeNull();

    const bubble = page.locator('.bubble-candidate .answer-text').first();
    expect(await bubble.innerText()).toBe(payload);
    expect(await page.locator('img').count()).toBe(0);
    await screenshot(page, 'xss-answer-inert');

    // The payload must stay inert everywhere the answer is shown again: the report's transcript.
    while (!(await isFinished(page))) {
      const count = await turnCount(page);
      await page.getByRole('button', { name: '跳过' }).click();
      await waitForTurnDone(page, count);
    }
    await page.getByRole('link', { name: '查看报告' }).click();
    await page.locator('[data-testid="overall-score"]').waitFor();
    expect(await page.locator('.report .answer-text').first().innerText()).toBe(payload);
    expect(await page.locator('img').count()).toBe(0);
    await screenshot(page, 'xss-report');

    expect(dropped).toBe(1);
    expect(problems.dialogs).toEqual([]);
    // The aborted request logs one network error in the console; nothing else may.
    expect(problems.errors.filter((line) => !line.includes('net::ERR_CONNECTION_RESET') && !line.includes('Failed to load resource'))).toEqual([]);
    await context.close();
  });
});
