/**
 * LLM mode on the local Worker: the same openai SDK client runs inside workerd against the real
 * HTTP fake of the OpenAI API on 127.0.0.1, with the key passed the way `.dev.vars` passes
 * secrets. A slow LLM also makes the double-submission race deterministic: exactly one of two
 * concurrent answers to the same turn is graded, the other gets 409.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.ts';
import { moveOnAsking, routedReplies } from '../support/llm-replies.ts';
import { toneWav } from '../support/wav.ts';
import { HttpClient } from './http-client.ts';
import { startLocalWorker, type RunningProcess } from './worker-process.ts';

const apiKey = 'sk-worker-test-0123456789';

const interviewerLine = '好的，我们换个角度继续。';

/** Grades as JSON; the interviewer agent's decision as a tool call that asks the next question. */
const reply = routedReplies({
  grade: JSON.stringify({
    // No quoted evidence, so nothing is verified and the grade stays low: the model's words must describe a low grade to be kept.
    keyPoints: [{ index: 1, covered: 'partial', evidence: null }],
    score: 1,
    strengths: ['思路清楚'],
    gaps: ['细节不够'],
    feedback: '回答只给出了定义的主干，缺少关键细节。建议补充具体机制。',
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

  it('transcribes a recording inside workerd, keeps it in D1 only on opt-in, and keeps a spoken answer as spoken', async () => {
    const client = new HttpClient(worker.baseUrl, '10.0.3.3');
    const voice = await client.json<{ transcription: boolean; keepAudio: boolean }>('/api/voice');
    expect(voice.body).toMatchObject({ transcription: true, keepAudio: true });
    fake.setTranscriptionBehaviour({ type: 'reply', content: 'RDB 是快照，嗯，AOF 是追加日志。' });
    const started = await client.post<{ id: string; message: { turn: number } }>('/api/sessions', { mode: 'practice', questions: 2 });
    const audio = toneWav(0.3);
    const uploads = fake.transcriptions.length;
    const transcribed = await client.post<{ text: string; stored: boolean }>('/api/transcriptions', {
      audio: audio.toString('base64'),
      type: 'audio/wav',
      language: 'zh',
      keepAudio: true,
      sessionId: started.body.id,
    });
    expect(transcribed.status).toBe(200);
    expect(transcribed.body).toEqual(expect.objectContaining({ text: 'RDB 是快照，嗯，AOF 是追加日志。', stored: true }));
    expect(fake.transcriptions).toHaveLength(uploads + 1);
    expect(fake.transcriptions.at(-1)?.audio.equals(audio)).toBe(true);
    expect(fake.requests.filter((request) => request.path === '/v1/audio/transcriptions').at(-1)?.headers.authorization).toBe(`Bearer ${apiKey}`);

    const refused = await client.post<{ error: { code: string } }>('/api/transcriptions', { audio: audio.toString('base64'), type: 'audio/webm' });
    expect(refused.status).toBe(415);

    const answered = await client.post(`/api/sessions/${started.body.id}/answers`, {
      answer: transcribed.body.text,
      turn: started.body.message.turn,
      spoken: true,
      speech: { engine: 'server', speakingMs: 4_000 },
    });
    expect(answered.status).toBe(200);
    const transcript = await client.json<{ turns: { role: string; spoken?: boolean; speech?: unknown }[] }>(`/api/sessions/${started.body.id}`);
    expect(transcript.body.turns.find((turn) => turn.role === 'candidate')).toMatchObject({
      spoken: true,
      speech: { engine: 'server', speakingMs: 4_000, fillers: { 嗯: 1 } },
    });
  });

  it('grades exactly one of two concurrent submissions of the same turn; the other is 409', async () => {
    const client = new HttpClient(worker.baseUrl, '10.0.3.2');
    const started = await client.post<{ id: string; message: { turn: number } }>('/api/sessions', { mode: 'practice', questions: 2 });
    expect(started.status).toBe(201);
    fake.setBehaviour({ type: 'reply', content: reply, delayMs: 1_500 });
    try {
      const answers = ['第一份：RDB 是快照', '第二份：AOF 是日志'];
      // Both name the turn they answer, as the web app does: a second request that workerd, on a busy machine, reaches only after
      // the first committed is refused too, instead of answering the next question (the likely cause of its one failure, under
      // CPU contention, which was not captured).
      const turn = started.body.message.turn;
      const replies = await Promise.all(
        answers.map((answer) => client.post<{ error?: { code: string }; next?: { text: string } }>(`/api/sessions/${started.body.id}/answers`, { answer, turn })),
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
