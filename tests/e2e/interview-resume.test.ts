import { describe, expect, it } from 'vitest';
import { openWatchedPage, screenshot, useServerAndBrowser } from './harness.ts';
import { answer, currentQuestion, isFinished, partialAnswerFrom, referenceFor, startFromStartScreen } from './session-flows.ts';

describe('interview resume in Chromium', () => {
  const suite = useServerAndBrowser();

  it('restores the same transcript and the unsent draft after a reload, then continues to the report', async () => {
    const { context, page, problems } = await openWatchedPage(suite.browser, { viewport: { width: 1100, height: 900 } });
    const sessionId = await startFromStartScreen(page, suite.server.baseUrl, { mode: 'interview', topic: 'redis', questions: 2 });

    await answer(page, '我是后端工程师，主要用 Go 和 Redis 做电商系统，负责缓存和订单服务。');
    // The interviewer asks one question about the work the introduction mentions, ungraded.
    expect(await page.locator('.turn-interviewer').last().getAttribute('class')).toContain('kind-followup');
    await answer(page, '订单服务是我从零搭的，用 Redis 做库存预扣。');
    const question = await currentQuestion(page);
    await answer(page, partialAnswerFrom(await referenceFor(page, suite.server.baseUrl, question)));
    // An interview keeps grades back until the report unless the candidate asks for them.
    expect(await page.locator('.grade-card').count()).toBe(0);
    await page.getByLabel('显示评分').check();
    expect(await page.locator('.grade-card').count()).toBeGreaterThanOrEqual(1);
    await page.getByLabel('显示评分').uncheck();

    const transcriptBefore = await page.locator('.transcript > li').allInnerTexts();
    expect(transcriptBefore.length).toBeGreaterThanOrEqual(4);
    const draft = '还没提交的草稿：Redis 的持久化有 RDB 和 AOF';
    await page.locator('#answer').fill(draft);
    await screenshot(page, 'interview-before-reload');
    const urlBefore = page.url();

    await page.reload();
    await page.locator('#answer').waitFor();
    expect(page.url()).toBe(urlBefore);
    expect(page.url()).toContain(`#/session/${sessionId}`);
    expect(await page.locator('.transcript > li').allInnerTexts()).toEqual(transcriptBefore);
    expect(await page.locator('#answer').inputValue()).toBe(draft);
    await screenshot(page, 'interview-after-reload');
    // After the reload the page holds no grades of its own: asking to see them fetches them.
    expect(await page.locator('.grade-card').count()).toBe(0);
    await page.getByLabel('显示评分').check();
    await page.locator('.grade-card').first().waitFor();
    await screenshot(page, 'interview-after-reload-grades');
    await page.getByLabel('显示评分').uncheck();
    expect(await page.locator('.grade-card').count()).toBe(0);
    expect(await page.locator('#answer').inputValue()).toBe(draft);

    // It continues where it stopped: the draft is submitted as the answer to the pending line.
    await answer(page, draft);
    // The head names the part being run: the project deep-dive, then the candidate's questions.
    const phases = new Set<string>();
    for (let step = 0; step < 16 && !(await isFinished(page)); step++) {
      phases.add(await page.locator('.session-topics').innerText());
      await answer(page, '这部分我了解得不多，大概是通过配置和监控来保证的。');
      // Read again once the turn is done: on a loaded machine the head can re-render after the next line arrives.
      if (!(await isFinished(page))) phases.add(await page.locator('.session-topics').innerText());
    }
    expect(await isFinished(page)).toBe(true);
    expect([...phases].some((text) => text.includes('项目深挖'))).toBe(true);
    expect([...phases].some((text) => text.includes('反问环节'))).toBe(true);
    const candidateTexts = await page.locator('.bubble-candidate .answer-text').allInnerTexts();
    expect(candidateTexts).toContain(draft);

    await page.getByRole('link', { name: '查看报告' }).click();
    await page.locator('[data-testid="overall-score"]').waitFor();
    // The report reveals the interview's grades.
    expect(await page.locator('.report .grade-card').count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'interview-report');

    // History lists the finished session with a link to its report.
    await page.getByRole('link', { name: '历史' }).click();
    await page.locator('.history-item').first().waitFor();
    expect(await page.locator(`.history-item a[href="#/session/${sessionId}/report"]`).count()).toBe(1);

    expect(problems.errors).toEqual([]);
    expect(problems.dialogs).toEqual([]);
    await context.close();
  });
});
