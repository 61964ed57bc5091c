/**
 * Steps a candidate takes in the browser, shared by the e2e suites. They act only through what a
 * user sees (labels, buttons, keyboard) and wait on the page's own state, never on timers.
 */
import type { Page } from 'playwright-core';

export type Mode = 'interview' | 'practice' | 'drill';

const modeLabels: Record<Mode, string> = { interview: '模拟面试', practice: '练习反馈', drill: '专项刷题' };

/** Fills the start screen and waits for the session view with the first question. */
export async function startFromStartScreen(
  page: Page,
  baseUrl: string,
  options: { mode: Mode; topic?: string; questions: number },
): Promise<string> {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('radio', { name: new RegExp(modeLabels[options.mode]) }).check();
  if (options.topic) await page.locator(`input[name="topics"][value="${options.topic}"]`).check();
  await page.getByLabel('题目数量').fill(String(options.questions));
  await page.getByRole('button', { name: '开始', exact: true }).click();
  await page.locator('#answer').waitFor({ timeout: 30_000 });
  const match = /#\/session\/([^/]+)$/.exec(page.url());
  if (!match?.[1]) throw new Error(`no session id in ${page.url()}`);
  return decodeURIComponent(match[1]);
}

/** The line the candidate is currently answering: the latest interviewer bubble. */
export async function currentQuestion(page: Page): Promise<string> {
  return (await page.locator('.turn-interviewer .md').last().innerText()).trim();
}

export async function turnCount(page: Page): Promise<number> {
  return page.locator('.transcript > li').count();
}

/** Waits until the in-flight submission finished and the transcript grew past `before` turns. */
export async function waitForTurnDone(page: Page, before: number): Promise<void> {
  await page.waitForFunction(
    (count) => {
      const section = document.querySelector('.session');
      return section?.getAttribute('data-busy') === 'false' && document.querySelectorAll('.transcript > li').length > count;
    },
    before,
    { timeout: 30_000 },
  );
}

/** Types an answer and submits it with Ctrl+Enter, as a keyboard user would. */
export async function answer(page: Page, text: string): Promise<void> {
  const before = await turnCount(page);
  const box = page.locator('#answer');
  await box.fill(text);
  await box.press('Control+Enter');
  await waitForTurnDone(page, before);
}

export async function isFinished(page: Page): Promise<boolean> {
  return (await page.locator('.session[data-status="done"]').count()) > 0;
}

/** The best-matching reference passage for a question, looked up as the browser's owner. */
export async function referenceFor(page: Page, baseUrl: string, question: string): Promise<string> {
  const response = await page.request.get(`${baseUrl}/api/search?k=1&q=${encodeURIComponent(question.slice(0, 300))}`);
  if (!response.ok()) throw new Error(`search failed: ${response.status()} ${await response.text()}`);
  const body = (await response.json()) as { results: { text: string }[] };
  return body.results[0]?.text ?? '';
}

/** The card whose passage best matches `query`, found as the browser's owner; fails the test when there is none. */
export async function cardIdFor(page: Page, baseUrl: string, query: string): Promise<string> {
  const response = await page.request.get(`${baseUrl}/api/search?k=5&q=${encodeURIComponent(query)}`);
  const body = (await response.json()) as { results: { cardId?: string }[] };
  const cardId = body.results.find((hit) => hit.cardId)?.cardId;
  if (!cardId) throw new Error(`no card for ${JSON.stringify(query)}`);
  return cardId;
}

/** Starts a drill on one card and opens it, ready for an answer. */
export async function openDrill(page: Page, baseUrl: string, cardId: string): Promise<void> {
  const created = (await (await page.request.post(`${baseUrl}/api/sessions`, { data: { mode: 'drill', cards: [cardId] } })).json()) as { id: string };
  await page.goto(`${baseUrl}/#/session/${created.id}`);
  await page.locator('#answer').waitFor();
}

function sentencesOf(reference: string): string[] {
  return reference
    .replace(/```[\s\S]*?```/g, ' ')
    .split(/(?<=[。！？.!?\n])/)
    .map((sentence) => sentence.replace(/[#>*`|]/g, ' ').replace(/^\s*[-\d.]+\s*/, '').trim())
    .filter((sentence) => sentence.length > 4);
}

/**
 * An answer covering about a third of the reference, for flows that only need something on topic.
 */
export function partialAnswerFrom(reference: string): string {
  const sentences = sentencesOf(reference);
  return sentences.slice(0, Math.max(1, Math.ceil(sentences.length / 3))).join(' ') || '这个问题我只了解一部分。';
}

/**
 * A genuinely partial answer to the pending question: prefixes of its reference passage, graded
 * with the server's own grader, keeping the one scored closest to the middle of the "partial"
 * band — the answers an interviewer follows up on. Falls back to a third of the reference.
 */
export async function partialAnswerForPending(page: Page, baseUrl: string, sessionId: string): Promise<{ answer: string; reference: string }> {
  const transcript = (await (await page.request.get(`${baseUrl}/api/sessions/${sessionId}`)).json()) as {
    pending: { text: string; questionId?: string } | null;
  };
  if (!transcript.pending) throw new Error('no pending question');
  const { text, questionId } = transcript.pending;
  // A note title that is not a question is asked as 「title」 inside a template line; search for the title itself.
  const query = /「(.+?)」/u.exec(text)?.[1] ?? text;
  const search = (await (await page.request.get(`${baseUrl}/api/search?k=50&q=${encodeURIComponent(query.slice(0, 300))}`)).json()) as {
    results: { text: string; source: string; heading: string; cardId?: string }[];
  };
  const own = search.results.filter((hit) => hit.cardId === questionId);
  const passages = own.length > 0 ? own : search.results.slice(0, 1);
  const reference = passages.map((hit) => hit.text).join('\n');
  const heading = passages[0]?.heading ?? '';
  const sentences = sentencesOf(reference);
  let best: { answer: string; distance: number } | undefined;
  for (let count = 1; count < Math.min(sentences.length, 9); count++) {
    const answer = sentences.slice(0, count).join(' ');
    const graded = await page.request.post(`${baseUrl}/api/grade`, {
      data: {
        question: heading.split(' > ').at(-1) ?? text,
        answer,
        references: [{ source: passages[0]?.source ?? '', heading, text: reference }],
      },
    });
    const { score } = (await graded.json()) as { score: number };
    if (score >= 3 && score < 8 && (!best || Math.abs(score - 5.5) < best.distance)) best = { answer, distance: Math.abs(score - 5.5) };
  }
  return { answer: best?.answer ?? partialAnswerFrom(reference), reference };
}
