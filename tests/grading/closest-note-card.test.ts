/**
 * A grade made against the closest note, which does not answer the question: the card says what that note is about,
 * never that its points were the question's and were missed — offline, and with the LLM grader against the fake server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGrader } from '../../src/grading/grader.ts';
import { createLlmClient } from '../../src/llm/client.ts';
import type { HybridKnowledgeBase } from '../../src/retrieval/knowledge-base.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.ts';
import { prompts } from '../support/tcp-grading-fixture.ts';
import { buildNotesKnowledgeBase } from './notes-knowledge-base.ts';

const question = '进程和线程有什么区别？';
const answer = '进程是资源分配的单位，有独立的地址空间；线程是调度的单位，共享进程的内存，切换开销小。';
let notes: HybridKnowledgeBase;
beforeAll(async () => {
  notes = await buildNotesKnowledgeBase({
    'os-notes.md': `# 操作系统

## 多进程多线程多协程适用于哪些场景？

- 多进程适合隔离和稳定性要求高的场景，一个进程崩溃不影响其他进程。
- 多线程适合需要共享数据的计算任务，线程共享进程的地址空间。
- 多协程适合大量 IO 密集的并发请求，切换开销小。
`,
  });
});

describe('a grade against the closest note', () => {
  it('offline, names what the closest note is about instead of calling its points missed', async () => {
    const grade = await createGrader({ kb: notes }).grade({ question, answer });
    expect(grade.notice).toContain('最接近');
    expect(grade.feedback).not.toContain('这是笔记里的要点');
    expect(grade.gaps.some((gap) => gap.startsWith('没有提到'))).toBe(false);
    expect(grade.feedback + grade.gaps.join('')).toContain('最接近的');
  });

  it('still calls a missed point missed when the note answers the question', async () => {
    const grade = await createGrader({ kb: notes }).grade({ question: '多进程、多线程、多协程分别适合什么场景？', answer: '多进程隔离性好，一个崩了不影响别的。' });
    expect(grade.notice).toBeUndefined();
    expect(grade.gaps.some((gap) => gap.startsWith('没有提到'))).toBe(true);
  });

  describe('with the LLM grader', () => {
    let fake: FakeOpenAI;
    beforeAll(async () => {
      fake = await startFakeOpenAI();
    });
    afterAll(async () => {
      await fake.close();
    });

    it('keeps the rule wording: a model told the closest note is the reference calls its points missed', async () => {
      fake.setBehaviour({
        type: 'reply',
        content: JSON.stringify({ keyPoints: [], score: 3, strengths: [], gaps: ['没讲多协程适合 IO 密集'], feedback: '没讲多协程适合 IO 密集的场景，这是笔记里的要点。' }),
      });
      const llm = createLlmClient({ apiKey: 'k', baseURL: fake.url, chatModel: 'fake-grader', embeddingModel: undefined, timeoutMs: 6_000 });
      const grade = await createGrader({ kb: notes, llm, prompts }).grade({ question, answer });
      expect(grade.grader).toBe('llm');
      expect(grade.notice).toContain('最接近');
      expect(grade.feedback).not.toContain('这是笔记里的要点');
    });
  });
});
