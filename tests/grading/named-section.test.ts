import { describe, expect, it } from 'vitest';
import { createGrader } from '../../src/grading/grader.ts';
import { buildNotesKnowledgeBase, seedNotes } from './notes-knowledge-base.ts';

describe('which section of an overview a question naming one section heading is graded against', () => {
  it('grades a question naming 信号 against 「信号」, not 「信号量通信」 beside it, and 信号量 against 「信号量通信」', async () => {
    const grader = createGrader({ kb: await buildNotesKnowledgeBase(seedNotes(['os-network-k8s-microservices.md'])) });
    // 信号 is the whole heading of one section and only the start of 信号量 in the other, which the retriever ranks first.
    const signal = await grader.grade({
      question: '进程间通信里的“信号”（signal）是拿来干什么的？',
      answer: '嗯，信号说白了就是个通知。某件事发生了，就给目标进程发一个信号，告诉它“这事儿出了”，它收到以后自己去处理。它不是拿来搬数据的，用起来算是比较复杂的一种。',
    });
    expect(signal.references[0]?.heading).toMatch(/> 信号$/u);
    expect(signal.score).toBeGreaterThanOrEqual(7);
    // Said only as part of 信号量, 信号 does not name the section 「信号」.
    const semaphore = await grader.grade({ question: '信号量是干什么的？', answer: '信号量是一个计数器，控制多个进程对共享资源的访问，常用作锁和同步手段。' });
    expect(semaphore.references[0]?.heading).toContain('信号量通信');
    const inOverview = await grader.grade({ question: '说说你对进程通信方法的了解，信号量呢？', answer: '信号量是一个计数器，控制多个进程对共享资源的访问。' });
    expect(inOverview.references[0]?.heading).toContain('信号量通信');
  });
});
