import { describe, expect, it } from 'vitest';
import { openWatchedPage, screenshot, useServerAndBrowser } from './harness.ts';
import { answer } from './session-flows.ts';

/** The seconds a "mm:ss" in `text` stands for. */
function seconds(text: string): number {
  const match = /(\d{2}):(\d{2})/.exec(text);
  if (!match) throw new Error(`no mm:ss in ${text}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

describe('session timers in Chromium', () => {
  const suite = useServerAndBrowser();

  it('on a phone, the session clock and a chosen per-question limit run, count down and flag overtime', async () => {
    const { context, page, problems } = await openWatchedPage(suite.browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    await page.clock.install();
    await page.goto(`${suite.server.baseUrl}/`);
    await page.getByRole('radio', { name: /练习反馈/ }).check();
    await page.getByLabel('题目数量').fill('2');
    await page.getByLabel('每题限时').selectOption('60');
    await page.getByRole('button', { name: '开始', exact: true }).click();
    await page.locator('#answer').waitFor({ timeout: 30_000 });

    const sessionTimer = page.getByTestId('session-timer');
    const questionTimer = page.getByTestId('question-timer');
    await expect.poll(() => questionTimer.isVisible()).toBe(true);
    expect(await sessionTimer.isVisible()).toBe(true);
    // Both are on screen at phone width, not pushed out of the viewport.
    const box = await questionTimer.boundingBox();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 390).toBe(true);
    const limitAtStart = seconds(await questionTimer.innerText());
    expect(limitAtStart).toBeGreaterThan(50);

    await page.clock.runFor(20_000);
    await expect.poll(async () => seconds(await sessionTimer.innerText())).toBeGreaterThanOrEqual(20);
    expect(seconds(await questionTimer.innerText())).toBeLessThanOrEqual(limitAtStart - 19);
    await screenshot(page, 'timers-phone-running', false);

    await page.clock.runFor(50_000);
    await expect.poll(() => questionTimer.innerText()).toContain('已超时');
    expect(await questionTimer.getAttribute('class')).toContain('timer-over');
    await screenshot(page, 'timers-phone-overtime', false);

    // A new question starts its own countdown; the session clock keeps running.
    const sessionBefore = seconds(await sessionTimer.innerText());
    await answer(page, '不知道');
    await expect.poll(async () => questionTimer.innerText()).not.toContain('已超时');
    expect(seconds(await questionTimer.innerText())).toBeGreaterThan(50);
    expect(seconds(await sessionTimer.innerText())).toBeGreaterThanOrEqual(sessionBefore);

    expect(problems.errors).toEqual([]);
    await context.close();
  });
});
