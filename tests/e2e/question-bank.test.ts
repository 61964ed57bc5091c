import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openWatchedPage, screenshot, useServerAndBrowser } from './harness.ts';
import { isFinished, startFromStartScreen, turnCount, waitForTurnDone } from './session-flows.ts';

interface BankCard {
  id: string;
  question: string;
  topics: string[];
  kind: string;
  answered: boolean;
  asked: boolean;
  keyPoints: Array<{ text: string; weight: number }>;
}

/**
 * The smallest topic on the start screen with at least two answered technical questions, and all
 * of its questions: a practice session of that many questions asks every one of them.
 */
async function smallTopic(page: Page, baseUrl: string): Promise<{ topic: string; cards: BankCard[] }> {
  const listed = (await (await page.request.get(`${baseUrl}/api/topics`)).json()) as Array<{ id: string }>;
  const { cards } = (await (await page.request.get(`${baseUrl}/api/cards`)).json()) as { cards: BankCard[] };
  const askable = cards.filter((card) => card.asked && card.answered && card.kind === 'technical');
  const byTopic = listed
    .map(({ id }) => ({ topic: id, cards: askable.filter((card) => card.topics.includes(id)) }))
    .filter((entry) => entry.cards.length >= 2 && entry.cards.every((card) => card.keyPoints.length > 0))
    .sort((a, b) => a.cards.length - b.cards.length);
  const smallest = byTopic[0];
  if (!smallest) throw new Error('no topic with two answered questions');
  return smallest;
}

/** Opens a card's editor on the 题库 page by searching for its question. */
async function openEditor(page: Page, baseUrl: string, card: BankCard): Promise<void> {
  await page.goto(`${baseUrl}/#/bank`);
  await page.getByRole('searchbox', { name: '搜索题目、答案、要点' }).fill(card.question);
  const item = page.locator(`.bank-card[data-card-id="${card.id}"]`);
  await item.locator('summary').click();
  await item.getByRole('button', { name: '修改' }).click();
  await item.locator('form.card-editor').waitFor();
}

/**
 * Answers a practice session to its end: the card under test gets `answerFor`, everything else a
 * skip. Returns the questions asked, and the grade card's text for the card under test.
 */
async function runPractice(page: Page, targetQuestion: string, answerFor: string): Promise<{ asked: string[]; targetGrade?: string }> {
  const asked: string[] = [];
  let targetGrade: string | undefined;
  for (let step = 0; step < 30 && !(await isFinished(page)); step++) {
    const line = page.locator('.turn-interviewer').last();
    const followup = (await line.getAttribute('class'))?.includes('kind-followup');
    const text = (await line.locator('.md').innerText()).trim();
    const before = await turnCount(page);
    if (!followup) asked.push(text);
    if (!followup && text.includes(targetQuestion)) {
      await page.locator('#answer').fill(answerFor);
      await page.locator('#answer').press('Control+Enter');
      await waitForTurnDone(page, before);
      targetGrade = await page.locator('.turn-candidate .grade-card').last().innerText();
      continue;
    }
    await page.getByRole('button', { name: '跳过' }).click();
    await waitForTurnDone(page, before);
  }
  return { asked, ...(targetGrade === undefined ? {} : { targetGrade }) };
}

describe('题库 page in Chromium', () => {
  const suite = useServerAndBrowser();

  it('edits a key point, and the next practice grade is made on it; 这题有问题 reopens the editor', async () => {
    const { context, page, problems } = await openWatchedPage(suite.browser, { viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });
    const { baseUrl } = suite.server;
    await page.goto(`${baseUrl}/`);
    const { topic, cards } = await smallTopic(page, baseUrl);
    const target = cards[0] as BankCard;

    await openEditor(page, baseUrl, target);
    const ownPoint = '自定义要点：面试时先讲结论再展开细节';
    await page.getByLabel('要点 1', { exact: true }).fill(ownPoint);
    await page.getByLabel('权重 1', { exact: true }).fill('1');
    await screenshot(page, 'question-bank-editor');
    await page.getByRole('button', { name: '保存' }).click();
    const item = page.locator(`.bank-card[data-card-id="${target.id}"]`);
    await item.locator('.notice').waitFor();
    expect(await item.locator('.chip-edited').innerText()).toBe('已修改');
    await item.locator('.bank-points').waitFor();
    expect(await item.locator('.bank-points li').first().innerText()).toContain(ownPoint);

    await startFromStartScreen(page, baseUrl, { mode: 'practice', topic, questions: cards.length });
    const { asked, targetGrade } = await runPractice(page, target.question, `${ownPoint}，这是我的回答。`);
    expect(asked.some((line) => line.includes(target.question))).toBe(true);
    expect(targetGrade).toContain(ownPoint);
    const gradeCard = page.locator('.turn-candidate .grade-card').filter({ hasText: ownPoint }).first();
    expect(await gradeCard.locator('.kp-yes').innerText()).toContain(ownPoint);

    await gradeCard.getByRole('link', { name: '这题有问题' }).click();
    await page.locator('.bank-focus form.card-editor').waitFor();
    expect(page.url()).toContain(`#/bank/${target.id}`);
    expect(await page.getByLabel('要点 1', { exact: true }).inputValue()).toBe(ownPoint);

    // The card's history now holds the practice score, its next review and its retrievability.
    await page.getByRole('button', { name: '取消' }).click();
    await page.getByRole('searchbox', { name: '搜索题目、答案、要点' }).fill(target.question);
    const listed = page.locator(`.bank-card[data-card-id="${target.id}"]`);
    await listed.locator('summary').click();
    await listed.locator('.bank-history .chip').first().waitFor();
    expect(await listed.locator('.bank-history').innerText()).toMatch(/最近得分：[\s\S]*\d[\s\S]*下次复习|下次复习[\s\S]*记忆保持 \d+%[\s\S]*最近得分/);
    await screenshot(page, 'question-bank-card');

    expect(problems.errors).toEqual([]);
    expect(problems.dialogs).toEqual([]);
    await context.close();
  }, 180_000);

  it('excludes a card, and sessions on its topic, asked for all of its questions, never ask it', async () => {
    const { context, page, problems } = await openWatchedPage(suite.browser, { viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });
    const { baseUrl } = suite.server;
    await page.goto(`${baseUrl}/`);
    const { topic, cards } = await smallTopic(page, baseUrl);
    const excluded = cards[cards.length - 1] as BankCard;

    await openEditor(page, baseUrl, excluded);
    await page.getByLabel('排除这道题（不再提问，也不出现在搜索结果里）').check();
    await page.getByRole('button', { name: '保存' }).click();
    const item = page.locator(`.bank-card[data-card-id="${excluded.id}"]`);
    await item.locator('.chip-excluded').waitFor();

    for (let round = 0; round < 2; round++) {
      const sessionId = await startFromStartScreen(page, baseUrl, { mode: 'practice', topic, questions: cards.length });
      const { asked } = await runPractice(page, '\u0000never', '');
      expect(asked.length).toBeGreaterThanOrEqual(1);
      expect(asked.some((line) => line.includes(excluded.question))).toBe(false);
      const transcript = (await (await page.request.get(`${baseUrl}/api/sessions/${sessionId}`)).json()) as { turns: Array<{ questionId?: string | null }> };
      const askedIds = new Set(transcript.turns.map((turn) => turn.questionId).filter(Boolean));
      expect(askedIds.size).toBeGreaterThanOrEqual(1);
      expect(askedIds.has(excluded.id)).toBe(false);
    }

    await page.goto(`${baseUrl}/#/bank`);
    await page.locator('.bank-card').first().waitFor();
    await screenshot(page, 'question-bank', false);

    // An imported edit for a card these notes do not have is kept and listed, until dropped.
    const file = { format: 'mianba-card-overlays', version: 1, overlays: [{ cardId: '0123456789abcdef', sourceHash: '0', overlay: { question: '笔记里已经删掉的题' } }] };
    await page.locator('.bank-tools input[type="file"]').setInputFiles({ name: 'edits.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await page.getByText('已导入 1 条修改').waitFor();
    const orphans = page.locator('.bank-orphans');
    expect(await orphans.innerText()).toContain('笔记里已经删掉的题');
    await orphans.getByRole('button', { name: '删除这条修改' }).click();
    await orphans.waitFor({ state: 'detached' });

    // On a phone, the list and an open editor fit the width.
    await page.setViewportSize({ width: 375, height: 740 });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    const first = page.locator('.bank-card').first();
    await first.locator('summary').click();
    await first.getByRole('button', { name: '修改' }).click();
    await first.locator('form.card-editor').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(problems.errors).toEqual([]);
    expect(problems.dialogs).toEqual([]);
    await context.close();
  }, 180_000);
});
