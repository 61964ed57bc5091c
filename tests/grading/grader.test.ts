import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.ts';
import type { Grade } from '../../src/core/types.ts';
import { createGrader } from '../../src/grading/grader.ts';
import { createLlmClient } from '../../src/llm/client.ts';
import type { HybridKnowledgeBase } from '../../src/retrieval/knowledge-base.ts';
import { buildNotesKnowledgeBase } from './notes-knowledge-base.ts';

let kb: HybridKnowledgeBase;
beforeAll(async () => {
  kb = await buildNotesKnowledgeBase();
});

function expectWellFormed(grade: Grade): void {
  expect(grade.score).toBeGreaterThanOrEqual(0);
  expect(grade.score).toBeLessThanOrEqual(10);
  expect(Math.round(grade.score * 10) / 10).toBe(grade.score);
  expect(['excellent', 'good', 'fair', 'weak', 'none']).toContain(grade.band);
  for (const point of grade.keyPoints) {
    expect(['yes', 'partial', 'no']).toContain(point.covered);
    // Follow-ups and hints rank missed points by weight.
    expect(point.weight).toBeGreaterThan(0);
  }
  const sentences = grade.feedback.split('。').filter((sentence) => sentence.trim()).length;
  expect(sentences).toBeGreaterThanOrEqual(2);
  expect(sentences).toBeLessThanOrEqual(5);
  expect(grade.feedback).toMatch(/[\u4e00-\u9fff]/u);
}

describe('offline grader with retrieval', () => {
  it('grades against the matching note, cites it and names covered and missed points', async () => {
    const grader = createGrader({ kb });
    const grade = await grader.grade({
      question: '说说 TCP 三次握手的原因',
      answer: '客户端发 SYN，服务端回 SYN+ACK，客户端再回 ACK，这样双方都确认了对方的收发能力，还同步了初始序列号。',
    });
    expectWellFormed(grade);
    expect(grade).toMatchObject({ grader: 'offline', fallback: false });
    expect(grade.references).toEqual([expect.objectContaining({ source: 'network-notes.md', heading: expect.stringContaining('三次握手') })]);
    expect(grade.score).toBeGreaterThanOrEqual(6);
    expect(grade.keyPoints.filter((point) => point.covered === 'yes').length).toBeGreaterThanOrEqual(1);
    expect(grade.keyPoints.find((point) => point.text.includes('两次握手'))?.covered).toBe('no');
    expect(grade.feedback).toContain('两次握手');
    expect(grade.gaps.join('')).toContain('两次握手');
  });

  it('grades an overview question against the section and its sub-sections', async () => {
    const grade = await createGrader({ kb }).grade({
      question: '进程间通信有哪些方式？',
      answer: '有管道、消息队列和共享内存。管道是半双工的，只能单向流动；消息队列是内核里的消息链表；共享内存最快，但要用信号量同步。',
    });
    expect(grade.references[0]?.text).toContain('共享内存');
    expect(grade.references[0]?.text).toContain('消息队列');
    expect(grade.score).toBeGreaterThanOrEqual(6);
  });

  it('says so instead of grading against an unrelated note', async () => {
    const grade = await createGrader({ kb }).grade({ question: '红烧肉怎么做才好吃？', answer: '先焯水，再炒糖色，小火慢炖一小时。' });
    expectWellFormed(grade);
    expect(grade).toMatchObject({ score: 0, band: 'none', references: [], keyPoints: [], grader: 'offline', fallback: false });
    expect(grade.feedback).toContain('没有找到');
  });

  it('does not grade against a heading the notes never filled in: the notes do not answer the question', async () => {
    // A to-do outline as people keep them: names under a heading, a screenshot, no answer.
    const outline = '# 网络\n\n## tcp、udp\n\n三次握手\n\n## 事务隔离级别\n\n事务隔离级别\n';
    const withOutline = await buildNotesKnowledgeBase({ 'todo.md': outline });
    const question = 'TCP 三次握手是怎样的？';
    const answer = '客户端发 SYN，服务端回 SYN+ACK，客户端再回 ACK，双方确认收发能力并同步初始序列号。';
    const grade = await createGrader({ kb: withOutline }).grade({ question, answer });
    // Graded against "tcp、udp 三次握手", this correct answer matched nothing and was told it was off-topic.
    expect(grade.references).toEqual([]);
    expect(grade.feedback).toContain('没有找到');
    expect(grade.feedback).not.toMatch(/关系不大/u);
    // A filled-in note with the same heading is still the reference.
    const filled = await buildNotesKnowledgeBase({ 'todo.md': `${outline}\n## 三次握手\n\n客户端发送 SYN，服务端回复 SYN+ACK，客户端再回复 ACK，用来确认双方的收发能力。\n` });
    const graded = await createGrader({ kb: filled }).grade({ question, answer });
    expect(graded.references[0]?.text).toContain('SYN+ACK');
    expect(graded.score).toBeGreaterThanOrEqual(6);
  });

  it('uses the given references without retrieving', async () => {
    const references = [{ source: 'mine.md', heading: '自定义', text: '布隆过滤器用多个哈希函数把元素映射到位数组，可能误判存在，但不会漏判。' }];
    const grade = await createGrader({}).grade({ question: '布隆过滤器的特点？', answer: '用几个哈希函数映射到位数组，会有误判但不会漏判。', references });
    expect(grade.references).toEqual(references);
    expect(grade.score).toBeGreaterThanOrEqual(6);
  });

  it('answers "no matching note" when there is neither a knowledge base nor a reference', async () => {
    expect((await createGrader({}).grade({ question: '什么是死锁？', answer: '两个线程互相等待对方的锁。' })).references).toEqual([]);
  });

  it('rejects an invalid request with a bad_request AppError', async () => {
    const grader = createGrader({ kb });
    await expect(grader.grade({ question: '  ', answer: 'x' })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(grader.grade({ question: 'q', answer: 'a'.repeat(70_000) })).rejects.toBeInstanceOf(AppError);
    await expect(grader.grade({ question: 'q', answer: 1 } as never)).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('requires the grader prompts when an LLM is configured', () => {
    // Never called: construction alone must fail.
    const llm = createLlmClient({ apiKey: 'k', baseURL: 'http://127.0.0.1:9/v1', chatModel: 'm', embeddingModel: undefined, timeoutMs: 1000 });
    expect(() => createGrader({ kb, llm, prompts: {} })).toThrow(/grader-system/);
  });
});
