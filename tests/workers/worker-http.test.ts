/**
 * The HTTP contract of the server issue, served by the real Worker in local `wrangler dev`
 * (workerd, local D1, ratelimits binding, assets binding), offline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './http-client.ts';
import { partialAnswer, questionBank, scriptedAnswer } from './scripted-answers.ts';
import { startLocalWorker, type RunningProcess } from './worker-process.ts';

interface StartBody {
  id: string;
  mode: string;
  message: { role: string; text: string; questionId: string };
}

interface AnswerBody {
  grade: { score: number; band: string; keyPoints: unknown[]; references: { source: string; heading: string; text: string }[] };
  next: { kind: 'followup' | 'question' | 'done'; text: string; questionId?: string };
}

interface ErrorBody {
  error: { code: string; message: string };
}

describe('the Worker under local wrangler dev', () => {
  let worker: RunningProcess;

  beforeAll(async () => {
    worker = await startLocalWorker();
  }, 150_000);

  afterAll(async () => {
    await worker?.stop();
  });

  it('reports health and topics offline', async () => {
    const client = new HttpClient(worker.baseUrl, '10.0.1.1');
    const health = await client.json<{ ok: boolean; mode: string; index: { items: number; chunks: number } }>('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ ok: true, mode: 'offline' });
    expect(health.body.index.items).toBeGreaterThan(100);
    expect(health.body.index.chunks).toBeGreaterThanOrEqual(health.body.index.items / 2);

    const topics = await client.json<{ id: string; name: string; questions: number }[]>('/api/topics');
    expect(topics.status).toBe(200);
    expect(topics.body.find((topic) => topic.id === 'redis')?.questions).toBeGreaterThan(0);
  });

  it('runs a full practice session: questions, follow-ups, hint, report, export, history', async () => {
    const alice = new HttpClient(worker.baseUrl, '10.0.1.2');
    const started = await alice.post<StartBody>('/api/sessions', { mode: 'practice', topics: ['redis', 'mysql'], questions: 4 });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ mode: 'practice', message: { role: 'interviewer' } });
    expect(started.body.id).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    const id = started.body.id;

    const hint = await alice.post<Partial<AnswerBody> & Record<string, unknown>>(`/api/sessions/${id}/answers`, { action: 'hint' });
    expect(hint.status).toBe(200);

    const bank = questionBank();
    const attempts = new Map<string, number>();
    let questionId = started.body.message.questionId;
    const kinds: string[] = [];
    const answers: string[] = [];
    for (let turn = 0; turn < 20 && kinds.at(-1) !== 'done'; turn++) {
      const attempt = attempts.get(questionId) ?? 0;
      attempts.set(questionId, attempt + 1);
      const item = bank.get(questionId);
      const answer = attempt === 0 ? await partialAnswer(alice, item) : scriptedAnswer(item, attempt);
      answers.push(answer);
      const reply = await alice.post<AnswerBody>(`/api/sessions/${id}/answers`, { answer });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      expect(reply.body.grade.score).toBeGreaterThanOrEqual(0);
      expect(reply.body.grade.score).toBeLessThanOrEqual(10);
      expect(['followup', 'question', 'done']).toContain(reply.body.next.kind);
      kinds.push(reply.body.next.kind);
      questionId = reply.body.next.questionId ?? questionId;
    }
    expect(kinds.at(-1)).toBe('done');
    expect(kinds).toContain('followup');
    expect(kinds.filter((kind) => kind === 'question')).toHaveLength(3);

    const finished = await alice.post<ErrorBody>(`/api/sessions/${id}/answers`, { answer: '还有一点补充' });
    expect(finished.status).toBe(409);
    expect(finished.body.error.code).toBe('conflict');

    const transcript = await alice.json<Record<string, unknown>>(`/api/sessions/${id}`);
    expect(transcript.status).toBe(200);
    expect(JSON.stringify(transcript.body)).toContain(JSON.stringify(answers[0]).slice(1, -1));

    const report = await alice.json<Record<string, unknown>>(`/api/sessions/${id}/report`);
    expect(report.status).toBe(200);
    expect(JSON.stringify(report.body)).toMatch(/score/i);

    const exported = await alice.request(`/api/sessions/${id}/export.md`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toMatch(/text\/markdown/);
    const markdown = await exported.text();
    expect(markdown).toMatch(/^# /);
    // Markdown escaping may touch punctuation, never a run of CJK characters.
    const cjkRun = /[\u4e00-\u9fff]{6,}/.exec(answers.join(' '))?.[0] ?? '';
    expect(markdown).toContain(cjkRun.slice(0, 12));

    const history = await alice.json<{ sessions: { id: string }[] }>('/api/sessions');
    expect(history.body.sessions.map((session) => session.id)).toContain(id);
  });

  it('answers bad input with 400/413 JSON errors', async () => {
    const client = new HttpClient(worker.baseUrl, '10.0.1.3');
    const badMode = await client.post<ErrorBody>('/api/sessions', { mode: 'karaoke' });
    expect(badMode.status).toBe(400);
    expect(badMode.body.error.code).toBe('bad_request');

    const malformed = await client.post<ErrorBody>('/api/sessions', '{"mode":');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('bad_request');

    const { body: session } = await client.post<StartBody>('/api/sessions', { mode: 'practice', questions: 1 });
    const empty = await client.post<ErrorBody>(`/api/sessions/${session.id}/answers`, { answer: '   ' });
    expect(empty.status).toBe(400);

    const oversize = await client.post<ErrorBody>(`/api/sessions/${session.id}/answers`, { answer: '长'.repeat(12_000) });
    expect(oversize.status).toBe(413);
    expect(oversize.body.error.code).toBe('payload_too_large');

    const missing = await client.json<ErrorBody>('/api/sessions/AAAAAAAAAAAAAAAAAAAAAAAA');
    expect(missing.status).toBe(404);
    const noRoute = await client.json<ErrorBody>('/api/no-such-route');
    expect(noRoute.status).toBe(404);
    expect(noRoute.body.error.code).toBe('not_found');
  });

  it('hides a session from another owner (404) and never commits an answer twice', async () => {
    const alice = new HttpClient(worker.baseUrl, '10.0.1.4');
    const bob = new HttpClient(worker.baseUrl, '10.0.1.5');
    const { body: session } = await alice.post<StartBody>('/api/sessions', { mode: 'practice', questions: 3 });

    for (const path of [`/api/sessions/${session.id}`, `/api/sessions/${session.id}/report`, `/api/sessions/${session.id}/export.md`]) {
      expect((await bob.request(path)).status, path).toBe(404);
    }
    const foreignAnswer = await bob.post<ErrorBody>(`/api/sessions/${session.id}/answers`, { answer: '我不是这个会话的主人' });
    expect(foreignAnswer.status).toBe(404);
    expect(foreignAnswer.body.error.code).toBe('not_found');
    expect((await bob.json<{ sessions: unknown[] }>('/api/sessions')).body.sessions).toEqual([]);

    // Offline grading is so fast that concurrent submissions may also be served one after the
    // other (then both are legitimate turns); either way each accepted answer is in the
    // transcript exactly once and no refused one is. The deterministic 409 race, with a slow
    // LLM, is in worker-llm.test.ts.
    const answers = ['并发答案一：持久化', '并发答案二：主从复制', '并发答案三：哨兵'];
    const replies = await Promise.all(answers.map((answer) => alice.post(`/api/sessions/${session.id}/answers`, { answer })));
    // Counted as candidate turns: a grade card may quote an answer as evidence, so the text alone can recur in the JSON.
    const { body: transcript } = await alice.json<{ turns: { role: string; text: string }[] }>(`/api/sessions/${session.id}`);
    replies.forEach((reply, index) => {
      expect([200, 409]).toContain(reply.status);
      expect(transcript.turns.filter((turn) => turn.role === 'candidate' && turn.text === answers[index]).length, answers[index]).toBe(reply.status === 200 ? 1 : 0);
    });
  });

  it('with the answered turn named, a double submit is graded once however the requests interleave', async () => {
    const alice = new HttpClient(worker.baseUrl, '10.0.1.10');
    const { body: session } = await alice.post<StartBody & { message: { turn: number } }>('/api/sessions', { mode: 'practice', questions: 3 });
    const answers = ['双击答案一：持久化', '双击答案二：主从复制', '双击答案三：哨兵'];
    // Concurrent and sequential repeats alike: the in-flight guard, the D1 version check or the stale turn refuses them.
    const racing = await Promise.all(
      answers.slice(0, 2).map((answer) => alice.post(`/api/sessions/${session.id}/answers`, { answer, turn: session.message.turn })),
    );
    const late = await alice.post<ErrorBody>(`/api/sessions/${session.id}/answers`, { answer: answers[2], turn: session.message.turn });
    expect(racing.map((reply) => reply.status).sort()).toEqual([200, 409]);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('conflict');
    const transcript = await alice.json<{ turns: { role: string; text: string }[] }>(`/api/sessions/${session.id}`);
    expect(transcript.body.turns.filter((turn) => turn.role === 'candidate')).toHaveLength(1);
  });

  it('streams the interviewer line as SSE with the same final object', async () => {
    const client = new HttpClient(worker.baseUrl, '10.0.1.6');
    const { body: session } = await client.post<StartBody>('/api/sessions', { mode: 'practice', questions: 2 });
    const response = await client.request(`/api/sessions/${session.id}/answers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ answer: '用主从复制和哨兵保证高可用' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const events = (await response.text()).split('\n\n').filter((block) => block.includes('data:'));
    const last = events.at(-1) ?? '';
    const data = JSON.parse(last.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim()).join('\n')) as AnswerBody;
    expect(data.grade.score).toBeGreaterThanOrEqual(0);
    expect(['followup', 'question', 'done']).toContain(data.next.kind);
  });

  it('limits a client through the ratelimits binding with 429 and Retry-After', async () => {
    const flooder = new HttpClient(worker.baseUrl, '10.0.1.7');
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    // wrangler.toml allows 120 per 60 s per client address. The local binding counts in fixed
    // one-minute windows, so a run that straddles a window boundary may need up to twice that.
    for (let request = 0; request < 250 && !statuses.includes(429); request++) {
      const response = await flooder.request('/api/topics');
      statuses.push(response.status);
      if (response.status === 429) {
        retryAfter = response.headers.get('retry-after');
        expect(((await response.json()) as ErrorBody).error.code).toBe('rate_limited');
      } else {
        await response.arrayBuffer();
      }
    }
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(100);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Another client is not affected.
    expect((await new HttpClient(worker.baseUrl, '10.0.1.8').request('/api/topics')).status).toBe(200);
  });

  it('refuses cross-site writes and a planted second owner cookie with 403, as on Node', async () => {
    const client = new HttpClient(worker.baseUrl, '10.0.1.11');
    const start = JSON.stringify({ mode: 'practice', questions: 1 });
    const post = (headers: Record<string, string>) => client.json<ErrorBody>('/api/sessions', { method: 'POST', headers, body: start });
    expect((await post({ 'content-type': 'application/json', origin: worker.baseUrl })).status, 'from the app itself').toBe(201);
    expect((await post({ 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' })).status).toBe(201);
    const refusals: Record<string, string>[] = [
      { 'content-type': 'text/plain' },
      { 'content-type': 'application/x-www-form-urlencoded' },
      { 'content-type': 'application/json', origin: 'http://127.0.0.1:1' },
      { 'content-type': 'application/json', 'sec-fetch-site': 'same-site' },
      { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site', origin: worker.baseUrl },
    ];
    for (const headers of refusals) {
      const refused = await post(headers);
      expect(refused.status, JSON.stringify(headers)).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
    }
    expect((await client.json<{ sessions: unknown[] }>('/api/sessions')).body.sessions).toHaveLength(2);

    // What a browser sends once a page on another port set `mianba_owner=…; path=/api`.
    const planted = await new HttpClient(worker.baseUrl, '10.0.1.11').json<ErrorBody>('/api/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'mianba_owner=ATTACKERxATTACKERxATTACK; mianba_owner=VICTIMxxVICTIMxxVICTIMxx' },
      body: start,
    });
    expect(planted.status).toBe(403);
    expect(planted.body.error.code).toBe('forbidden');
  });

  it('serves the web app through the Worker with the same CSP, and client routes get the shell', async () => {
    const client = new HttpClient(worker.baseUrl, '10.0.1.9');
    const home = await client.request('/');
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toMatch(/text\/html/);
    expect(home.headers.get('content-security-policy')).toContain("script-src 'self'");
    const shell = await home.text();
    expect(shell).toMatch(/<!doctype html>/i);
    const route = await client.request('/history', { headers: { accept: 'text/html' } });
    expect(route.status).toBe(200);
    expect(await route.text()).toBe(shell);
  });
});
