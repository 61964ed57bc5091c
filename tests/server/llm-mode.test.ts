import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.ts';
import { isDecision, moveOnAsking, routedReplies } from '../support/llm-replies.ts';
import { makeHarness, parseSse, referenceAnswer, removeTempDirs, type Harness } from './app-harness.ts';
import { textPieces } from '../../src/server/sse.ts';

const interviewerLine = '好的，我们换个角度：如果主节点宕机，这个方案怎么保证数据不丢？';
const gradeReply = JSON.stringify({ keyPoints: [], score: 6, strengths: ['思路清楚'], gaps: ['细节不足'], feedback: '回答抓住了主线，但细节还不够。' });
const secret = 'sk-test-secret-key-123';

let fake: FakeOpenAI;
let harness: Harness;
beforeAll(async () => {
  fake = await startFakeOpenAI({ chunkSize: 6 });
});
afterEach(async () => harness?.close());
afterAll(async () => {
  await fake.close();
  removeTempDirs();
});

/**
 * Answers the first of two questions with the first 60 characters of its note, on the RDB card, whose note opens with what a
 * candidate would say. On a random card those characters can be a heading or a code line: graded as no answer, the engine
 * keeps its own line over the model's. That is the likely cause of the one failure in ~30 runs, which could not be captured.
 */
async function answerFirstQuestion(): Promise<{ events: { event: string; data: string }[]; status: number }> {
  harness = await makeHarness({ env: { OPENAI_API_KEY: secret, OPENAI_BASE_URL: fake.url, MIANBA_LLM_TIMEOUT_MS: '3000' } });
  const browser = harness.browser();
  const rdb = harness.kb.cards.find((card) => card.answered && /RDB/u.test(card.question));
  const other = harness.kb.cards.find((card) => card.answered && card.id !== rdb?.id && card.topics.some((topic) => rdb?.topics.includes(topic)));
  const created = (await (await browser.post('/api/sessions', { mode: 'drill', cards: [rdb?.id, other?.id], questions: 2 })).json()) as {
    id: string;
    message: { questionId: string };
  };
  const response = await browser.post(
    `/api/sessions/${created.id}/answers`,
    { answer: referenceAnswer(harness.kb, created.message.questionId).slice(0, 60) },
    { accept: 'text/event-stream' },
  );
  return { status: response.status, events: parseSse(await response.text()) };
}

describe('LLM mode against a fake OpenAI-compatible server', () => {
  it('reports llm mode without leaking the key', async () => {
    harness = await makeHarness({ env: { OPENAI_API_KEY: secret, OPENAI_BASE_URL: fake.url } });
    const health = await (await harness.browser().request('/api/health')).text();
    expect(JSON.parse(health)).toMatchObject({ ok: true, mode: 'llm' });
    expect(health).not.toContain(secret);
  });

  it('sends the LLM’s interviewer line only once it passed its checks, then done with the same text', async () => {
    fake.setBehaviour({ type: 'reply', content: routedReplies({ grade: gradeReply, decide: moveOnAsking(interviewerLine) }) });
    const { status, events } = await answerFirstQuestion();
    expect(status).toBe(200);
    expect(events.at(-1)?.event).toBe('done');
    const body = JSON.parse(events.at(-1)?.data ?? '{}') as { grade: { fallback: boolean }; next: { text: string } };
    expect(body.grade.fallback).toBe(false);
    const tokens = events.filter((event) => event.event === 'token').map((event) => event.data);
    expect(tokens.length).toBeGreaterThan(2);
    expect(tokens.join('')).toBe(body.next.text);
    expect(body.next.text.startsWith(interviewerLine)).toBe(true);
    expect(body.next.text.length).toBeGreaterThan(interviewerLine.length);
    expect(fake.chatRequests().some(isDecision)).toBe(true);
    expect(fake.chatRequests().every((request) => (request.body as { stream?: boolean }).stream !== true)).toBe(true);
  });

  it('after 3 failed LLM calls in a row, health says degraded and why, and each fallback logged one line', async () => {
    fake.setBehaviour({ type: 'error', status: 503 });
    harness = await makeHarness({ env: { OPENAI_API_KEY: secret, OPENAI_BASE_URL: fake.url, MIANBA_LLM_TIMEOUT_MS: '1000' } });
    const browser = harness.browser();
    const created = (await (await browser.post('/api/sessions', { mode: 'practice', questions: 5 })).json()) as { id: string; message: { questionId: string } };
    let questionId = created.message.questionId;
    for (let turn = 0; turn < 4; turn += 1) {
      const response = await browser.post(`/api/sessions/${created.id}/answers`, { answer: '不知道' });
      questionId = ((await response.json()) as { next: { questionId: string } }).next.questionId;
    }
    expect(questionId).toBeTruthy();
    const health = (await (await browser.request('/api/health')).json()) as { mode: string; reason: string };
    expect(health).toMatchObject({ mode: 'degraded', reason: expect.stringContaining('3 LLM calls failed in a row') });
    const fallbacks = harness.logged.filter((line) => line.includes('llm fallback'));
    expect(fallbacks.length).toBe(4);
    for (const line of fallbacks) expect(line).toMatch(/purpose=grade kind=(http|circuit_open) status=(503|-) latency_ms=\d+ model=gpt-4o-mini/);
    expect(fallbacks.join('\n')).not.toMatch(/不知道|sk-test/);
  });

  it('keeps the turn when the provider returns garbage: offline grade with a notice, template line streamed', async () => {
    fake.setBehaviour({ type: 'malformed' });
    const { status, events } = await answerFirstQuestion();
    expect(status).toBe(200);
    const body = JSON.parse(events.at(-1)?.data ?? '{}') as { grade: { fallback: boolean; notice?: string; grader: string }; next: { text: string } };
    expect(events.at(-1)?.event).toBe('done');
    expect(body.grade).toMatchObject({ fallback: true, grader: 'offline', notice: expect.any(String) });
    const tokens = events.filter((event) => event.event === 'token').map((event) => event.data);
    // Streamed in the pieces an LLM-like stream has, however short the line ("那模式呢？能展开讲讲吗？" is one piece).
    expect(tokens).toEqual(textPieces(body.next.text));
    expect(tokens.join('')).toBe(body.next.text);
    expect(harness.logged.join('\n')).not.toContain(secret);
  });
});
