import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { isAskable } from '../../src/ingest/card-bank.ts';
import { topicNames } from '../../src/ingest/topics.ts';
import { makeHarness, referenceAnswer, removeTempDirs, type Harness } from './app-harness.ts';

let harness: Harness;
afterEach(async () => harness?.close());
afterAll(removeTempDirs);

const errorShape = { error: { code: expect.any(String), message: expect.any(String) } };

describe('read-only routes', () => {
  it('GET /api/health reports mode and index size', async () => {
    harness = await makeHarness();
    const response = await harness.browser().request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      mode: 'offline',
      reason: expect.stringContaining('offline'),
      index: { items: harness.kb.cards.length, chunks: harness.kb.chunks.length },
    });
  });

  it('GET /api/topics lists topics with names and question counts', async () => {
    harness = await makeHarness();
    const topics = (await (await harness.browser().request('/api/topics')).json()) as { id: string; name: string; questions: number }[];
    const counts = new Map<string, number>();
    // Counts are of what a drill can ask and grade: answered technical cards.
    for (const item of harness.kb.cards.filter((card) => isAskable(card) && card.answered)) for (const topic of item.topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
    expect(topics.length).toBe(counts.size);
    for (const topic of topics) {
      expect(topic).toEqual({ id: topic.id, name: topicNames[topic.id as keyof typeof topicNames], questions: counts.get(topic.id) });
    }
    expect(topics.find((topic) => topic.id === 'redis')?.name).toMatch(/Redis/);
  });

  it('GET /api/search returns cited passages and validates q and k', async () => {
    harness = await makeHarness();
    const browser = harness.browser();
    const response = await browser.request('/api/search?q=' + encodeURIComponent('Redis 持久化 AOF') + '&k=3');
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as { results: { source: string; heading: string; text: string; score: number }[] };
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(3);
    expect(results[0]).toMatchObject({ source: expect.any(String), heading: expect.any(String), text: expect.any(String), score: expect.any(Number) });
    expect(results[0]?.heading + results[0]!.text).toMatch(/Redis|AOF|持久化/);

    const empty = await browser.request('/api/search?q=');
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ error: { code: 'bad_request', message: expect.stringContaining('q') } });
    const badK = await browser.request('/api/search?q=redis&k=5000');
    expect(badK.status).toBe(400);
    expect(((await badK.json()) as { error: { message: string } }).error.message).toMatch(/^k:/);
  });

  it('POST /api/grade grades against given references', async () => {
    harness = await makeHarness();
    const response = await harness.browser().post('/api/grade', {
      question: '死锁的四个必要条件是什么？',
      answer: '互斥条件、请求与保持条件、不可剥夺条件、循环等待条件。',
      references: [{ source: 'os.md', heading: '操作系统 > 死锁', text: '- 互斥条件\n- 请求与保持条件\n- 不可剥夺条件\n- 循环等待条件' }],
    });
    expect(response.status).toBe(200);
    const grade = (await response.json()) as { score: number; keyPoints: { covered: string }[]; grader: string; references: unknown[] };
    expect(grade.score).toBeGreaterThan(5);
    expect(grade.keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(grade.keyPoints.every((point) => point.covered !== 'no')).toBe(true);
    expect(grade.grader).toBe('offline');

    const weak = await harness.browser().post('/api/grade', {
      question: '死锁的四个必要条件是什么？',
      answer: '不知道。',
      references: [{ source: 'os.md', heading: '操作系统 > 死锁', text: '- 互斥条件\n- 请求与保持条件\n- 不可剥夺条件\n- 循环等待条件' }],
    });
    expect(((await weak.json()) as { score: number }).score).toBeLessThan(grade.score);
  });
});

describe('error mapping', () => {
  it('answers unknown routes with 404 JSON', async () => {
    harness = await makeHarness();
    for (const path of ['/api/nope', '/api/sessions/abc/def/ghi', '/nothing-served-here']) {
      const response = await harness.browser().request(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(await response.json()).toEqual(errorShape);
    }
  });

  it('rejects malformed JSON and schema violations with 400 naming the field', async () => {
    harness = await makeHarness();
    const browser = harness.browser();
    const malformed = await browser.post('/api/grade', '{"question": "x", "answer": ');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: { code: 'bad_request', message: 'request body is not valid JSON' } });

    const missing = await browser.post('/api/grade', { question: '什么是死锁？' });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(/^answer:/);

    const wrongType = await browser.post('/api/sessions', { mode: 'speedrun' });
    expect(wrongType.status).toBe(400);
    expect(((await wrongType.json()) as { error: { message: string } }).error.message).toMatch(/^mode:/);

    const notObject = await browser.post('/api/sessions', [1, 2, 3]);
    expect(notObject.status).toBe(400);
    expect(await notObject.json()).toEqual(errorShape);
  });

  it('answers 413 for an answer over 32 KB and for an oversized body', async () => {
    harness = await makeHarness();
    const browser = harness.browser();
    const created = (await (await browser.post('/api/sessions', { mode: 'practice', questions: 2 })).json()) as { id: string };
    // 33 KB of CJK text is ~11k characters: small as a string, too big as UTF-8.
    const longAnswer = '缓'.repeat(11_300);
    const tooLong = await browser.post(`/api/sessions/${created.id}/answers`, { answer: longAnswer });
    expect(tooLong.status).toBe(413);
    expect(await tooLong.json()).toMatchObject({ error: { code: 'payload_too_large' } });

    const hugeBody = await browser.post(`/api/sessions/${created.id}/answers`, { answer: 'x'.repeat(200_000) });
    expect(hugeBody.status).toBe(413);
    expect(await hugeBody.json()).toMatchObject({ error: { code: 'payload_too_large' } });

    const gradeTooLong = await browser.post('/api/grade', { question: 'q', answer: 'a'.repeat(32 * 1024 + 1) });
    expect(gradeTooLong.status).toBe(413);

    // Nothing was recorded for the rejected answers.
    const transcript = (await (await browser.request(`/api/sessions/${created.id}`)).json()) as { turns: unknown[] };
    expect(transcript.turns).toHaveLength(1);
    const justUnder = await browser.post(`/api/sessions/${created.id}/answers`, { answer: '缓'.repeat(10_000) });
    expect(justUnder.status).toBe(200);
  });

  it('maps a server fault to 500 JSON without a stack trace, and logs it', async () => {
    harness = await makeHarness();
    const browser = harness.browser();
    const created = (await (await browser.post('/api/sessions', { mode: 'practice', questions: 2 })).json()) as { id: string };
    // A hand-corrupted row is the realistic way an engine invariant breaks in production.
    harness.store['db'].prepare('UPDATE sessions SET state = ? WHERE id = ?').run('{"schema":99}', created.id);
    const response = await browser.request(`/api/sessions/${created.id}/report`);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: expect.any(String) } });
    expect(text).not.toMatch(/at .+\.ts:\d+|node_modules|Error:/);
    expect(harness.logged.join('\n')).toContain('500');
  });
});

describe('sessions', () => {
  it('runs a practice session: create, answer, hint, skip, transcript, report, export, history', async () => {
    harness = await makeHarness();
    const browser = harness.browser();
    const createdResponse = await browser.post('/api/sessions', { mode: 'practice', topics: ['redis'], questions: 2 });
    expect(createdResponse.status).toBe(201);
    const created = (await createdResponse.json()) as { id: string; mode: string; message: { role: string; text: string; questionId: string } };
    expect(created).toMatchObject({ mode: 'practice', message: { role: 'interviewer', text: expect.any(String), questionId: expect.any(String) } });
    expect(created.id).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(created.message.text).toContain(harness.kb.getCard(created.message.questionId)?.question);

    const hint = await browser.post(`/api/sessions/${created.id}/answers`, { action: 'hint' });
    expect(hint.status).toBe(200);
    expect(await hint.json()).toMatchObject({ grade: null, next: { kind: expect.stringMatching(/followup|question/), text: expect.any(String) } });

    const answered = await browser.post(`/api/sessions/${created.id}/answers`, { answer: referenceAnswer(harness.kb, created.message.questionId) });
    expect(answered.status).toBe(200);
    const answer = (await answered.json()) as { grade: { score: number }; next: { kind: string; text: string } };
    expect(answer.grade.score).toBeGreaterThan(0);
    expect(['followup', 'question', 'done']).toContain(answer.next.kind);

    let next = answer.next;
    for (let guard = 0; next.kind !== 'done' && guard < 6; guard += 1) {
      const skipped = await browser.post(`/api/sessions/${created.id}/answers`, { action: 'skip' });
      expect(skipped.status).toBe(200);
      next = ((await skipped.json()) as { next: typeof next }).next;
    }
    expect(next.kind).toBe('done');

    const late = await browser.post(`/api/sessions/${created.id}/answers`, { answer: '还能再答吗' });
    expect(late.status).toBe(409);

    const transcript = (await (await browser.request(`/api/sessions/${created.id}`)).json()) as {
      session: { id: string; status: string };
      turns: { seq: number; role: string; kind: string }[];
    };
    expect(transcript.session).toMatchObject({ id: created.id, status: 'done' });
    expect(transcript.turns.map((t) => t.seq)).toEqual(transcript.turns.map((_, index) => index));
    expect(transcript.turns.filter((t) => t.kind === 'answer')).toHaveLength(1);

    const report = (await (await browser.request(`/api/sessions/${created.id}/report`)).json()) as { overall: number | null; topics: unknown[] };
    expect(report.overall).not.toBeNull();
    expect(report.topics.length).toBeGreaterThan(0);

    const exported = await browser.request(`/api/sessions/${created.id}/export.md`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('text/markdown');
    expect(await exported.text()).toContain('#');

    const history = (await (await browser.request('/api/sessions')).json()) as { sessions: { id: string }[] };
    expect(history.sessions.map((s) => s.id)).toEqual([created.id]);
  });

  it('gives each browser an owner cookie and hides other owners’ sessions with 404 on every route', async () => {
    harness = await makeHarness();
    const alice = harness.browser();
    const bob = harness.browser();
    const created = (await (await alice.post('/api/sessions', { mode: 'interview', questions: 2 })).json()) as { id: string };
    expect(alice.cookies.get('mianba_owner')).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    await bob.request('/api/health');
    expect(bob.cookies.get('mianba_owner')).not.toBe(alice.cookies.get('mianba_owner'));

    const probes: [string, string, unknown?][] = [
      ['GET', `/api/sessions/${created.id}`],
      ['GET', `/api/sessions/${created.id}/report`],
      ['GET', `/api/sessions/${created.id}/export.md`],
      ['POST', `/api/sessions/${created.id}/answers`, { answer: '偷看别人的会话' }],
      ['POST', `/api/sessions/${created.id}/answers`, { action: 'skip' }],
    ];
    for (const [method, path, body] of probes) {
      const response = method === 'GET' ? await bob.request(path) : await bob.post(path, body);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
    }
    expect(((await (await bob.request('/api/sessions')).json()) as { sessions: unknown[] }).sessions).toEqual([]);
    // Bob's attempts changed nothing.
    expect(await harness.store.listTurns(created.id)).toHaveLength(1);
    expect((await alice.request(`/api/sessions/${created.id}`)).status).toBe(200);
    for (const id of ['does-not-exist-0000000000', '..', 'x'.repeat(500)]) {
      expect((await alice.request(`/api/sessions/${encodeURIComponent(id)}`)).status).toBe(404);
    }
  });

  it('sets the owner cookie HttpOnly, SameSite=Lax, Path=/, and Secure with the __Host- prefix only over https', async () => {
    harness = await makeHarness();
    const http = await harness.app.request('/api/health');
    const cookie = http.headers.getSetCookie().find((line) => line.startsWith('mianba_owner='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    const https = await harness.app.request('https://mianba.example/api/health');
    const secure = https.headers.getSetCookie().find((line) => line.startsWith('__Host-mianba_owner='));
    expect(secure).toMatch(/Secure/);
    expect(secure).toMatch(/Path=\//);
    expect(secure).not.toMatch(/Domain/i);
    expect(https.headers.getSetCookie().some((line) => line.startsWith('mianba_owner=')), 'no unprefixed cookie over https').toBe(false);
    // A returning browser keeps its token; a malformed one is replaced.
    const token = cookie?.split(';')[0]?.split('=')[1] ?? '';
    const again = await harness.app.request('/api/health', { headers: { cookie: `mianba_owner=${token}` } });
    expect(again.headers.getSetCookie()).toEqual([]);
    const forged = await harness.app.request('/api/health', { headers: { cookie: 'mianba_owner=short' } });
    expect(forged.headers.getSetCookie()[0]).toMatch(/^mianba_owner=[A-Za-z0-9_-]{22,}/);
  });

  it('grades exactly one of two concurrent submissions of the same turn; the other gets 409', async () => {
    harness = await makeHarness();
    const browser = harness.browser();
    const created = (await (await browser.post('/api/sessions', { mode: 'practice', questions: 3 })).json()) as { id: string; message: { questionId: string } };
    const [first, second] = await Promise.all([
      browser.post(`/api/sessions/${created.id}/answers`, { answer: referenceAnswer(harness.kb, created.message.questionId) }),
      browser.post(`/api/sessions/${created.id}/answers`, { answer: referenceAnswer(harness.kb, created.message.questionId) }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const conflict = first.status === 409 ? first : second;
    expect(await conflict.json()).toMatchObject({ error: { code: 'conflict' } });
    const turns = await harness.store.listTurns(created.id);
    expect(turns.filter((turn) => turn.role === 'candidate')).toHaveLength(1);
    expect((await harness.store.getSession(created.id))?.version).toBe(1);
  });

  it('answers 409 to a repeated submit of an already answered turn, without grading it as the next answer', async () => {
    harness = await makeHarness();
    const browser = harness.browser();
    const created = (await (await browser.post('/api/sessions', { mode: 'practice', questions: 3 })).json()) as {
      id: string;
      message: { questionId: string; turn: number };
    };
    expect(created.message.turn).toBe(0);
    const body = { answer: referenceAnswer(harness.kb, created.message.questionId), turn: created.message.turn };
    const first = await browser.post(`/api/sessions/${created.id}/answers`, body);
    expect(first.status).toBe(200);
    const { next } = (await first.json()) as { next: { turn: number } };

    // The double-click's second request lands after the first committed, as JSON and as SSE.
    const repeated = await browser.post(`/api/sessions/${created.id}/answers`, body);
    expect(repeated.status).toBe(409);
    expect(await repeated.json()).toMatchObject({ error: { code: 'conflict', message: expect.stringContaining('已经提交过') } });
    const streamed = await browser.post(`/api/sessions/${created.id}/answers`, body, { accept: 'text/event-stream' });
    expect(streamed.status).toBe(409);
    expect(streamed.headers.get('content-type')).toContain('application/json');

    const transcript = (await (await browser.request(`/api/sessions/${created.id}`)).json()) as {
      turns: { seq: number; role: string }[];
      pending: { turn: number };
    };
    expect(transcript.turns.filter((turn) => turn.role === 'candidate')).toHaveLength(1);
    expect(transcript.pending.turn).toBe(next.turn);
    expect(transcript.turns.at(-1)?.seq).toBe(next.turn);
    expect((await harness.store.getSession(created.id))?.version).toBe(1);

    const current = await browser.post(`/api/sessions/${created.id}/answers`, { action: 'skip', turn: next.turn });
    expect(current.status).toBe(200);
  });

  it('lists due drill questions per topic', async () => {
    harness = await makeHarness();
    const browser = harness.browser();
    const created = (await (await browser.post('/api/sessions', { mode: 'drill', topics: ['go'], questions: 1 })).json()) as { id: string };
    const skipped = await browser.post(`/api/sessions/${created.id}/answers`, { action: 'skip' });
    expect(skipped.status).toBe(200);
    const due = (await (await browser.request('/api/drill/due?topic=go')).json()) as { topics: { topic: string; reviewed: number }[] };
    expect(due.topics).toEqual([expect.objectContaining({ topic: 'go', reviewed: 1 })]);
    expect((await browser.request('/api/drill/due?topic=cooking')).status).toBe(400);
  });
});
