import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reference } from '../../src/core/types.ts';
import { createGrader } from '../../src/grading/grader.ts';
import { createLlmClient } from '../../src/llm/client.ts';
import { prompts } from '../support/tcp-grading-fixture.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.ts';

/**
 * The yes/no ask inside a question (sub-question-verdict.ts) decides for the LLM grader too: a naive
 * model that quotes the answer and gives full marks cannot lift an answer whose yes or no is the
 * opposite of the note's.
 */

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});

const question = 'TCP 建立连接为什么要三次握手？UDP 有没有握手过程？';
const references: Reference[] = [
  {
    source: 'network.md',
    heading: '网络 > TCP 与 UDP 的连接',
    text: '- TCP 三次握手是为了确认双方的发送和接收能力都正常，并同步双方的初始序列号。\n- 如果只有两次握手，已经失效的连接请求到达服务端时会被误当成新连接。\n- UDP 没有握手过程，它是无连接的，直接发送数据报。',
  },
];
const explanation = '三次握手是让两边都确认对方能收能发，顺便交换初始序号，旧的连接请求也不会被误认。';

/** Every point "yes" with the given quotes (one per point, the last repeated), full marks. */
async function grade(answer: string, ...quotes: string[]) {
  fake.setBehaviour({
    type: 'reply',
    content: JSON.stringify({ keyPoints: [1, 2, 3].map((index) => ({ index, covered: 'yes', evidence: quotes[Math.min(index, quotes.length) - 1] })), score: 10, strengths: ['讲得很全面'], gaps: [], feedback: '回答完整准确，满分。' }),
  });
  const llm = createLlmClient({ apiKey: 'k', baseURL: fake.url, chatModel: 'fake-grader', embeddingModel: undefined, timeoutMs: 6_000 });
  return createGrader({ llm, prompts }).grade({ question, answer, references });
}

describe('LLM grader and the yes/no ask inside a question', () => {
  it('keeps the opposite yes or no at most 1 and says the conclusion is the opposite of the notes', async () => {
    const graded = await grade(`${explanation}UDP 也有握手过程。`, 'UDP 也有握手过程');
    expect(graded.grader).toBe('llm');
    expect(graded.score).toBeLessThanOrEqual(1);
    expect(graded.feedback).toContain('结论与笔记相反');
    expect(graded.feedback).not.toContain('满分');
  });

  it('lets the right yes or no keep a high grade', async () => {
    const graded = await grade(`${explanation}UDP 不需要握手，直接发。`, '三次握手是让两边都确认对方能收能发，顺便交换初始序号', '旧的连接请求也不会被误认', 'UDP 不需要握手，直接发');
    expect(graded.grader).toBe('llm');
    expect(graded.score).toBeGreaterThanOrEqual(7);
  });
});
