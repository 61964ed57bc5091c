import { describe, expect, it } from 'vitest';
import { repeatsRun } from '../../src/llm/line-checks.ts';
import { expectAppError, only, owner, perfectAnswer, rdbPoint, sampleItems } from '../support/interview-fixtures.ts';
import { makeHarness } from '../support/interview-harness.ts';

const reference = (id: string) => sampleItems.find((entry) => entry.id === id)?.reference ?? '';

/** Another key point of redis-persist, said as an answer. */
const aofAnswer = 'AOF 日志：把每条写命令追加到文件，可以重写压缩';

describe('practice mode', () => {
  it('grades each answer right away, asks every planned question once and closes with a report', async () => {
    const { service, store } = makeHarness({ items: only('redis-persist', 'mysql-index', 'go-channel', 'os-deadlock') });
    const { session, message } = await service.start(owner, { mode: 'practice', questions: 3 });
    expect(session.status).toBe('active');
    expect(session.progress).toEqual({ done: 0, total: 3 });
    expect(message.questionId).toBeDefined();

    const asked = [message.questionId];
    let result = await service.submit(session.id, owner, { answer: perfectAnswer(message.questionId ?? '') });
    expect(result.reveal).toBe(true);
    expect(result.grade?.score).toBe(10);
    expect(result.grade?.references[0]?.source).toBeTruthy();
    expect(result.next.kind).toBe('question');
    while (result.next.kind !== 'done') {
      asked.push(result.next.questionId);
      result = await service.submit(session.id, owner, { answer: perfectAnswer(result.next.questionId ?? '') });
    }
    expect(new Set(asked).size).toBe(3);
    expect(result.next.text).toMatch(/10/);

    const stored = await store.getSession(session.id);
    expect(stored?.status).toBe('done');
    await expectAppError(service.submit(session.id, owner, { answer: '还能答吗' }), 'conflict');

    const report = await service.report(session.id, owner);
    expect(report.overall).toBe(10);
    expect(report.questions.map((question) => question.questionId)).toEqual(asked);
    expect(report.turns.filter((turn) => turn.kind === 'answer').every((turn) => turn.grade)).toBe(true);
  });

  it('writes the answer, its grade and the next line in one atomic append', async () => {
    const { service, store } = makeHarness({ items: only('redis-persist', 'mysql-index') });
    const { session } = await service.start(owner, { mode: 'practice', questions: 2 });
    const before = store.commits;
    await service.submit(session.id, owner, { answer: '不知道' });
    expect(store.commits - before).toBe(1);
    const turns = await store.listTurns(session.id);
    expect(turns.map((turn) => [turn.seq, turn.role, turn.kind])).toEqual([
      [0, 'interviewer', 'question'],
      [1, 'candidate', 'answer'],
      [2, 'interviewer', 'question'],
    ]);
    expect(turns[1]?.grade?.score).toBe(0);
    expect((await store.getSession(session.id))?.version).toBe(1);
  });
});

describe('interview mode', () => {
  it('warms up with the notes’ self-introduction, asks N questions, closes, and withholds grades until the report', async () => {
    const { service, store } = makeHarness();
    const { session, message } = await service.start(owner, { mode: 'interview', topics: ['redis', 'mysql'], questions: 2 });
    expect(message.questionId).toBe('intro');
    expect(message.text).toContain('自我介绍');

    const warmUp = await service.submit(session.id, owner, { answer: '我是后端工程师，主要用 Go 和 C++，在腾讯实习过' });
    expect(warmUp.reveal).toBe(false);
    // A self-introduction is reacted to, not graded as 八股, and followed by one question about the candidate's work.
    expect(warmUp.grade).toBeNull();
    expect(warmUp.next.kind).toBe('followup');
    const story = await service.submit(session.id, owner, { answer: '主要做数据平台的接入层，用 Go 写的。' });
    expect(story.grade).toBeNull();
    expect(story.next.kind).toBe('question');
    const planned = [story.next.questionId];

    const first = await service.submit(session.id, owner, { answer: perfectAnswer(story.next.questionId ?? '') });
    expect(first.grade?.score).toBe(10);
    planned.push(first.next.kind === 'question' ? first.next.questionId : undefined);
    // A strong answer may be followed one level deeper; answering that moves on.
    const second = first.next.kind === 'followup' ? await service.submit(session.id, owner, { answer: '不太清楚' }) : first;
    planned[1] = second.next.questionId;
    const last = await service.submit(session.id, owner, { answer: perfectAnswer(second.next.questionId ?? '') });
    const closingQuestion = last.next.kind === 'followup' ? await service.submit(session.id, owner, { answer: '不知道' }) : last;
    // The closing asks for the candidate's questions and answers one before it ends.
    expect(closingQuestion.next.kind).toBe('question');
    expect(closingQuestion.next.text).toMatch(/想问|想了解/);
    const end = await service.submit(session.id, owner, { answer: '团队平时怎么做 code review？' });
    expect(end.next.kind).toBe('done');
    expect(planned).not.toContain('intro');

    const turns = await store.listTurns(session.id);
    expect(turns[0]?.kind).toBe('opening');
    expect(turns.at(-1)?.kind).toBe('closing');
    expect(turns.at(-1)?.text).not.toMatch(/\d+(\.\d)? ?分/);

    const report = await service.report(session.id, owner);
    expect(report.overall).toBe(10);
    const opening = report.questions.find((question) => question.opening);
    expect(opening?.questionId).toBe('intro');
    expect(report.topics.every((topic) => topic.topic === 'redis' || topic.topic === 'mysql')).toBe(true);
  });

  it('hides grades in the transcript of an active interview but not in practice', async () => {
    const { service } = makeHarness();
    const interview = await service.start(owner, { mode: 'interview', questions: 2 });
    await service.submit(interview.session.id, owner, { answer: '我是后端工程师' });
    await service.submit(interview.session.id, owner, { answer: '做过一个数据平台' });
    await service.submit(interview.session.id, owner, { answer: '不知道' });
    const hidden = await service.transcript(interview.session.id, owner);
    expect(hidden.reveal).toBe(false);
    expect(hidden.turns.some((turn) => turn.grade)).toBe(false);
    expect(hidden.pending?.questionId).toBeDefined();
    const report = await service.report(interview.session.id, owner);
    expect(report.turns.some((turn) => turn.grade)).toBe(true);

    const practice = await service.start(owner, { mode: 'practice', questions: 2 });
    await service.submit(practice.session.id, owner, { answer: '不知道' });
    const shown = await service.transcript(practice.session.id, owner);
    expect(shown.reveal).toBe(true);
    expect(shown.turns.some((turn) => turn.grade)).toBe(true);
  });

  it('uses a generic warm-up, ungraded, when the notes have no introduction', async () => {
    const { service } = makeHarness({ items: only('redis-persist', 'mysql-index') });
    const { session, message } = await service.start(owner, { mode: 'interview', questions: 2 });
    expect(message.questionId).toBeUndefined();
    expect(message.text).toMatch(/介绍/);
    const result = await service.submit(session.id, owner, { answer: '我叫小王，做了三年后端' });
    expect(result.grade).toBeNull();
    // No project named that the notes know: the question about the candidate's work is a general one.
    expect(result.next.kind).toBe('followup');
    expect(result.next.text).toMatch(/项目/);
    expect((await service.submit(session.id, owner, { answer: '做过一个订单系统' })).next.kind).toBe('question');
  });
});

describe('follow-ups', () => {
  it('after a partial answer asks about the most important missed point, at most twice, grading against the same reference', async () => {
    const { service, grader, store } = makeHarness({ items: only('redis-persist', 'mysql-index'), seed: 3 });
    const { session, message } = await service.start(owner, { mode: 'practice', topics: ['redis'], questions: 1 });
    expect(message.questionId).toBe('redis-persist');

    const partial = await service.submit(session.id, owner, { answer: rdbPoint });
    expect(partial.grade?.score).toBeGreaterThanOrEqual(3);
    expect(partial.grade?.score).toBeLessThan(8);
    expect(partial.next.kind).toBe('followup');
    expect(partial.next.questionId).toBe('redis-persist');
    // The heaviest missed point (混合持久化, 0.85) is asked by a concept the question and the answer did not name.
    expect(partial.next.text).toContain('AOF');
    expect(repeatsRun(partial.next.text, reference('redis-persist'), 16)).toBe(false);

    // Still short of the other points: asked about the next heaviest one, a different question.
    const second = await service.submit(session.id, owner, { answer: '嗯，持久化应该还有别的方式吧' });
    expect(second.next.kind).toBe('followup');
    expect(second.next.text).not.toBe(partial.next.text);
    expect(repeatsRun(second.next.text, reference('redis-persist'), 16)).toBe(false);
    // The follow-up is graded on everything said about the question, against the item's reference.
    const lastRequest = grader.requests.at(-1);
    expect(lastRequest?.answer).toContain(rdbPoint);
    expect(lastRequest?.answer).toContain('还有别的方式');
    expect(lastRequest?.references?.[0]?.text).toBe(sampleItems.find((entry) => entry.id === 'redis-persist')?.reference);

    const third = await service.submit(session.id, owner, { answer: '这个我不太清楚' });
    expect(third.next.kind).toBe('done');
    const turns = await store.listTurns(session.id);
    expect(turns.filter((turn) => turn.kind === 'followup')).toHaveLength(2);
    const report = await service.report(session.id, owner);
    expect(report.questions[0]?.followups).toBe(2);
    expect(report.weakest[0]?.topic).toBe('redis');
  });

  it('uses the interview log’s own follow-up question where the card has one', async () => {
    const [card] = only('redis-persist');
    const logged = { ...card!, followups: [{ question: '那 fork 的时候内存翻倍怎么办？' }] };
    const { service } = makeHarness({ items: [logged] });
    const { session } = await service.start(owner, { mode: 'practice', questions: 1 });
    const result = await service.submit(session.id, owner, { answer: rdbPoint });
    expect(result.next.kind).toBe('followup');
    expect(result.next.text).toContain('那 fork 的时候内存翻倍怎么办？');
  });

  it('after a strong answer goes one level deeper, to a related card the session has not asked', async () => {
    const { service } = makeHarness({ items: only('redis-persist', 'redis-aof-rewrite', 'mysql-index'), seed: 3 });
    const { session } = await service.start(owner, { mode: 'practice', topics: ['redis'], questions: 1 });
    const strong = await service.submit(session.id, owner, { answer: perfectAnswer('redis-persist') });
    expect(strong.next.kind).toBe('followup');
    expect(strong.next.text).toContain('AOF 重写是怎么做的？');
  });

  it('after "不知道", an off-topic or an empty-ish answer moves on kindly, with no follow-up and no praise', async () => {
    for (const answer of ['不知道', '我周末喜欢打篮球，最近在看电影。', '嗯……', 'AOF 我不太记得了']) {
      const { service } = makeHarness({ items: only('redis-persist', 'mysql-index') });
      const { session } = await service.start(owner, { mode: 'practice', topics: ['redis', 'mysql'], questions: 2 });
      const result = await service.submit(session.id, owner, { answer });
      expect(result.next.kind, answer).toBe('question');
      expect(result.next.text.split('：')[0], answer).not.toMatch(/不错|很好|清楚|完整|到位|扎实|大方向是对的|思路/);
    }
  });

  it('moves on offline after a strong answer and after a weak one', async () => {
    const { service } = makeHarness({ items: only('redis-persist', 'mysql-index', 'go-map') });
    const { session, message } = await service.start(owner, { mode: 'practice', questions: 3 });
    const strong = await service.submit(session.id, owner, { answer: perfectAnswer(message.questionId ?? '') });
    expect(strong.next.kind).toBe('question');
    const weak = await service.submit(session.id, owner, { answer: '不知道' });
    expect(weak.grade?.score).toBeLessThan(3);
    expect(weak.next.kind).toBe('question');
  });
});

describe('skip and hint', () => {
  it('skip records a 0-score skip turn and moves on', async () => {
    const { service, store } = makeHarness({ items: only('redis-persist', 'mysql-index') });
    const { session, message } = await service.start(owner, { mode: 'practice', questions: 2 });
    const skipped = await service.submit(session.id, owner, { action: 'skip' });
    expect(skipped.grade?.score).toBe(0);
    expect(skipped.grade?.keyPoints.length).toBeGreaterThan(0);
    expect(skipped.grade?.keyPoints.every((point) => point.covered === 'no')).toBe(true);
    expect(skipped.next.kind).toBe('question');
    expect(skipped.next.questionId).not.toBe(message.questionId);
    const turns = await store.listTurns(session.id);
    expect(turns[1]).toMatchObject({ role: 'candidate', kind: 'skip', questionId: message.questionId });
    await service.submit(session.id, owner, { answer: perfectAnswer(skipped.next.questionId ?? '') });
    const report = await service.report(session.id, owner);
    expect(report.questions[0]).toMatchObject({ questionId: message.questionId, score: 0, skipped: true });
    expect(report.overall).toBe(5);
  });

  it('skipping a follow-up keeps the score the earlier answer earned', async () => {
    const { service } = makeHarness({ items: only('redis-persist') });
    const { session } = await service.start(owner, { mode: 'practice', questions: 1 });
    const partial = await service.submit(session.id, owner, { answer: rdbPoint });
    expect(partial.next.kind).toBe('followup');
    const skipped = await service.submit(session.id, owner, { action: 'skip' });
    expect(skipped.next.kind).toBe('done');
    // The card shown after the skip, the report, the export and history all keep what was answered.
    expect(skipped.grade?.score).toBe(partial.grade?.score);
    expect(skipped.grade?.notice).toContain('保留');
    const report = await service.report(session.id, owner);
    expect(report.questions[0]?.score).toBe(partial.grade?.score);
    expect(report.questions[0]?.skipped).toBe(false);
    expect(report.overall).toBe(partial.grade?.score);
    const markdown = await service.exportMarkdown(session.id, owner);
    expect(markdown).not.toMatch(/评分：0 \/ 10/);
    // The band is named in Chinese, as the card says it: the export had read 「（none）」 and 「（good）」.
    expect(markdown).toMatch(/\*\*评分：[\d.]+ \/ 10\*\*（(?:优秀|良好|一般|较弱|未答到要点)）/u);
    expect(markdown).not.toMatch(/（(?:excellent|good|fair|weak|none)）/u);
    expect((await service.history(owner))[0]?.score).toBe(partial.grade?.score);
  });

  it('hints nudge, concept first and then direction, never the note, and cap the later answer: 7 after one, 5 after two', async () => {
    const { service, store } = makeHarness({ items: only('redis-persist', 'mysql-index') });
    const { session, message } = await service.start(owner, { mode: 'practice', topics: ['redis'], questions: 1 });
    expect(message.questionId).toBe('redis-persist');

    const first = await service.submit(session.id, owner, { action: 'hint' });
    expect(first.grade).toBeNull();
    expect(first.hint?.cap).toBe(7);
    expect(first.next).toMatchObject({ kind: 'question', questionId: 'redis-persist' });
    expect(first.next.text).toContain(first.hint?.point);
    const second = await service.submit(session.id, owner, { action: 'hint' });
    expect(second.hint?.cap).toBe(5);
    // The heaviest point first (RDB 快照, weight 1): its concept, then which way to think about it.
    expect(first.hint?.point).toContain('RDB');
    expect(second.next.text).toMatch(/想想|如果没有|往下想/);
    for (const hint of [first, second]) expect(repeatsRun(hint.next.text, reference('redis-persist'), 16)).toBe(false);

    const answered = await service.submit(session.id, owner, { answer: perfectAnswer('redis-persist') });
    expect(answered.grade?.score).toBe(5);
    expect(answered.grade?.band).toBe('fair');
    expect(answered.grade?.notice).toMatch(/2 次提示/);
    const turns = await store.listTurns(session.id);
    expect(turns.filter((turn) => turn.kind === 'hint')).toHaveLength(2);
    expect(turns.find((turn) => turn.kind === 'answer')?.grade?.score).toBe(5);
    const report = await service.report(session.id, owner);
    expect(report.questions[0]).toMatchObject({ score: 5, hints: 2 });
  });

  it('a hint right after a follow-up on the only point left points the direction, instead of naming that point again', async () => {
    const { service } = makeHarness({ items: only('redis-persist') });
    const { session } = await service.start(owner, { mode: 'practice', questions: 1 });
    const followup = await service.submit(session.id, owner, { answer: `${aofAnswer}；混合持久化：AOF 重写时以 RDB 格式开头再追加增量命令` });
    expect(followup.next.kind).toBe('followup');
    expect(followup.next.text).toMatch(/RDB|快照/);
    const hint = await service.submit(session.id, owner, { action: 'hint' });
    // The direction templates ask what it solves, what would happen without it, when and by whom.
    expect(hint.next.text).toMatch(/解决了什么问题|如果没有|什么时候、由谁/);
    expect(hint.hint?.cap).toBe(7);
  });

  it('never asks a follow-up about a point a hint already revealed', async () => {
    const { service } = makeHarness({ items: only('redis-persist') });
    const { session } = await service.start(owner, { mode: 'practice', questions: 1 });
    const hint = await service.submit(session.id, owner, { action: 'hint' });
    expect(hint.hint?.point).toContain('RDB');
    // Covers only the AOF point: the RDB point is the most important miss, but a hint revealed it.
    const result = await service.submit(session.id, owner, { answer: aofAnswer });
    expect(result.grade?.score).toBeLessThanOrEqual(7);
    expect(result.next.kind).toBe('followup');
    expect(result.next.text).not.toMatch(/快照|fork/);
  });

  it('stops revealing after three hints', async () => {
    const { service } = makeHarness({ items: only('go-gmp') });
    const { session } = await service.start(owner, { mode: 'practice', questions: 1 });
    const caps = [];
    for (let index = 0; index < 4; index += 1) caps.push((await service.submit(session.id, owner, { action: 'hint' })).hint?.cap);
    expect(caps).toEqual([7, 5, 3, undefined]);
    const answered = await service.submit(session.id, owner, { answer: perfectAnswer('go-gmp') });
    expect(answered.grade?.score).toBe(3);
  });

  it('a hint on a warm-up with no reference says there is nothing to hint', async () => {
    const { service } = makeHarness({ items: only('redis-persist') });
    const { session } = await service.start(owner, { mode: 'interview', questions: 1 });
    const result = await service.submit(session.id, owner, { action: 'hint' });
    expect(result.hint).toBeUndefined();
    expect(result.next.kind).toBe('question');
  });
});
