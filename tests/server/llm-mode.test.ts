import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI, type RecordedRequest } from '../support/fake-openai.ts';
import { makeHarness, parseSse, referenceAnswer, removeTempDirs, type Harness } from './app-harness.ts';

const interviewerLine = '好的，我们换个角度：如果主节点宕机，这个方案怎么保证数据不丢？';
const gradeReply = JSON.stringify({ keyPoints: [], score: 6, strengths: ['思路清楚'], gaps: ['细节不足'], feedback: '回答抓住了主线，但细节还不够。' });
const secret = 'sk-test-secret-key-123';

function isStreamed(request: RecordedRequest): boolean {
  return typeof request.body === 'object' && request.body !== null && (request.body as { stream?: boolean }).stream === true;
}

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

async function answerFirstQuestion(): Promise<{ events: { event: string; data: string }[]; status: number }> {
  harness = await makeHarness({ env: { OPENAI_API_KEY: secret, OPENAI_BASE_URL: fake.url, MIANBA_LLM_TIMEOUT_MS: '3000' } });
  const browser = harness.browser();
  const created = (await (await browser.post('/api/sessions', { mode: 'practice', questions: 2 })).json()) as {
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

  it('streams the LLM’s interviewer line as it arrives, then done with the same text', async () => {
    fake.setBehaviour({ type: 'reply', content: (request) => (isStreamed(request) ? interviewerLine : gradeReply), chunkDelayMs: 5 });
    const { status, events } = await answerFirstQuestion();
    expect(status).toBe(200);
    expect(events.at(-1)?.event).toBe('done');
    const body = JSON.parse(events.at(-1)?.data ?? '{}') as { grade: { fallback: boolean }; next: { text: string } };
    expect(body.grade.fallback).toBe(false);
    const tokens = events.filter((event) => event.event === 'token').map((event) => event.data);
    expect(tokens.length).toBeGreaterThan(2);
    expect(tokens.join('')).toBe(body.next.text);
    expect(body.next.text).toContain(interviewerLine);
    expect(fake.chatRequests().some(isStreamed)).toBe(true);
  });

  it('keeps the turn when the provider returns garbage: offline grade with a notice, template line streamed', async () => {
    fake.setBehaviour({ type: 'malformed' });
    const { status, events } = await answerFirstQuestion();
    expect(status).toBe(200);
    const body = JSON.parse(events.at(-1)?.data ?? '{}') as { grade: { fallback: boolean; notice?: string; grader: string }; next: { text: string } };
    expect(events.at(-1)?.event).toBe('done');
    expect(body.grade).toMatchObject({ fallback: true, grader: 'offline', notice: expect.any(String) });
    const tokens = events.filter((event) => event.event === 'token').map((event) => event.data);
    expect(tokens.length).toBeGreaterThan(1);
    expect(tokens.join('')).toBe(body.next.text);
    expect(harness.logged.join('\n')).not.toContain(secret);
  });
});
