/**
 * Same grades on both runtimes: a fixed script of answers is sent to the Node server (a child
 * process on a temp data dir, building its own index from corpus/) and to the local Worker
 * (bundled index, exact search, D1), and every score must be equal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card, TopicId } from '../../src/core/types.ts';
import { startThrowawayServerProcess } from '../support/server-process.ts';
import { HttpClient } from './http-client.ts';
import { questionBank, scriptedAnswer } from './scripted-answers.ts';
import { startLocalWorker, type RunningProcess } from './worker-process.ts';

/** The Node entry over its own temp data folder, indexing corpus/ itself, with rate limiting out of the way. */
function startNodeServer(): Promise<RunningProcess> {
  return startThrowawayServerProcess('mianba-node-parity-', {
    env: { MIANBA_CORPUS_DIR: 'corpus', MIANBA_RATE_LIMIT_PER_MINUTE: '100000' },
    timeoutMs: 120_000,
  });
}

/** Answers that exercise the grader's range: empty-ish, partial, fuller, off-topic, English. */
const gradeScript: { question: string; answer: string }[] = [
  { question: 'epoll 和 select 的区别是什么？', answer: 'select 每次都要把 fd 集合从用户态拷贝到内核态，并且线性扫描；epoll 用红黑树管理 fd，就绪的放进就绪链表，epoll_wait 只返回就绪的 fd。' },
  { question: 'epoll 和 select 的区别是什么？', answer: '不太清楚。' },
  { question: 'Go 的 GMP 调度模型是怎样的？', answer: 'G 是 goroutine，M 是系统线程，P 是处理器，持有本地运行队列；M 必须绑定 P 才能运行 G，空闲时会从其他 P 偷取任务（work stealing）。' },
  { question: 'Redis 的持久化方式有哪些？', answer: 'RDB 快照和 AOF 追加日志，AOF 可以配置 always、everysec、no 三种刷盘策略，还可以混合持久化。' },
  { question: 'MySQL 的事务隔离级别有哪些？', answer: 'Read uncommitted, read committed, repeatable read and serializable; InnoDB uses MVCC with undo logs and read views.' },
  { question: 'TCP 为什么需要三次握手？', answer: '我喜欢吃火锅和烧烤。' },
  { question: '缓存击穿、穿透、雪崩分别怎么处理？', answer: '击穿用互斥锁或者热点永不过期；穿透用布隆过滤器或缓存空值；雪崩给过期时间加随机值。' },
];

interface GradeBody {
  score: number;
  band: string;
  keyPoints: { text: string; covered: string }[];
  references: { source: string; heading: string }[];
}

interface TurnBody {
  grade: GradeBody;
  next: { kind: string; text: string; questionId?: string };
}

/**
 * The topic with the fewest answered questions (at least 4): a session asking exactly that many
 * questions asks all of them (the planner takes answered items first), so both runtimes ask the
 * same set, only in their own random order.
 */
function smallTopic(items: Iterable<Card>): { topic: TopicId; count: number } {
  const answered = new Map<TopicId, number>();
  for (const item of items) {
    if (!item.answered || !item.question.trim()) continue;
    for (const topic of item.topics) answered.set(topic, (answered.get(topic) ?? 0) + 1);
  }
  const smallest = [...answered].filter(([, n]) => n >= 4).sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))[0];
  if (!smallest) throw new Error('no topic with four answered questions in the corpus');
  return { topic: smallest[0], count: smallest[1] };
}

/** Runs one practice session and returns score per (question, attempt). */
async function scriptedSession(client: HttpClient, bank: Map<string, Card>, topic: TopicId, count: number) {
  const started = await client.post<{ id: string; message: { questionId: string } }>('/api/sessions', { mode: 'practice', topics: [topic], questions: count });
  expect(started.status).toBe(201);
  const scores = new Map<string, number>();
  const attempts = new Map<string, number>();
  let questionId = started.body.message.questionId;
  for (let turn = 0; turn < count * 4; turn++) {
    const attempt = attempts.get(questionId) ?? 0;
    attempts.set(questionId, attempt + 1);
    const reply = await client.post<TurnBody>(`/api/sessions/${started.body.id}/answers`, { answer: scriptedAnswer(bank.get(questionId), attempt) });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    scores.set(`${questionId}#${attempt}`, reply.body.grade.score);
    if (reply.body.next.kind === 'done') break;
    questionId = reply.body.next.questionId ?? questionId;
  }
  return scores;
}

describe('Node server and local Worker grade alike', () => {
  let node: RunningProcess;
  let worker: RunningProcess;

  beforeAll(async () => {
    // Sequential: two builds at once would compete for the two cores.
    worker = await startLocalWorker();
    node = await startNodeServer();
  }, 240_000);

  afterAll(async () => {
    await Promise.all([worker?.stop(), node?.stop()]);
  });

  it('serves the same question bank', async () => {
    const [nodeHealth, workerHealth] = await Promise.all([
      new HttpClient(node.baseUrl).json<{ index: unknown }>('/api/health'),
      new HttpClient(worker.baseUrl, '10.0.2.1').json<{ index: unknown }>('/api/health'),
    ]);
    expect(workerHealth.body.index).toEqual(nodeHealth.body.index);
  });

  it('gives equal /api/grade results for a fixed script of answers', async () => {
    const nodeClient = new HttpClient(node.baseUrl);
    const workerClient = new HttpClient(worker.baseUrl, '10.0.2.2');
    const scores = new Set<number>();
    for (const entry of gradeScript) {
      const [fromNode, fromWorker] = await Promise.all([nodeClient.post<GradeBody>('/api/grade', entry), workerClient.post<GradeBody>('/api/grade', entry)]);
      expect(fromNode.status).toBe(200);
      expect(fromWorker.status).toBe(200);
      const label = `${entry.question} / ${entry.answer.slice(0, 20)}`;
      expect(fromWorker.body.score, label).toBe(fromNode.body.score);
      scores.add(fromNode.body.score);
      expect(fromWorker.body.band, label).toBe(fromNode.body.band);
      expect(fromWorker.body.keyPoints.map((point) => point.covered), label).toEqual(fromNode.body.keyPoints.map((point) => point.covered));
      expect(fromWorker.body.references.map((ref) => `${ref.source}#${ref.heading}`), label).toEqual(
        fromNode.body.references.map((ref) => `${ref.source}#${ref.heading}`),
      );
    }
    // The script spans the grader's range, so equality is not the trivial "all zero".
    expect(scores.size).toBeGreaterThanOrEqual(3);
  });

  it('gives equal per-answer scores in a scripted practice session', async () => {
    const bank = questionBank();
    const { topic, count } = smallTopic(bank.values());
    const [nodeScores, workerScores] = await Promise.all([
      scriptedSession(new HttpClient(node.baseUrl), bank, topic, count),
      scriptedSession(new HttpClient(worker.baseUrl, '10.0.2.3'), bank, topic, count),
    ]);
    const shared = [...nodeScores.keys()].filter((key) => workerScores.has(key));
    expect(shared.length).toBeGreaterThanOrEqual(count);
    for (const key of shared) expect(workerScores.get(key), key).toBe(nodeScores.get(key));
    expect(new Set(shared.map((key) => nodeScores.get(key))).size).toBeGreaterThanOrEqual(2);
  });

  it('applies an owner’s card overlays alike: the bank, search and a practice grade on the owner’s key points', async () => {
    const clients = [new HttpClient(node.baseUrl), new HttpClient(worker.baseUrl, '10.0.2.4')];
    type CardView = { id: string; question: string; topics: TopicId[]; asked: boolean; answered: boolean; kind: string; keyPoints: unknown[] };
    const lists = await Promise.all(clients.map((client) => client.json<{ cards: CardView[] }>('/api/cards')));
    expect(lists[1]?.body).toEqual(lists[0]?.body);
    const cards = lists[0]?.body.cards ?? [];
    const { topic } = smallTopic(questionBank().values());
    const inTopic = cards.filter((card) => card.topics.includes(topic) && card.asked && card.kind === 'technical');
    const [target, ...others] = inTopic.filter((card) => card.answered);
    if (!target) throw new Error(`no answered card in ${topic}`);
    const ownPoint = { text: '先说结论，再讲原理和代价', weight: 1 };
    const put = (client: HttpClient, id: string, overlay: unknown) =>
      client.json(`/api/cards/${id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(overlay) });
    for (const client of clients) {
      // Only the target is left to ask in its topic, graded on the owner's one key point.
      for (const card of [...others, ...inTopic.filter((card) => !card.answered)]) expect((await put(client, card.id, { excluded: true })).status).toBe(200);
      expect((await put(client, target.id, { keyPoints: [ownPoint] })).status).toBe(200);
    }
    const views = await Promise.all(clients.map((client) => client.json<{ card: unknown }>(`/api/cards/${target.id}`)));
    expect(views[1]?.body).toEqual(views[0]?.body);
    const searches = await Promise.all(clients.map((client) => client.json<{ results: Array<{ cardId: string }> }>(`/api/search?q=${encodeURIComponent(others[0]?.question ?? target.question)}&k=10`)));
    expect(searches[1]?.body.results.map((hit) => hit.cardId)).toEqual(searches[0]?.body.results.map((hit) => hit.cardId));
    for (const other of others) expect(searches[0]?.body.results.map((hit) => hit.cardId)).not.toContain(other.id);

    const grades = await Promise.all(
      clients.map(async (client) => {
        const started = await client.post<{ id: string; message: { questionId: string; turn: number } }>('/api/sessions', { mode: 'practice', topics: [topic], questions: 1 });
        expect(started.body.message.questionId).toBe(target.id);
        const reply = await client.post<TurnBody>(`/api/sessions/${started.body.id}/answers`, { answer: `${ownPoint.text}。`, turn: started.body.message.turn });
        return reply.body.grade;
      }),
    );
    expect(grades[0]?.keyPoints).toEqual([expect.objectContaining({ text: ownPoint.text, covered: 'yes' })]);
    expect(grades[1]?.score).toBe(grades[0]?.score);
    expect(grades[1]?.keyPoints).toEqual(grades[0]?.keyPoints);
  });
});
