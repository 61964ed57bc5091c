/**
 * The engine over the real notes, the real hybrid knowledge base and the real offline grader:
 * the flows users run, with nothing hand-built in between.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Grader, KnowledgeBase, Card } from '../../src/core/types.ts';
import { createGrader } from '../../src/grading/grader.ts';
import { extractKeyPoints } from '../../src/grading/key-points.ts';
import { pointTopic } from '../../src/grading/point-topics.ts';
import { createInterviewService } from '../../src/interview/interview-service.ts';
import { gapsOf } from '../../src/interview/answer-gaps.ts';
import { askOf } from '../../src/interview/point-asks.ts';
import { repeatsRun } from '../../src/llm/line-checks.ts';
import { loadPrompts } from '../support/interview-fixtures.ts';
import { MemorySessionStore } from '../support/memory-store.ts';
import { seededRandom } from '../support/seeded-random.ts';
import { loadSeedCorpus } from '../support/seed-corpus.ts';

const owner = 'real-owner';
let cleanUp: () => void;
let kb: KnowledgeBase;
let grader: Grader;

beforeAll(async () => {
  ({ kb, cleanUp } = await loadSeedCorpus());
  grader = createGrader({ kb });
});
afterAll(() => cleanUp());

/** The real knowledge base with its question list narrowed, so a session asks known questions. */
function narrowed(keep: (item: Card) => boolean): KnowledgeBase {
  return {
    cards: kb.cards.filter(keep),
    chunks: kb.chunks,
    getCard: (id) => kb.getCard(id),
    search: (query, options) => kb.search(query, options),
    similarity: (a, b) => kb.similarity(a, b),
  };
}

function service(bank: KnowledgeBase, seed = 1) {
  const store = new MemorySessionStore();
  let count = 0;
  const interviews = createInterviewService({
    kb: bank,
    grader,
    store,
    prompts: loadPrompts(),
    random: seededRandom(seed),
    newId: () => `real-session-${(count += 1)}`,
  });
  return { interviews, store };
}

/** The answered card for a question as the note words it (the card may ask it reworded). */
function itemNamed(question: string): Card {
  const found = kb.cards.find((item) => (item.headingPath.at(-1) === question || item.question === question) && item.answered && !item.searchOnly);
  if (!found) throw new Error(`the notes have no answered question ${question}`);
  return found;
}

describe('interview engine on the real notes', () => {
  it('opens an interview with the candidate’s own self-introduction and asks answered questions of the chosen topics', async () => {
    const { interviews, store } = service(kb);
    const { session, message } = await interviews.start(owner, { mode: 'interview', topics: ['redis', 'mysql', 'go'], questions: 4 });
    expect(message.questionId).toBe(itemNamed('自我介绍').id);
    const plan = ((await store.getSession(session.id))?.state as { plan: string[] }).plan;
    expect(plan).toHaveLength(4);
    const items = plan.map((id) => kb.getCard(id));
    expect(items.every((item) => item?.answered)).toBe(true);
    expect(items.every((item) => item?.topics.some((topic) => ['redis', 'mysql', 'go'].includes(topic)))).toBe(true);
    expect(new Set(items.map((item) => item?.topics.find((topic) => ['redis', 'mysql', 'go'].includes(topic)))).size).toBe(3);
  });

  it('runs a whole interview to a report whose weakest points name topics to drill', async () => {
    const { interviews } = service(kb, 2);
    const { session } = await interviews.start(owner, { mode: 'interview', topics: ['redis', 'network'], questions: 3 });
    let result = await interviews.submit(session.id, owner, { answer: '我是后端开发，主要写 C++ 和 Go，做过 web server 项目，在腾讯实习过。' });
    // One question about a project the introduction mentions, as the notes name it.
    expect(result.next.kind).toBe('followup');
    expect(result.next.text).toMatch(/web server|腾讯实习/);
    const answers = ['不太清楚', 'TCP 是面向连接的可靠传输协议，通过序号、确认和重传保证可靠', '不知道'];
    let followups = 0;
    for (let turn = 0; result.next.kind !== 'done' && turn < 20; turn += 1) {
      if (result.next.kind === 'followup') followups += 1;
      expect(result.reveal).toBe(false);
      result = await interviews.submit(session.id, owner, { answer: answers[turn % answers.length] ?? '' });
    }
    expect(result.next.kind).toBe('done');
    expect(followups).toBeLessThanOrEqual(9);
    const report = await interviews.report(session.id, owner);
    expect(report.session.status).toBe('done');
    // Three technical questions are scored; the opening and the project deep-dive are listed, not scored.
    expect(report.questions.filter((question) => question.phase === 'technical')).toHaveLength(3);
    expect(report.questions.map((question) => question.phase)).toEqual(['opening', 'technical', 'technical', 'technical', 'project']);
    expect(kb.getCard(report.questions.at(-1)?.questionId ?? '')?.kind).toBe('project');
    expect(report.overall).not.toBeNull();
    expect(report.overall ?? 11).toBeLessThanOrEqual(10);
    expect(report.topics.length).toBeGreaterThan(0);
    expect(report.weakest.length).toBeGreaterThan(0);
    for (const weak of report.weakest) expect(['redis', 'network']).toContain(weak.topic);
    const markdown = await interviews.exportMarkdown(session.id, owner);
    expect(markdown).toContain(report.weakest[0]?.point.slice(0, 10) ?? '—');
  });

  it('names each weakest point by what it is about, with the note sentence kept as its citation', async () => {
    const { interviews } = service(narrowed((item) => item.kind === 'technical' && item.answered && item.topics.includes('redis') && item.keyPoints.some((point) => [...point.text].length > 30)), 3);
    const { session } = await interviews.start(owner, { mode: 'practice', topics: ['redis'], questions: 2 });
    let result = await interviews.submit(session.id, owner, { answer: '不知道' });
    for (let turn = 0; result.next.kind !== 'done' && turn < 10; turn += 1) result = await interviews.submit(session.id, owner, { answer: '不知道' });
    const report = await interviews.report(session.id, owner);
    expect(report.weakest.length).toBeGreaterThan(0);
    const long = report.weakest.filter((weak) => [...weak.point].length > 30);
    expect(long.length).toBeGreaterThan(0);
    for (const weak of report.weakest) {
      const card = kb.getCard(weak.questionId)!;
      expect(weak.about).toBe(pointTopic(weak.point, card.question));
      expect(weak.cited).toEqual({ source: card.source, heading: card.headingPath.join(' › ') });
    }
    // A long note sentence is never the point's name: the report says what it is about.
    for (const weak of long) expect(weak.about).not.toBe(weak.point);
    const markdown = await interviews.exportMarkdown(session.id, owner);
    const weakSection = markdown.slice(markdown.indexOf('## 最需要加强的要点'), markdown.indexOf('## 对话记录'));
    expect(weakSection).toMatch(/^1\. [^\n]+\n {3}- 笔记原文：/m);
    expect(weakSection.split('\n').filter((line) => /^\d+\. /.test(line)).every((line) => !long.some((weak) => line.includes(weak.point.slice(0, 30))))).toBe(true);
  });

  it('a partial answer is followed up on its most important missed key point', async () => {
    const compare = itemNamed('redis vs memcached');
    const { interviews } = service(narrowed((item) => item.id === compare.id));
    const { session } = await interviews.start(owner, { mode: 'practice', questions: 1 });
    const points = extractKeyPoints(compare.reference);
    // The first two points: the first alone is a one-line summary of a table, too thin to count as partial.
    const partialAnswer = points.slice(0, 2).map((point) => point.text).join('\n');
    const partial = await interviews.submit(session.id, owner, { answer: partialAnswer });
    expect(partial.grade?.references[0]?.source).toBe(compare.source);
    expect(partial.grade?.score).toBeGreaterThanOrEqual(3);
    expect(partial.grade?.score).toBeLessThan(8);
    expect(partial.next.kind).toBe('followup');
    // Asked by the concepts of the heaviest card point still missing, never by a sentence of the note.
    const gap = gapsOf(compare, partialAnswer, partial.grade ?? null)[0];
    expect(gap).toBeDefined();
    expect(partial.next.text).toContain(gap?.concepts[0]);
    expect(repeatsRun(partial.next.text, compare.reference, 16)).toBe(false);
    expect(partial.next.text).not.toMatch(/「[^」]{21,}」/);
  });

  it('asks a missed point that answers a question as that question, not by two of its words', async () => {
    const replication = kb.cards.find((item) => item.question === '说说Raft里的日志复制。' && item.answered);
    if (!replication) throw new Error('the notes have no answered question on Raft log replication');
    const { interviews } = service(narrowed((item) => item.id === replication.id));
    const { session } = await interviews.start(owner, { mode: 'practice', questions: 1 });
    const answer = 'Raft 用日志记录所有操作，每个节点都有自己的日志。';
    const partial = await interviews.submit(session.id, owner, { answer });
    expect(partial.next.kind).toBe('followup');
    const gap = gapsOf(replication, answer, partial.grade ?? null)[0];
    const ask = gap && askOf(gap.point, replication.question);
    // "当客户端向领导者发送写请求时，领导者会将该请求作为一个新的日志条目追加…" is asked as what happens then, not what does.
    expect(ask).toBe('客户端向领导者发送写请求会怎样');
    expect(partial.next.text).toContain(`${ask}？`);
    expect(partial.next.text).not.toContain('追加');
    expect(repeatsRun(partial.next.text, replication.reference, 16)).toBe(false);
  });

  it('the verbatim reference scores high and the interviewer goes deeper offline', async () => {
    const single = itemNamed('redis为什么用单线程？');
    const { interviews } = service(narrowed((item) => item.id === single.id));
    const { session } = await interviews.start(owner, { mode: 'practice', questions: 1 });
    const result = await interviews.submit(session.id, owner, { answer: single.reference });
    expect(result.grade?.score).toBeGreaterThanOrEqual(8);
    // A strong answer goes one level deeper, to a related card of the same topic found by retrieval.
    expect(result.next.kind).toBe('followup');
    const deeper = kb.cards.find((card) => card.id !== single.id && card.kind === 'technical' && result.next.text.includes(card.question));
    expect(deeper?.topics.some((topic) => single.topics.includes(topic))).toBe(true);
  });

  it('a hint names a concept of a real key point, not its sentence, and caps the grade of the later answer', async () => {
    const single = itemNamed('redis为什么用单线程？');
    const { interviews } = service(narrowed((item) => item.id === single.id));
    const { session } = await interviews.start(owner, { mode: 'practice', questions: 1 });
    const hint = await interviews.submit(session.id, owner, { action: 'hint' });
    const concepts = single.keyPoints.flatMap((point) => point.concepts.map((concept) => concept.toLowerCase()));
    for (const named of (hint.hint?.point ?? '').split('、')) expect(concepts).toContain(named.toLowerCase());
    expect(repeatsRun(hint.next.text, single.reference, 16)).toBe(false);
    const answered = await interviews.submit(session.id, owner, { answer: single.reference });
    expect(answered.grade?.score).toBe(7);
  });

  it('a drill over a real topic records a review for each finished question', async () => {
    const { interviews, store } = service(kb, 4);
    const { session, message } = await interviews.start(owner, { mode: 'drill', topics: ['mysql'], questions: 2 });
    const first = await interviews.submit(session.id, owner, { answer: kb.getCard(message.questionId ?? '')?.reference ?? '' });
    let result = first;
    while (result.next.kind !== 'done') result = await interviews.submit(session.id, owner, { action: 'skip' });
    const cards = await store.getCards(owner, 'mysql');
    expect(cards.length).toBe(2);
    expect((await interviews.due(owner, 'mysql')).topics[0]?.reviewed).toBe(2);
  });
});

describe('finding the note to grade against, on the real notes', () => {
  it('finds the note for questions worded unlike it, by their distinctive words', async () => {
    const cases: [question: string, noteQuestion: string][] = [
      ['JWT 和 session 做登录鉴权，各有什么好处和坏处？', '相比于cookie、session、双token的优势？劣势'],
      ['线上 Go 服务内存一直在涨，你会怎么排查？', '当go服务部署到线上了，发现有内存泄露，该怎么处理'],
      ['几十万用户都挂着长连接但什么都不做，服务器最先扛不住的是哪里？', '如果大量用户在线，什么都不做？哪里先崩溃？'],
    ];
    for (const [question, noteQuestion] of cases) {
      const grade = await grader.grade({ question, answer: '这个我大概了解一些。' });
      expect(grade.references[0]?.heading, question).toContain(noteQuestion);
    }
  });

  it('never presents a note as the match for a question the notes do not cover', async () => {
    for (const question of ['Java 里的 ThreadLocal 为什么可能导致内存泄漏？', 'MySQL 的 MVCC 是怎么实现的？ReadView 里有哪些字段？', 'QUIC 协议相比 TCP 有哪些改进？']) {
      const grade = await grader.grade({ question, answer: '不太清楚。' });
      // Either nothing, or the closest note with a notice saying it is only the closest.
      if (grade.references.length) expect(grade.notice, question).toContain('最接近');
    }
    expect((await grader.grade({ question: '红烧肉怎么做才好吃？', answer: '小火慢炖。' })).references).toEqual([]);
  });

  it('grades against the closest note, and says so, when none is about the question but one is close', async () => {
    const question = '用基类指针去调用子类重写过的函数，程序运行时是怎么找到子类那份实现的？';
    const grade = await grader.grade({ question, answer: '每个有虚函数的类有一张虚函数表，对象里有虚表指针，调用时通过虚表指针找到子类重写的函数地址。' });
    expect(grade.references[0]?.heading).toContain('c++虚函数的底层');
    expect(grade.notice).toContain('最接近的一条「c++虚函数的底层」');
    // A real grade against that note, not the zero of "nothing in your notes".
    expect(grade.score).toBeGreaterThan(3);
  });
});
