import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGrader } from '../../src/grading/grader.ts';
import { createLlmClient } from '../../src/llm/client.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.ts';
import { prompts } from '../support/tcp-grading-fixture.ts';

const note = {
  source: 'network.md',
  heading: '网络 > TCP 为什么三次握手',
  text: '三次握手是为了确认双方的发送和接收能力都正常。\n\n同时可以防止已失效的连接请求报文突然又传到服务端。',
};

describe('grading with the owner’s key points', () => {
  const grader = createGrader({});

  it('grades against the given points, not the ones extracted from the note', async () => {
    const answer = '三次握手主要是为了同步双方的初始序列号 ISN，让双方都知道对方从哪个序号开始发送。';
    const extracted = await grader.grade({ question: 'TCP 为什么三次握手', answer, references: [note] });
    const given = await grader.grade({
      question: 'TCP 为什么三次握手',
      answer,
      references: [{ ...note, keyPoints: [{ text: '同步双方的初始序列号 ISN', weight: 1 }] }],
    });
    expect(extracted.keyPoints.map((point) => point.text)).not.toContain('同步双方的初始序列号 ISN');
    expect(given.keyPoints).toEqual([expect.objectContaining({ text: '同步双方的初始序列号 ISN', covered: 'yes' })]);
    expect(given.score).toBeGreaterThan(extracted.score);
  });

  it('weighs the given points as given: missing the heavy one costs more than missing the light one', async () => {
    const keyPoints = [
      { text: '确认双方的发送和接收能力都正常', weight: 1 },
      { text: '防止已失效的连接请求报文突然又传到服务端', weight: 0.2 },
    ];
    const grade = (answer: string) => grader.grade({ question: 'TCP 为什么三次握手', answer, references: [{ ...note, keyPoints }] });
    const heavy = await grade('三次握手是为了确认双方的发送和接收能力都正常。');
    const light = await grade('三次握手可以防止已失效的连接请求报文突然又传到服务端。');
    expect(heavy.score).toBeGreaterThan(light.score);
  });
});

describe('the LLM grader with the owner’s key points, against the fake OpenAI server', () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('asks the model to judge the owner’s points, and grades on them', async () => {
    const answer = '三次握手主要是为了同步双方的初始序列号 ISN，让双方都知道对方从哪个序号开始发送。';
    fake.setBehaviour({
      type: 'reply',
      content: JSON.stringify({
        keyPoints: [{ index: 1, covered: 'yes', evidence: '同步双方的初始序列号 ISN' }],
        score: 8,
        strengths: ['说清了序列号同步'],
        gaps: [],
        feedback: '你说清了三次握手同步初始序列号的作用。',
      }),
    });
    const llm = createLlmClient({ apiKey: 'k', baseURL: fake.url, chatModel: 'fake-grader', embeddingModel: undefined, timeoutMs: 6_000 });
    const grade = await createGrader({ llm, prompts }).grade({
      question: 'TCP 为什么三次握手',
      answer,
      references: [{ ...note, keyPoints: [{ text: '同步双方的初始序列号 ISN', weight: 1 }] }],
    });
    const messages = (fake.chatRequests().at(-1)?.body as { messages: Array<{ role: string; content: string }> }).messages;
    const user = messages.find((message) => message.role === 'user')?.content ?? '';
    expect(user).toContain('1. 同步双方的初始序列号 ISN');
    expect(user).not.toContain('2. ');
    expect(grade).toMatchObject({ grader: 'llm', fallback: false });
    expect(grade.keyPoints).toEqual([expect.objectContaining({ text: '同步双方的初始序列号 ISN', covered: 'yes' })]);
    expect(grade.score).toBeGreaterThanOrEqual(7);
  });
});

describe('a note that is a list of names', () => {
  it('takes the names of a note that is a list of names, recited with spaces between them, as the answer; pieces of them as nothing', async () => {
    const names = { source: 'redis.md', heading: '缓存失效策略', text: '缓存失效策略：\n\nFIFO\nLFU\nLRU\nTTL\nRandom', keyPoints: ['FIFO', 'LFU', 'LRU', 'TTL', 'Random'].map((text) => ({ text, weight: 1 })) };
    const grade = (answer: string) => createGrader({}).grade({ question: '缓存失效策略有哪些？', answer, references: [names] });
    const spaced = await grade('FIFO LFU LRU TTL Random');
    const listed = await grade('FIFO、LFU、LRU、TTL、Random');
    expect(spaced.score).toBe(listed.score);
    expect(spaced.score).toBeGreaterThanOrEqual(9);
    expect((await grade('FI FO LF UL RU')).score).toBeLessThanOrEqual(1);
  });
});
