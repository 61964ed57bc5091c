import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openWatchedPage, screenshot, useServerAndBrowser } from './harness.ts';
import { answer, cardIdFor, isFinished, openDrill, partialAnswerForPending, startFromStartScreen } from './session-flows.ts';

/** The number in "本题成绩 8.5 / 10". */
async function questionScore(card: ReturnType<Page['locator']>): Promise<number> {
  const text = await card.locator('[data-testid="question-score"]').innerText();
  const match = /本题成绩 (\d+(?:\.\d)?) \/ 10/u.exec(text);
  if (!match) throw new Error(`no question score in "${text}"`);
  return Number(match[1]);
}

const onFollowup = async (page: Page) => (await page.locator('.turn-interviewer').last().getAttribute('class'))?.includes('kind-followup') ?? false;
const lastCandidate = (page: Page) => page.locator('.turn-candidate').last();
/** The note without its code blocks, as a candidate would say it. */
const spoken = (reference: string) => reference.replace(/```[\s\S]*?```/g, ' ').slice(0, 3000);

describe('the card beside a follow-up answer, in Chromium', () => {
  const suite = useServerAndBrowser();

  it('shows "不知道" to a follow-up as not answered, beside the question\'s grade, not as the main answer\'s 10', async () => {
    const { context, page, problems } = await openWatchedPage(suite.browser, { viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });
    const sessionId = await startFromStartScreen(page, suite.server.baseUrl, { mode: 'practice', topic: 'redis', questions: 5 });
    let checked = false;
    for (let step = 0; step < 12 && !checked && !(await isFinished(page)); step++) {
      if (await onFollowup(page)) {
        await answer(page, '不知道');
        const card = lastCandidate(page).locator('.followup-card');
        await card.waitFor();
        // The follow-up answer's own result comes first: nothing answered, nothing earned.
        expect(await card.locator('.chip-nothing').innerText()).toBe('没答到要点');
        expect(await card.locator('.followup-feedback').innerText()).toMatch(/没有答出内容/u);
        if ((await card.getAttribute('data-kind')) === 'deeper') expect(await card.getByTestId('followup-score').innerText()).toBe('这道追问 0 / 10');
        // The question keeps what the main answer earned, said as the question's grade.
        const mainScore = Number(await page.locator('.turn-candidate').nth(-2).locator('.grade-score').first().innerText().then((text) => text.replace(/\s*\/\s*10$/u, '')));
        expect(await questionScore(card)).toBeGreaterThanOrEqual(mainScore);
        // The question's full card is folded away, not shown again beside "不知道".
        expect(await card.locator('.question-card > .grade-card').isVisible()).toBe(false);
        expect(await card.locator('.grade-score').isVisible()).toBe(false);
        await card.locator('.question-card > summary').click();
        expect(await card.locator('.question-card .grade-score').isVisible()).toBe(true);
        await screenshot(page, 'followup-card-dontknow');
        checked = true;
        continue;
      }
      // A main question: the whole note, which is graded high and often followed up a level deeper.
      const { reference } = await partialAnswerForPending(page, suite.server.baseUrl, sessionId);
      await answer(page, spoken(reference));
      expect(await lastCandidate(page).locator('.followup-card').count()).toBe(0);
    }
    expect(checked).toBe(true);
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('names the key points a follow-up answer added, under the question\'s grade', async () => {
    const { context, page, problems } = await openWatchedPage(suite.browser, { viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });
    const sessionId = await startFromStartScreen(page, suite.server.baseUrl, { mode: 'practice', topic: 'redis', questions: 5 });
    let checked = false;
    let reference = '';
    for (let step = 0; step < 12 && !checked && !(await isFinished(page)); step++) {
      if (await onFollowup(page)) {
        const mainScore = Number((await page.locator('.turn-candidate').last().locator('.grade-score').first().innerText()).replace(/\s*\/\s*10$/u, ''));
        await answer(page, spoken(reference));
        const card = lastCandidate(page).locator('.followup-card');
        await card.waitFor();
        if ((await card.getAttribute('data-kind')) !== 'followup') continue;
        expect(await card.locator('.chip-nothing').count()).toBe(0);
        expect(await card.locator('.followup-feedback').innerText()).toMatch(/^这次追问补上了：/u);
        expect(await card.locator('.followup-added li').count()).toBeGreaterThanOrEqual(1);
        expect(await questionScore(card)).toBeGreaterThan(mainScore);
        await screenshot(page, 'followup-card-added');
        checked = true;
        continue;
      }
      // A partial answer to a main question, which the interviewer follows up on.
      const partial = await partialAnswerForPending(page, suite.server.baseUrl, sessionId);
      reference = partial.reference;
      await answer(page, partial.answer);
    }
    expect(checked).toBe(true);
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('heads half-made points on an excellent card "讲到了，可以再展开", never "部分覆盖" beside 9 or 10', async () => {
    const { context, page, problems } = await openWatchedPage(suite.browser, { viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });
    const base = suite.server.baseUrl;
    await page.goto(base);
    await page.locator('nav').first().waitFor();
    // A drill on the SYN Flood card, answered the way the shared grading set's good answer (g017) does.
    const cardId = await cardIdFor(page, base, 'SYN Flood 攻击的原理是什么？怎么防御？');
    await openDrill(page, base, cardId);
    await answer(
      page,
      '它是一种 DoS 攻击，攻击者疯狂给服务器发 SYN 包，但是不回第三次握手的 ACK。服务器每收到一个 SYN 都会回 SYN-ACK，并在内存里为这个半连接预留资源等 ACK，等不到就一直占着直到超时，半连接一多资源就被耗光，正常的连接就建不起来了。防御的话一般是开启 SYN cookies，这样收到 SYN 时不用先分配资源。',
    );
    const card = lastCandidate(page).locator('.grade-card').first();
    await card.waitFor();
    expect(Number((await card.locator('.grade-score').innerText()).replace(/\s*\/\s*10$/u, ''))).toBeGreaterThanOrEqual(8.5);
    // Points the score counts as made are listed as covered; any left half made are headed as ones to expand.
    expect(await card.locator('.kp-yes li').count()).toBeGreaterThan(await card.locator('.kp-partial li').count());
    if ((await card.locator('.kp-partial').count()) > 0) expect(await card.locator('.kp-partial h4').innerText()).toMatch(/^讲到了，可以再展开/u);
    expect(await card.locator('.kp h4').allInnerTexts()).not.toContainEqual(expect.stringMatching(/^部分覆盖/u));
    expect(await card.locator('.feedback').innerText()).not.toMatch(/只提了一句|没讲透/u);
    await screenshot(page, 'excellent-card-half-made');
    expect(problems.errors).toEqual([]);
    await context.close();
  });
});
