/**
 * The 进度 page in real Chromium after three graded sessions: the trend chart has one bar per
 * session with the server's values, a topic's trend falls after the session answered badly, the
 * weakest cards are the ones answered badly, "drill these" opens a drill on them, and the due
 * forecast spans two weeks.
 */
import type { APIRequestContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openWatchedPage, screenshot, useServerAndBrowser } from './harness.ts';

interface Next {
  kind: 'followup' | 'question' | 'done';
  questionId?: string;
}

/**
 * The asked card's own reference, read from the card API: an answer straight from the notes. (A search by the question's
 * wording could miss the card's passages and answer 不清楚, which made a "known" card rank among the weakest.)
 */
async function ownNotes(request: APIRequestContext, baseUrl: string, questionId: string): Promise<string> {
  const response = await request.get(`${baseUrl}/api/cards/${encodeURIComponent(questionId)}`);
  expect(response.status()).toBe(200);
  const { reference } = ((await response.json()) as { card: { reference: string } }).card;
  expect(reference.length).toBeGreaterThan(0);
  return reference;
}

/** One practice session through the API, with the page's owner cookie; follow-ups are skipped. */
async function practise(request: APIRequestContext, baseUrl: string, topic: string, questions: number, knows: boolean): Promise<string[]> {
  const created = (await (await request.post(`${baseUrl}/api/sessions`, { data: { mode: 'practice', topics: [topic], questions } })).json()) as {
    id: string;
    message: { questionId: string };
  };
  const asked: string[] = [];
  let next: Next = { kind: 'question', questionId: created.message.questionId };
  for (let step = 0; step < 30 && next.kind !== 'done'; step++) {
    let data: Record<string, string> = { action: 'skip' };
    if (next.kind === 'question' && next.questionId) {
      asked.push(next.questionId);
      data = { answer: knows ? await ownNotes(request, baseUrl, next.questionId) : '不太清楚，没了解过。' };
    }
    next = ((await (await request.post(`${baseUrl}/api/sessions/${created.id}/answers`, { data })).json()) as { next: Next }).next;
  }
  expect(next.kind).toBe('done');
  return asked;
}

describe('progress page in Chromium', () => {
  const suite = useServerAndBrowser();

  it('shows the trend over three sessions, the weakest cards with "drill these", and two weeks of due reviews', async () => {
    const { context, page, problems } = await openWatchedPage(suite.browser, { viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });
    const base = suite.server.baseUrl;
    await page.goto(`${base}/#/progress`);
    await page.getByText('还没有评过分的题目').waitFor();

    await practise(page.request, base, 'redis', 2, true);
    const badly = await practise(page.request, base, 'redis', 2, false);
    await practise(page.request, base, 'go', 1, true);
    const api = (await (await page.request.get(`${base}/api/progress`)).json()) as {
      sessions: { overall: number }[];
      topics: { key: string; trend: (number | null)[] }[];
      weakest: { question: string; questionId: string }[];
    };

    await page.reload();
    await page.getByTestId('progress-overall').waitFor();
    expect(await page.getByTestId('progress-overall').innerText()).toContain('共 3 次练习');

    // One bar per session, labelled in order, showing the server's value.
    const trend = page.getByTestId('trend-chart');
    expect(await trend.locator('rect.chart-bar').count()).toBe(3);
    const labels = await trend.locator('table th').allTextContents();
    expect(labels.map((label) => label.split(' ')[0])).toEqual(['#1', '#2', '#3']);
    const shown = (await trend.locator('table td').allTextContents()).map(Number);
    expect(shown).toEqual(api.sessions.map((session) => session.overall));

    // Redis alone: three points, falling after the session answered badly; Go only has the last one.
    await page.getByTestId('trend-topic').selectOption('redis');
    await expect.poll(() => trend.locator('table td').allTextContents()).toHaveLength(3);
    const redis = (await trend.locator('table td').allTextContents()).map(Number);
    expect(redis[0]).toBeGreaterThan(redis[1] ?? Infinity);
    await page.getByTestId('trend-topic').selectOption('go');
    await expect.poll(() => trend.locator('rect.chart-bar').count()).toBe(1);
    expect(await trend.locator('table th').allTextContents()).toEqual([expect.stringMatching(/^#3 /)]);

    expect(await page.getByTestId('mastery-topics').locator('tbody th').allTextContents()).toEqual(expect.arrayContaining(['Redis 与缓存', 'Go 语言']));
    // Practice schedules no reviews: nothing is due yet.
    expect(await page.getByText('未来两周没有到期的复习').count()).toBe(1);
    expect(await page.getByTestId('due-chart').count()).toBe(0);

    // The weakest cards are the badly answered ones, listed first.
    const weakest = await page.getByTestId('weakest').locator('li strong').allInnerTexts();
    expect(weakest.length).toBeGreaterThan(0);
    expect(weakest).toEqual(api.weakest.map((card) => card.question));
    expect(api.weakest.every((card) => badly.includes(card.questionId))).toBe(true);

    await page.getByTestId('drill-these').click();
    await page.waitForURL(/#\/session\//);
    const drillId = decodeURIComponent(page.url().split('#/session/')[1] ?? '');
    const drill = (await (await page.request.get(`${base}/api/sessions/${drillId}`)).json()) as { session: { mode: string }; pending: { questionId: string } };
    expect(drill.session.mode).toBe('drill');
    expect(api.weakest.slice(0, 5).map((card) => card.questionId)).toContain(drill.pending.questionId);

    // Answering the drill schedules its card: the due forecast shows two weeks with that one review.
    const answerDrill = async (data: Record<string, string>) =>
      ((await (await page.request.post(`${base}/api/sessions/${drillId}/answers`, { data })).json()) as { next: Next }).next;
    let next = await answerDrill({ answer: await ownNotes(page.request, base, drill.pending.questionId) });
    while (next.kind === 'followup') next = await answerDrill({ action: 'skip' });
    await page.goto(`${base}/#/progress`);
    const due = page.getByTestId('due-chart');
    await due.waitFor();
    expect(await due.locator('rect.chart-bar').count()).toBe(14);
    expect((await due.locator('table td').allTextContents()).map(Number).reduce((sum, count) => sum + count, 0)).toBe(1);
    expect(await page.getByTestId('progress-overall').innerText()).toContain('共 4 次练习');
    await screenshot(page, 'progress-page');

    // On a 375 px phone nothing runs off the side (long note file names included).
    await page.setViewportSize({ width: 375, height: 740 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
      .toBeLessThanOrEqual(0);
    await screenshot(page, 'progress-page-phone');
    expect(problems.errors).toEqual([]);
    await context.close();
  });
});
