import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openWatchedPage, screenshot, useServerAndBrowser } from './harness.ts';
import { answer, isFinished, startFromStartScreen, turnCount, waitForTurnDone } from './session-flows.ts';

/** Presses Tab until the focused element matches `selector`; fails if it is not reachable. */
async function tabTo(page: Page, selector: string, maxPresses = 40): Promise<void> {
  for (let press = 0; press < maxPresses; press++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
  }
  throw new Error(`${selector} not reachable by Tab`);
}

async function focusedOutline(page: Page): Promise<{ style: string; width: number }> {
  return page.evaluate(() => {
    const style = getComputedStyle(document.activeElement as Element);
    return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
  });
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('phone width, keyboard-only use and the language toggle', () => {
  const suite = useServerAndBrowser();

  it('fits a 375 px wide phone screen from start to report', async () => {
    const { context, page, problems } = await openWatchedPage(suite.browser, { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await page.goto(`${suite.server.baseUrl}/`);
    await page.locator('input[name="topics"]').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-start');

    await startFromStartScreen(page, suite.server.baseUrl, { mode: 'practice', questions: 1 });
    await answer(page, 'TCP 三次握手是为了确认双方的收发能力，并同步初始序列号。');
    expect(await page.locator('.grade-card').count()).toBeGreaterThanOrEqual(1);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-session');

    for (let step = 0; step < 6 && !(await isFinished(page)); step++) {
      const count = await turnCount(page);
      await page.getByRole('button', { name: '跳过' }).click();
      await waitForTurnDone(page, count);
    }
    await page.getByRole('link', { name: '查看报告' }).click();
    await page.locator('[data-testid="overall-score"]').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-report');
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('can be driven with the keyboard alone, with a visible focus ring', async () => {
    const { context, page, problems } = await openWatchedPage(suite.browser, { viewport: { width: 1000, height: 800 } });
    await page.goto(`${suite.server.baseUrl}/`);
    await page.locator('input[name="topics"]').first().waitFor();

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到主要内容');

    await tabTo(page, 'input[name="mode"]');
    const outline = await focusedOutline(page);
    // Radios are styled through their card (:focus-within); the card must show the ring instead.
    const cardOutline = await page.evaluate(() => getComputedStyle(document.activeElement?.closest('.mode-card') as Element).outlineStyle);
    expect(outline.style !== 'none' || cardOutline !== 'none').toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('input[name="mode"][value="practice"]').isChecked()).toBe(true);

    await tabTo(page, 'input[name="topics"]');
    await page.keyboard.press('Space');
    expect(await page.locator('input[name="topics"]:checked').count()).toBe(1);

    await tabTo(page, '#question-count');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2');

    await tabTo(page, 'button[type="submit"]');
    const buttonOutline = await focusedOutline(page);
    expect(buttonOutline.style).not.toBe('none');
    expect(buttonOutline.width).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Enter');

    await page.locator('#answer').waitFor({ timeout: 30_000 });
    await tabTo(page, '#answer');
    await page.keyboard.type('进程是资源分配的单位，线程是调度的单位，线程共享进程的地址空间。');
    let count = await turnCount(page);
    await page.keyboard.press('Control+Enter');
    await waitForTurnDone(page, count);
    expect(await page.locator('.grade-card').count()).toBeGreaterThanOrEqual(1);

    // The answer box keeps focus after a submit, so the next answer can be typed straight away.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('answer');
    expect(await isFinished(page)).toBe(false);
    await tabTo(page, '.composer-actions button:nth-child(2)', 3);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('提示');
    count = await turnCount(page);
    await page.keyboard.press('Enter');
    await waitForTurnDone(page, count);
    expect(await page.locator('.turn-interviewer.kind-hint').count()).toBe(1);
    while (!(await isFinished(page))) {
      count = await turnCount(page);
      await page.locator('#answer').focus();
      await tabTo(page, '.composer-actions button:last-child', 5);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳过');
      await page.keyboard.press('Space');
      await waitForTurnDone(page, count);
    }
    // Finishing moves focus to the report link, so Enter opens the report.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('查看报告');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="overall-score"]').waitFor();
    await screenshot(page, 'keyboard-report');
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('switches to English and remembers the choice across reloads', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${suite.server.baseUrl}/`);
    expect(await page.locator('h1').innerText()).toBe('开始练习');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.locator('h1', { hasText: 'Start a session' }).waitFor({ timeout: 5_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // Back to Chinese and straight into a reload: the choice must be saved by the click itself, not by a later render.
    await page.getByRole('button', { name: '切换到中文' }).click();
    await page.reload();
    await page.locator('h1', { hasText: '开始练习' }).waitFor({ timeout: 5_000 });
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.reload();
    await page.locator('h1', { hasText: 'Start a session' }).waitFor({ timeout: 5_000 });
    expect(await page.locator('h1').innerText()).toBe('Start a session');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // The badge fills in once /api/health answers.
    await page.getByTestId('mode-badge').filter({ hasText: 'Offline' }).waitFor({ timeout: 5_000 });
    await screenshot(page, 'english-start');
    await context.close();
  });
});
