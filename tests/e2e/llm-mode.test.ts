import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startFakeOpenAI, type FakeOpenAI, type RecordedRequest } from '../support/fake-openai.ts';
import { launchBrowser, openWatchedPage, screenshot, startServer, type RunningServer } from './harness.ts';
import { currentQuestion, partialAnswerFrom, referenceFor, startFromStartScreen, turnCount, waitForTurnDone } from './session-flows.ts';

/** What the fake "LLM interviewer" says; plain text, so the rendered bubble equals it exactly. */
const interviewerLine = '好的，我接着追问一下：如果主节点突然宕机，这套方案怎样保证已经确认的写入不丢失？';
const gradeReply = JSON.stringify({ keyPoints: [], score: 6, strengths: ['思路清楚'], gaps: ['细节不足'], feedback: '回答抓住了主线，但细节还不够。' });

function messagesOf(request: RecordedRequest): { role: string; content: string }[] {
  const body = request.body as { messages?: { role: string; content: string }[] } | undefined;
  return body?.messages ?? [];
}

/** The server words interviewer lines with the interviewer-system prompt and grades with grader-system. */
function isWording(request: RecordedRequest): boolean {
  return messagesOf(request)[0]?.content.includes('技术面试官') === true && (request.body as { stream?: boolean }).stream === true;
}

function isGrading(request: RecordedRequest): boolean {
  return messagesOf(request)[0]?.content.includes('grading one answer') === true;
}

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

  it('shows the LLM badge, streams the worded line into the page, and falls back with a visible notice', async () => {
    fake.setBehaviour({ type: 'reply', content: (request) => (isWording(request) ? interviewerLine : gradeReply), chunkDelayMs: 100 });
    const { context, page, problems } = await openWatchedPage(browser, { viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });

    await page.goto(`${server.baseUrl}/`);
    await expect.poll(() => page.getByTestId('mode-badge').innerText()).toContain('LLM');
    await screenshot(page, 'llm-start');

    await startFromStartScreen(page, server.baseUrl, { mode: 'practice', topic: 'redis', questions: 2 });
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
    await page.waitForFunction(() => (document.querySelector('.is-streaming p.plain')?.textContent ?? '').length > 0, undefined, {
      timeout: 15_000,
    });
    await screenshot(page, 'llm-streaming', false);
    await waitForTurnDone(page, before);

    const finalLine = await currentQuestion(page);
    expect(finalLine).toBe(interviewerLine);
    const streamed = await page.evaluate(() => window.streamedTexts ?? []);
    // Progressive: several growing prefixes of the final line were on screen before it was complete.
    const partials = streamed.filter((text) => text.length < interviewerLine.length);
    expect(new Set(partials.map((text) => text.length)).size).toBeGreaterThanOrEqual(2);
    for (const text of streamed) expect(interviewerLine.startsWith(text)).toBe(true);
    expect(streamed.at(-1)).toBe(interviewerLine);
    const llmCard = page.locator('.turn-candidate .grade-card').last();
    expect(await llmCard.locator('.chip').innerText()).toBe('LLM');
    expect(await llmCard.locator('.notice').count()).toBe(0);
    expect(fake.chatRequests().filter(isGrading).length).toBeGreaterThanOrEqual(1);
    expect(fake.chatRequests().filter(isWording).length).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'llm-streamed');

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
    expect(await currentQuestion(page)).not.toBe(interviewerLine);
    await screenshot(page, 'llm-fallback');

    expect(problems.errors).toEqual([]);
    expect(problems.dialogs).toEqual([]);
    await context.close();
  });
});
