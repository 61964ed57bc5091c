/**
 * A question that fits two notes equally is graded against the one the answer answers (`answered-reference.ts`), but a
 * wrong answer cannot pick the note that does not see its mistake, nor an answer off the question a note it happens to match.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Grader } from '../../src/core/types.ts';
import { createGrader } from '../../src/grading/grader.ts';
import { answeredReference } from '../../src/grading/answered-reference.ts';
import { buildNotesKnowledgeBase, runnextQuizNote, sampleNotes } from './notes-knowledge-base.ts';

const goNotes = {
  ...sampleNotes,
  'go-slices.md': `# go

### Go的切片扩容机制是怎么实现的？

- append 时如果容量不够，就会分配一块新的底层数组，把旧元素拷贝过去。
- 旧容量小于 1024 时，新容量翻倍。
- 旧容量大于等于 1024 时，每次增加 25%，直到满足需要。

### Go 1.18之后切片是怎样扩容的？

- Go 1.18 之后阈值从 1024 改成了 256。
- 容量小于 256 时翻倍；大于 256 时按 newcap += (newcap + 3*256) / 4 增长，从 2 倍平滑过渡到 1.25 倍。
- 最后还会按内存对齐（size class）向上取整，所以实际容量可能比公式算出的大。
`,
  'os-kernel.md': `# os

### 内核态是什么？

- 内核态下 CPU 可以执行特权指令、访问所有内存和硬件；用户态只能访问自己的地址空间。
- 用户程序要访问硬件，需要通过系统调用陷入内核，由内核代为完成。

### 为什么协程比线程好？

- 协程切换在用户态完成，不需要陷入内核态，开销比线程切换小。
- 协程的栈很小，一台机器可以开几十万个协程。
`,
};

describe('a question that fits no note by its words, when it and its answer both retrieve one', () => {
  const quizNotes = { ...sampleNotes, 'go-quiz.md': runnextQuizNote };
  let grader: Grader;
  beforeAll(async () => {
    grader = createGrader({ kb: await buildNotesKnowledgeBase(quizNotes) });
  });
  // The seed notes' own case: worded as the candidate remembers the code, with more of the asker's words than the note's.
  const question = 'GOMAXPROCS(1) 下，先用一个循环起 10 个直接在闭包里打印 i 的 goroutine，再用一个循环起 10 个把 i 当参数传进去的 goroutine，最先打印出来的是哪个？为什么？';

  it('grades the answer against that note, named the closest', async () => {
    const grade = await grader.grade({ question, answer: '最先打出来的是 9。新建的 G 会放进 runnext，下一个就调度它，所以最后创建的那个 G 最先运行。' });
    expect(grade.references[0]?.heading).toContain('下面的代码会输出什么');
    expect(grade.notice).toContain('最接近');
    expect(grade.score).toBeGreaterThanOrEqual(7);
  });

  it('leaves the question without a note when the answer is about something else', async () => {
    const grade = await grader.grade({ question, answer: '共享内存把同一段物理内存映射到多个进程的地址空间，要配合信号量做同步。' });
    expect(grade.references).toEqual([]);
  });
});

describe('the note an answer answers, among notes its question fits alike', () => {
  let grader: Grader;
  beforeAll(async () => {
    grader = createGrader({ kb: await buildNotesKnowledgeBase(goNotes) });
  });

  it('grades an answer on either rule against the note that gives that rule', async () => {
    const question = '切片 append 的时候容量不够了是怎么扩容的？Go 1.18 前后的规则有什么不同？';
    const newRule = await grader.grade({
      question,
      answer: '1.18 以后阈值变成 256 了，小于 256 还是翻倍，超过以后按 newcap += (newcap + 3*256)/4 慢慢从两倍过渡到 1.25 倍，最后再按 size class 内存对齐向上取整。',
    });
    const oldRule = await grader.grade({
      question,
      answer: '容量不够就分配新的底层数组把旧元素拷过去，原来容量小于 1024 就翻倍，大于等于 1024 每次加 25%，一直加到够用为止。',
    });
    expect(newRule.references[0]?.heading).toContain('1.18');
    expect(oldRule.references[0]?.heading).toContain('切片扩容机制');
    expect(newRule.score).toBeGreaterThanOrEqual(8);
    expect(oldRule.score).toBeGreaterThanOrEqual(8);
  });

  it('keeps an answer that contradicts the first note on that note, where its mistake shows', async () => {
    const grade = await grader.grade({
      question: '切片 append 的时候容量不够了是怎么扩容的？Go 1.18 前后的规则有什么不同？',
      answer: '扩容的时候不会分配新的底层数组，也不用拷贝旧元素。1.18 以后阈值变成 256，超过以后按 newcap += (newcap + 3*256)/4 从两倍过渡到 1.25 倍，再按 size class 内存对齐取整。',
    });
    expect(grade.references[0]?.heading).toContain('切片扩容机制');
    expect(grade.keyPoints.some((point) => point.contradicted)).toBe(true);
  });

  it('keeps an answer off the question at a low score, though another note the question touches holds its words', async () => {
    const grade = await grader.grade({
      question: '什么是内核态和用户态？用户程序要访问硬件该怎么办？',
      answer: '协程切换在用户态完成，不需要陷入内核态，所以协程比线程轻量，栈也很小，一台机器可以开几十万个协程。',
    });
    expect(grade.references[0]?.heading).toContain('内核态是什么');
    expect(grade.score).toBeLessThanOrEqual(5);
  });
});

describe('a note the question is clearly about is kept against a narrower one the answer fits better', () => {
  const reference = (heading: string, text: string) => ({ source: 'go.md', heading, text });
  const states = reference(
    '说说你对channel 状态的了解。',
    'nil 的 channel：读和写都会永久阻塞，当前 goroutine 再也不会被唤醒；对它 close 会 panic。正常的 channel：有数据或有接收方时收发成功，否则挂起阻塞；close 成功，会唤醒所有等待的读者。已关闭的 channel：读会先读完缓冲里剩下的数据，之后读到零值；写会 panic；再 close 也会 panic。',
  );
  const closed = reference('关闭后的通道有哪些特点？', '往已经关闭的 channel 发送数据会 panic。对已经关闭的 channel 再 close 一次也会 panic。从已经关闭的 channel 读取不会阻塞，会读到零值。');
  const question = '对一个 nil 的 channel、正常的 channel、已经关闭的 channel，分别做读、写、close 会发生什么？';
  const partial = '往已经关闭的 channel 里发数据会 panic，对已经关闭的 channel 再 close 一次也会 panic。从关闭的 channel 里读会读到零值。nil channel 的情况我不太清楚。';
  const match = (references: ReturnType<typeof reference>[], topicMatch: number, titleCoverage: number) =>
    ({ item: {} as never, references, topicMatch, closest: false, titleCoverage }) as const;

  it('grades the partial answer on the note about all three states, not on the note about closed channels alone', () => {
    const found = { ...match([states], 0.83, 0.45), alternatives: [match([closed], 0.58, 0.64)] };
    expect(answeredReference(found, question, partial).match.references[0]?.heading).toBe('说说你对channel 状态的了解。');
    // Between notes the question fits alike, the answer still decides.
    const alike = { ...match([states], 0.6, 0.45), alternatives: [match([closed], 0.58, 0.64)] };
    expect(answeredReference(alike, question, partial).match.references[0]?.heading).toBe('关闭后的通道有哪些特点？');
  });
});
