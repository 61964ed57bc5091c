import { describe, expect, it } from 'vitest';
import type { Turn } from '../../src/core/types.ts';
import { createInterviewService } from '../../src/interview/interview-service.ts';
import { item } from '../support/bigram-knowledge.ts';
import { expectAppError, loadPrompts, only, owner, perfectAnswer, rdbPoint, sampleItems } from '../support/interview-fixtures.ts';
import { makeHarness } from '../support/interview-harness.ts';

describe('a question’s grade, defined once', () => {
  it('a skipped follow-up after a hinted answer keeps the capped grade everywhere, and FSRS reads the same score', async () => {
    const { service, store } = makeHarness({ items: only('redis-persist') });
    const { session } = await service.start(owner, { mode: 'drill', topics: ['redis'], questions: 1 });
    await service.submit(session.id, owner, { action: 'hint' });
    const answered = await service.submit(session.id, owner, { answer: rdbPoint });
    expect(answered.next.kind).toBe('followup');
    const skipped = await service.submit(session.id, owner, { action: 'skip' });
    expect(skipped.grade?.score).toBe(answered.grade?.score);
    expect(skipped.review?.questionId).toBe('redis-persist');
    const report = await service.report(session.id, owner);
    expect(report.questions[0]).toMatchObject({ score: answered.grade?.score, hints: 1, skipped: false });
    expect((await store.getCards(owner, 'redis')).length).toBe(1);
  });
});

describe('ownership, validation and concurrency', () => {
  it('another owner’s or an unknown session is not_found', async () => {
    const { service } = makeHarness();
    const { session } = await service.start(owner, { mode: 'practice', questions: 1 });
    await expectAppError(service.submit(session.id, 'owner-b', { answer: 'x' }), 'not_found');
    await expectAppError(service.transcript(session.id, 'owner-b'), 'not_found');
    await expectAppError(service.report('missing', owner), 'not_found');
    expect(await service.history('owner-b')).toEqual([]);
  });

  it('rejects invalid input with bad_request', async () => {
    const { service } = makeHarness();
    await expectAppError(service.start(owner, { mode: 'drill', topics: ['redis', 'go'] }), 'bad_request');
    await expectAppError(service.start(owner, { mode: 'practice', topics: ['blockchain'] }), 'bad_request');
    await expectAppError(service.start(owner, { mode: 'quiz' } as never), 'bad_request');
    const { session } = await service.start(owner, { mode: 'practice', questions: 1 });
    await expectAppError(service.submit(session.id, owner, { answer: '   ' }), 'bad_request');
    await expectAppError(service.submit(session.id, owner, { action: 'reveal' } as never), 'bad_request');
  });

  it('an empty bank is empty_corpus', async () => {
    const { service } = makeHarness({ items: [] });
    await expectAppError(service.start(owner, { mode: 'practice' }), 'empty_corpus');
  });

  it('two concurrent submissions of one turn: exactly one is accepted, the other is a conflict', async () => {
    const { service, store, grader } = makeHarness({ items: only('redis-persist', 'mysql-index') });
    const { session } = await service.start(owner, { mode: 'practice', questions: 2 });
    const outcomes = await Promise.allSettled([
      service.submit(session.id, owner, { answer: '第一份回答' }),
      service.submit(session.id, owner, { answer: '第二份回答' }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.find((outcome) => outcome.status === 'rejected');
    expect((rejected as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict' });
    expect(grader.requests).toHaveLength(1);
    const answers = (await store.listTurns(session.id)).filter((turn) => turn.kind === 'answer');
    expect(answers).toHaveLength(1);
  });

  it('a repeated submit that arrives after the first committed is a conflict, not the next question’s answer', async () => {
    const { service, store, grader } = makeHarness({ items: only('redis-persist', 'mysql-index') });
    const { session, message } = await service.start(owner, { mode: 'practice', questions: 2 });
    expect(message.turn).toBe(0);
    const first = await service.submit(session.id, owner, { answer: '第一份回答', turn: message.turn });
    const before = await store.listTurns(session.id);
    expect(first.next.turn).toBe(before.at(-1)?.seq);
    expect(grader.requests).toHaveLength(1);

    await expectAppError(service.submit(session.id, owner, { answer: '第一份回答', turn: message.turn }), 'conflict');
    await expectAppError(service.submit(session.id, owner, { action: 'skip', turn: message.turn }), 'conflict');
    await expectAppError(service.submit(session.id, owner, { action: 'hint', turn: first.next.turn + 1 }), 'conflict');
    expect(grader.requests).toHaveLength(1);
    expect(await store.listTurns(session.id)).toEqual(before);

    // The current line's turn is accepted, after a hint the hint's own seq is, and the transcript names it.
    const hint = await service.submit(session.id, owner, { action: 'hint', turn: first.next.turn });
    expect((await service.transcript(session.id, owner)).pending?.turn).toBe(hint.next.turn);
    await expectAppError(service.submit(session.id, owner, { action: 'skip', turn: first.next.turn }), 'conflict');
    const last = await service.submit(session.id, owner, { action: 'skip', turn: hint.next.turn });
    expect(last.next.kind).toBe('done');
    expect(last.next.turn).toBe((await store.listTurns(session.id)).at(-1)?.seq);
  });

  it('rejects a turn that is not a non-negative integer', async () => {
    const { service } = makeHarness();
    const { session } = await service.start(owner, { mode: 'practice', questions: 1 });
    await expectAppError(service.submit(session.id, owner, { answer: 'x', turn: -1 }), 'bad_request');
    await expectAppError(service.submit(session.id, owner, { answer: 'x', turn: 0.5 }), 'bad_request');
  });

  it('a version moved on by another process is a conflict and writes nothing', async () => {
    // Two engine instances over one store behave like two server processes.
    const first = makeHarness({ items: only('redis-persist', 'mysql-index') });
    const second = createInterviewService({ kb: first.kb, grader: first.grader, store: first.store, prompts: loadPrompts() });
    const { session } = await first.service.start(owner, { mode: 'practice', questions: 2 });
    const outcomes = await Promise.allSettled([
      first.service.submit(session.id, owner, { answer: '进程一的回答' }),
      second.submit(session.id, owner, { answer: '进程二的回答' }),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'conflict' });
    const turns = await first.store.listTurns(session.id);
    expect(turns.filter((turn: Turn) => turn.kind === 'answer')).toHaveLength(1);
    expect(turns.map((turn) => turn.seq)).toEqual([0, 1, 2]);
    // After the conflict the session continues normally from the committed state.
    const next = await second.submit(session.id, owner, { answer: '继续作答' });
    expect(next.next.kind).toBe('done');
  });
});

describe('choosing questions', () => {
  it('never repeats a question and prefers answered items over unanswered ones', async () => {
    const { service, store } = makeHarness();
    const answeredCount = sampleItems.filter((entry) => entry.answered && entry.id !== 'intro').length;
    const { session } = await service.start(owner, { mode: 'interview', questions: 30 });
    const stored = await store.getSession(session.id);
    const plan = (stored?.state as { plan: string[] }).plan;
    expect(new Set(plan).size).toBe(plan.length);
    expect(plan).not.toContain('intro');
    expect(plan.slice(0, answeredCount).every((id) => sampleItems.find((entry) => entry.id === id)?.answered)).toBe(true);
    expect(plan.at(-1)).toBe('os-unanswered');

    const seen: string[] = [];
    let result = await service.submit(session.id, owner, { action: 'skip' });
    while (result.next.kind !== 'done') {
      // The closing question ("你有什么想问我的吗") asks about no card.
      if (result.next.questionId) seen.push(result.next.questionId);
      result = await service.submit(session.id, owner, { action: 'skip' });
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(plan);
  });

  it('mixes the chosen topics round-robin', async () => {
    const { service, store } = makeHarness();
    const { session } = await service.start(owner, { mode: 'practice', topics: ['redis', 'mysql', 'go'], questions: 6 });
    const plan = ((await store.getSession(session.id))?.state as { plan: string[] }).plan;
    const topics = plan.map((id) => sampleItems.find((entry) => entry.id === id)?.topics[0]);
    expect(topics.slice(0, 3).sort()).toEqual(['go', 'mysql', 'redis']);
    expect(topics.slice(3, 6).sort()).toEqual(['go', 'mysql', 'redis']);
  });

  it('is deterministic for a seed and varies across seeds', async () => {
    const plans = await Promise.all(
      [5, 5, 6, 11].map(async (seed) => {
        const { service, store } = makeHarness({ seed });
        const { session, message } = await service.start(owner, { mode: 'practice', questions: 5 });
        return JSON.stringify([((await store.getSession(session.id))?.state as { plan: string[] }).plan, message.text]);
      }),
    );
    expect(plans[0]).toBe(plans[1]);
    expect(new Set(plans).size).toBeGreaterThan(1);
  });
});

describe('history and export', () => {
  it('lists the owner’s sessions newest first with progress and score', async () => {
    const { service, clock } = makeHarness();
    const older = await service.start(owner, { mode: 'practice', questions: 1 });
    let result = await service.submit(older.session.id, owner, { answer: perfectAnswer(older.message.questionId ?? '') });
    while (result.next.kind !== 'done') result = await service.submit(older.session.id, owner, { answer: '不知道' });
    clock.now = new Date(clock.now.getTime() + 60_000);
    const newer = await service.start(owner, { mode: 'interview', questions: 2 });
    const history = await service.history(owner);
    expect(history.map((entry) => entry.id)).toEqual([newer.session.id, older.session.id]);
    expect(history[1]).toMatchObject({ status: 'done', score: 10, progress: { done: 1, total: 1 } });
    expect(history[0]).toMatchObject({ status: 'active', score: null, progress: { done: 0, total: 2 } });
  });

  it('exports Markdown with scores and the transcript, keeping HTML in answers inert', async () => {
    const { service } = makeHarness({ items: only('redis-persist', 'mysql-index') });
    const { session } = await service.start(owner, { mode: 'practice', questions: 2 });
    await service.submit(session.id, owner, { answer: '<img src=x onerror=alert(1)>' });
    await service.submit(session.id, owner, { answer: '不知道' });
    const markdown = await service.exportMarkdown(session.id, owner);
    expect(markdown).toMatch(/^# 面霸 MianBa 练习记录/);
    expect(markdown).toContain('总分：0 / 10');
    expect(markdown).toContain('&lt;img src\\=x onerror\\=alert\\(1\\)&gt;');
    expect(markdown).not.toContain('<img');
    expect(markdown).toMatch(/参考：redis\\\.md › /);
    expect(markdown).toContain('## 最需要加强的要点');
  });
});

describe('asking a note whose title is not a question', () => {
  const statement = item({
    id: 'tcp-congestion',
    question: 'TCP 拥塞控制',
    answer: '- 慢启动：拥塞窗口指数增长\n- 拥塞避免：到阈值后线性增长\n- 快重传与快恢复：收到三个重复 ACK 立即重传',
    topics: ['network'],
  });

  it('turns the title into a question instead of reading it out bare', async () => {
    const { service } = makeHarness({ items: [statement] });
    const { message } = await service.start(owner, { mode: 'practice', questions: 1 });
    expect(message.questionId).toBe('tcp-congestion');
    expect(message.text).toMatch(/TCP 拥塞控制.*(？|。)/u);
    expect(message.text).not.toMatch(/「TCP 拥塞控制」/u);
  });

  it('keeps a title that already asks something as it is', async () => {
    const { service } = makeHarness({ items: only('redis-persist') });
    const { message } = await service.start(owner, { mode: 'practice', questions: 1 });
    expect(message.text).toContain('Redis 的持久化方式有哪些？');
    expect(message.text).not.toContain('「Redis 的持久化方式有哪些？」');
  });
});
