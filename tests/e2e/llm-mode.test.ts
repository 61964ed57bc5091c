import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.ts';
import { isDecision, isGrading, nextQuestionIn, routedReplies, systemText, type Decision } from '../support/llm-replies.ts';
import { launchBrowser, openWatchedPage, screenshot, startServer, type RunningServer } from './harness.ts';
import { currentQuestion, partialAnswerFrom, referenceFor, startFromStartScreen, turnCount, waitForTurnDone } from './session-flows.ts';

/** What the fake "LLM interviewer" says before the question it was given; plain text, so the bubble shows it exactly. */
const interviewerLine = '好的，这块先聊到这里。接下来想听你讲讲：';
const gibberish = 'align区块 PrincetonAMPL Lod去看 Raid.sendRedirect';
const gradeReply = JSON.stringify({ keyPoints: [], score: 6, strengths: ['思路清楚'], gaps: ['细节不足'], feedback: '回答抓住了主线，但细节还不够。' });

declare global {
  interface Window {
    streamedTexts?: string[];
  }
}

describe('LLM mode in Chromium against a fake OpenAI server', () => {
  let fake: FakeOpenAI;
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    fake = await startFakeOpenAI({ chunkSize: 4 });
    server = await startServer({ OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'test', MIANBA_LLM_TIMEOUT_MS: '3000' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await fake?.close();
  });

  it('shows the LLM badge, shows only checked LLM lines, never gibberish, and falls back with a visible notice', async () => {
    let decide = (question: string): Decision => ({ action: 'next', line: `${interviewerLine}${question}` });
    fake.setBehaviour({ type: 'reply', content: routedReplies({ grade: gradeReply, decide: (request) => decide(nextQuestionIn(request)) }), delayMs: 300 });
    const { context, page, problems } = await openWatchedPage(browser, { viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });

    await page.goto(`${server.baseUrl}/`);
    await expect.poll(() => page.getByTestId('mode-badge').innerText()).toContain('LLM');
    await screenshot(page, 'llm-start');

    await startFromStartScreen(page, server.baseUrl, { mode: 'practice', topic: 'redis', questions: 4 });
    // Records every text the streaming bubble shows, however briefly.
    await page.evaluate(() => {
      window.streamedTexts = [];
      new MutationObserver(() => {
        const shown = document.querySelector('.is-streaming p.plain')?.textContent ?? '';
        const seen = window.streamedTexts ?? [];
        if (shown && seen.at(-1) !== shown) seen.push(shown);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });

    const reference = await referenceFor(page, server.baseUrl, await currentQuestion(page));
    const before = await turnCount(page);
    await page.locator('#answer').fill(partialAnswerFrom(reference));
    await page.locator('#answer').press('Control+Enter');
    await waitForTurnDone(page, before);

    const finalLine = await currentQuestion(page);
    expect(finalLine.startsWith(interviewerLine)).toBe(true);
    expect(finalLine.length).toBeGreaterThan(interviewerLine.length);
    // The line reaches the page only after it passed its checks: whatever was on screen is part of it.
    const streamed = await page.evaluate(() => window.streamedTexts ?? []);
    for (const text of streamed) expect(finalLine.startsWith(text)).toBe(true);
    const llmCard = page.locator('.turn-candidate .grade-card').last();
    expect(await llmCard.locator('.chip').innerText()).toBe('LLM');
    expect(await llmCard.locator('.notice').count()).toBe(0);
    expect(fake.chatRequests().filter(isGrading).length).toBeGreaterThanOrEqual(1);
    expect(fake.chatRequests().filter(isDecision).length).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'llm-checked-line');

    // A garbage line never reaches the page: the template line replaces it, with a notice.
    decide = () => ({ action: 'next', line: gibberish });
    await page.evaluate(() => (window.streamedTexts = []));
    const beforeGarbage = await turnCount(page);
    await page.locator('#answer').fill('不知道');
    await page.locator('#answer').press('Control+Enter');
    await waitForTurnDone(page, beforeGarbage);
    const shown = await page.evaluate(() => window.streamedTexts ?? []);
    expect(shown.join('')).not.toContain('Princeton');
    expect(await currentQuestion(page)).not.toContain('Princeton');
    expect(await page.locator('.session > p.notice').first().innerText()).toContain('离线模板');
    await screenshot(page, 'llm-garbage-replaced');

    // The provider goes down: the answer is still graded (offline) and the page says so.
    fake.setBehaviour({ type: 'error', status: 500 });
    const requestsBefore = fake.chatRequests().length;
    const beforeFailure = await turnCount(page);
    await page.locator('#answer').fill(partialAnswerFrom(reference));
    await page.locator('#answer').press('Control+Enter');
    await waitForTurnDone(page, beforeFailure);
    expect(fake.chatRequests().slice(requestsBefore).some(isGrading)).toBe(true);
    const fallbackCard = page.locator('.turn-candidate .grade-card').last();
    expect(await fallbackCard.locator('.grade-score').innerText()).toMatch(/^\d+(\.\d)?/);
    expect(await fallbackCard.locator('.chip').innerText()).toBe('离线');
    const cardNotice = fallbackCard.locator('.notice');
    expect(await cardNotice.isVisible()).toBe(true);
    expect((await cardNotice.innerText()).length).toBeGreaterThan(4);
    const turnNotice = page.locator('.session > p.notice');
    expect(await turnNotice.first().isVisible()).toBe(true);
    expect(await turnNotice.first().innerText()).toContain((await cardNotice.innerText()).slice(0, 8));
    // The next line is a template line, not the LLM's.
    expect(await currentQuestion(page)).not.toContain(interviewerLine);
    await screenshot(page, 'llm-fallback');

    expect(problems.errors).toEqual([]);
    expect(problems.dialogs).toEqual([]);
    await context.close();
  });

  it('in the English UI the LLM interviewer speaks English, and its English lines pass the checks', async () => {
    const englishLine = 'Alright, let us move on. Next question: ';
    // Like a model that follows the prompt: English only when the prompt asks for it.
    fake.setBehaviour({
      type: 'reply',
      content: routedReplies({
        grade: gradeReply,
        decide: (request) => ({ action: 'next', line: `${systemText(request).includes('line 用英文') ? englishLine : interviewerLine}${nextQuestionIn(request)}` }),
      }),
    });
    const { context, page, problems } = await openWatchedPage(browser, { viewport: { width: 1100, height: 900 }, locale: 'en-US' });
    await context.addInitScript(() => localStorage.setItem('mianba:lang', 'en'));
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('radio', { name: /Practice with feedback/ }).check();
    await page.locator('input[name="topics"][value="redis"]').check();
    await page.getByLabel('Number of questions').fill('3');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.locator('#answer').waitFor({ timeout: 30_000 });

    const before = await turnCount(page);
    await page.locator('#answer').fill('不知道');
    await page.locator('#answer').press('Control+Enter');
    await waitForTurnDone(page, before);
    expect((await currentQuestion(page)).startsWith(englishLine)).toBe(true);
    expect(await page.locator('.session > p.notice').count()).toBe(0);
    await screenshot(page, 'llm-english-line');

    expect(problems.errors).toEqual([]);
    await context.close();
  });
});
