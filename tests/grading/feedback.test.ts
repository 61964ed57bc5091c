import { describe, expect, it } from 'vitest';
import { pointTopic, wordFeedback } from '../../src/grading/feedback.ts';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';
import { gradeOffline } from '../../src/grading/offline-grader.ts';

const rdbQuestion = 'save 和 bgsave 有什么区别？';
const rdbNote = `redis 一般会有两个命令生产RDB，一个是save，另一个是bgsave，区别在于是否阻塞主线程
- save是在主线程中写入RDB文件，会造成阻塞。
- bgsave是创建一个子进程来写入RDB文件，不会造成阻塞。

那么在bgsave中，通过fork函数创建的子进程会和父进程共享同一片内存数据，因为在fork的时候，子进程会复制父进程的页表数据。这样是为了减少创建子进程时的性能损耗，毕竟创建子进程的过程中，是会阻塞主线程的。`;
const reference = { source: 'redis.md', heading: 'redis > RDB', text: rdbNote };

describe('card wording (issue 10 item 5)', () => {
  it('names a point by its subject, not by pasting the note sentence', () => {
    expect(pointTopic('如果只有两次握手，已经失效的历史连接请求到达服务端时，服务端会误建立连接、浪费资源。', 'TCP 为什么三次握手')).toBe('两次握手');
    expect(pointTopic('引用计数：对每个对象维护一个引用计数，当引用计数为0时回收该对象。', 'GC 算法')).toBe('引用计数');
    expect(pointTopic('缺点：不能很好的处理循环引用', 'GC 算法')).not.toBe('缺点');
  });

  it('says what was said and what the note says instead for a contradicted point', () => {
    const grade = gradeOffline({ question: rdbQuestion, answer: 'bgsave 是在主线程中写入RDB文件，会造成阻塞；save 是创建一个子进程来写入，不会造成阻塞。', references: [reference] }).grade;
    expect(grade.score).toBeLessThanOrEqual(2);
    expect(grade.feedback).toMatch(/你说「.+」，但笔记里是「.+」/u);
    expect(grade.strengths).toEqual([]);
  });

  it('quotes clauses without their punctuation or the note\'s row label', () => {
    const worded = wordFeedback({
      question: 'Redis 和 Memcached 有什么区别？',
      band: 'weak',
      points: [{ text: '多线程：单线程模型，无法充分利用多核 CPU', weight: 1, covered: 'no', wrong: { said: 'Redis 是多线程模型，', notes: '多线程：单线程模型，' } }],
      flags: ['contradiction'],
    });
    expect(worded.feedback).toContain('你说「Redis 是多线程模型」，但笔记里是「单线程模型」。');
    const sentence = wordFeedback({ question: 'q', band: 'weak', points: [{ text: '链接', weight: 1, covered: 'no', wrong: { said: '先链接， 然后再编译主包', notes: '链接：链接器把对象文件链接在一起' } }], flags: ['contradiction'] });
    expect(sentence.feedback).toContain('你说「先链接，然后再编译主包」，但笔记里是「链接器把对象文件链接在一起」');
  });

  it('never lists a point as half-made on a full-marks card, and praises nothing after a guard fired', () => {
    const complete = wordFeedback({ question: 'q', band: 'excellent', points: [{ text: 'bgsave 创建子进程写 RDB', weight: 1, covered: 'partial' }], flags: [] });
    expect(complete.feedback).not.toContain('没讲透');
    const offTopic = wordFeedback({ question: 'q', band: 'none', points: [{ text: 'bgsave 创建子进程写 RDB', weight: 1, covered: 'yes' }], flags: ['offtopic'] });
    expect(offTopic.strengths).toEqual([]);
    expect(offTopic.feedback).not.toContain('讲到了');
  });

  it('lists a point as covered exactly when the score counts it as made', () => {
    const grade = gradeOffline({ question: rdbQuestion, answer: 'save 在主线程里写 RDB 会阻塞；bgsave fork 子进程写，子进程复制页表共享内存，不阻塞主线程。', references: [reference] }).grade;
    expect(grade.keyPoints.some((point) => point.covered === 'yes')).toBe(true);
    expect(grade.score).toBeGreaterThanOrEqual(6);
  });
});

describe('contradictions on honest answers', () => {
  it('does not call a true statement wrong because the note also says the opposite about something else', () => {
    // The note says bgsave does not block, and that forking the child does: agreeing with the first is not contradicting the second.
    const result = scoreAnswer({ question: rdbQuestion, answer: 'save 在主线程里写 RDB 会阻塞；bgsave fork 子进程写，子进程复制页表共享内存，不阻塞主线程。', references: [rdbNote] });
    expect(result.flags).not.toContain('contradiction');
  });

  it('still catches the plain denial of a note statement', () => {
    const result = scoreAnswer({ question: rdbQuestion, answer: 'save 在主线程中写入 RDB 文件，并不会造成阻塞。', references: [rdbNote] });
    expect(result.flags).toContain('contradiction');
  });

  it('catches swapped labelled lists ("值类型分别有：…" / "引用类型有：…")', () => {
    const note = 'golang中分为值类型和引用类型\n- 值类型分别有：int系列、float系列、bool、string、数组和结构体\n- 引用类型有：指针、slice切片、管道channel、接口interface、map、函数等';
    const swapped = scoreAnswer({ question: 'Go 里哪些类型是值类型，哪些是引用类型？', answer: '值类型有指针、slice、map、channel、接口和函数；引用类型是 int、float、bool、string、数组和结构体。', references: [note] });
    const right = scoreAnswer({ question: 'Go 里哪些类型是值类型，哪些是引用类型？', answer: '值类型有 int、float、bool、string、数组和结构体；引用类型是指针、slice、map、channel、接口和函数。', references: [note] });
    expect(swapped.score).toBeLessThanOrEqual(2);
    expect(right.score).toBeGreaterThanOrEqual(8);
  });
});

describe('supposed, not asserted', () => {
  it('does not contradict a note clause that only supposes ("如果…试图…")', () => {
    const note = '用户态的程序只能访问受限的资源。如果用户态的代码试图执行特权指令，或者访问受保护的内存，CPU会产生一个异常，由操作系统来处理。';
    const result = scoreAnswer({ question: '什么是用户态？', answer: '用户态的程序权限受限，不能执行特权指令也不能直接碰硬件，要通过系统调用进内核。', references: [note] });
    expect(result.flags).not.toContain('contradiction');
  });
});

describe('questions back', () => {
  it('reads the clauses leading into a question back as part of it', () => {
    const result = scoreAnswer({ question: 'ZooKeeper 集群里，一个写请求的数据是怎么同步到各个节点的？', answer: '能再说一下题目吗？ZK 的同步您是指选举完之后的数据恢复，还是平时的写请求？', references: ['leader 收到写请求后生成提案广播给 follower，收到半数以上的 ACK 后提交，再通知 follower 提交。选举完之后的数据恢复由新 leader 同步。'] });
    expect(result.flags).toContain('question-back');
    expect(result.score).toBe(0);
  });
});

describe('changed numbers', () => {
  const note = '内存增长率由环境变量GOGC控制，默认为100，即每当内存扩大一倍时启动GC。\n默认情况下，最长2分钟触发一次GC。';
  const question = 'Go 的 GC 在什么时候会被触发？';
  it('compares the words around a value, not the value itself ("默认最长 10 分钟" against "最长2分钟")', () => {
    expect(scoreAnswer({ question, answer: '默认最长 10 分钟强制 GC 一次。', references: [note] }).flags).toContain('contradiction');
    expect(scoreAnswer({ question, answer: '默认最长 2 分钟会强制 GC 一次。', references: [note] }).flags).not.toContain('contradiction');
  });
});

describe('card names', () => {
  it('names a labelled list by its subject and never names a term twice', () => {
    expect(pointTopic('值类型分别有：int系列、float系列、bool、string、数组和结构体', 'Go 的类型')).toBe('值类型');
    const worded = wordFeedback({
      question: 'ZooKeeper 的写请求怎么同步？',
      band: 'fair',
      points: [
        { text: 'leader将日志发送给follower', weight: 0.4, covered: 'yes' },
        { text: 'follower持久化以后返回ACK给leader', weight: 0.3, covered: 'partial' },
        { text: 'leader收到半数以上的ACK以后更新内存数据', weight: 0.3, covered: 'no' },
      ],
      flags: [],
    });
    for (const name of ['leader', 'follower']) expect(worded.feedback.split(name).length - 1).toBeLessThanOrEqual(1);
  });
});
