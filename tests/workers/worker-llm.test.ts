/**
 * LLM mode on the local Worker: the same openai SDK client runs inside workerd against the real
 * HTTP fake of the OpenAI API on 127.0.0.1, with the key passed the way `.dev.vars` passes
 * secrets. A slow LLM also makes the double-submission race deterministic: exactly one of two
 * concurrent answers to the same turn is graded, the other gets 409.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.ts';
import { moveOnAsking, routedReplies } from '../support/llm-replies.ts';
import { HttpClient } from './http-client.ts';
import { startLocalWorker, type RunningProcess } from './worker-process.ts';

const apiKey = 'sk-worker-test-0123456789';

const interviewerLine = '好的，我们换个角度继续。';

/** Grades as JSON; the interviewer agent's decision as a tool call that asks the next question. */
const reply = routedReplies({
  grade: JSON.stringify({
    keyPoints: [{ index: 1, covered: 'partial', evidence: null }],
    score: 6,
    strengths: ['思路清楚'],
    gaps: ['细节不够'],
    feedback: '回答抓住了主干，但缺少关键细节。建议补充具体机制。',
  }),
  decide: moveOnAsking(interviewerLine),
});

describe('the local Worker in LLM mode', () => {
  let fake: FakeOpenAI;
  let worker: RunningProcess;

  beforeAll(async () => {
    fake = await startFakeOpenAI({ defaultContent: reply });
    worker = await startLocalWorker({ vars: { OPENAI_API_KEY: apiKey, OPENAI_BASE_URL: fake.url, MIANBA_LLM_TIMEOUT_MS: '8000' } });
  }, 150_000);

  afterAll(async () => {
    await worker?.stop();
    await fake?.close();
  });

  it('reports LLM mode and grades through the openai SDK inside workerd', async () => {
    const client = new HttpClient(worker.baseUrl, '10.0.3.1');
    const health = await client.json<{ mode: string }>('/api/health');
    expect(health.body.mode).toBe('llm');

    const graded = await client.post<{ grader: string; fallback: boolean; feedback: string }>('/api/grade', {
      // A question whose note is unambiguous: this test is about the LLM path inside workerd.
      question: '什么是缓存击穿？',
      answer: '缓存击穿是一个热点 key 在缓存里过期的瞬间，大量请求直接落到数据库上。',
    });
    expect(graded.status).toBe(200);
    expect(graded.body).toMatchObject({ grader: 'llm', fallback: false });
    expect(graded.body.feedback).toContain('主干');

    const call = fake.chatRequests().at(-1);
    expect(call?.path).toBe('/v1/chat/completions');
    expect(call?.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(worker.output()).not.toContain(apiKey);
  });

  it('grades exactly one of two concurrent submissions of the same turn; the other is 409', async () => {
    const client = new HttpClient(worker.baseUrl, '10.0.3.2');
    const started = await client.post<{ id: string }>('/api/sessions', { mode: 'practice', questions: 2 });
    expect(started.status).toBe(201);
    fake.setBehaviour({ type: 'reply', content: reply, delayMs: 1_500 });
    try {
      const answers = ['第一份：RDB 是快照', '第二份：AOF 是日志'];
      const replies = await Promise.all(
        answers.map((answer) => client.post<{ error?: { code: string }; next?: { text: string } }>(`/api/sessions/${started.body.id}/answers`, { answer })),
      );
      expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
      // The LangChain interviewer agent ran inside workerd: its checked line asks the next question.
      expect(replies.find((r) => r.status === 200)?.body.next?.text.startsWith(interviewerLine)).toBe(true);
      expect(replies.find((r) => r.status === 409)?.body.error?.code).toBe('conflict');
      const transcript = JSON.stringify((await client.json(`/api/sessions/${started.body.id}`)).body);
      expect(answers.filter((answer) => transcript.includes(answer))).toHaveLength(1);
    } finally {
      fake.setBehaviour({ type: 'reply', content: reply });
    }
  });
});
