/**
 * The flags scoring raises on an answer, and those it must not raise on an honest one: a contradiction (a
 * plain denial, swapped lists, a changed number, but not a clause the note only supposes) and a question back.
 */
import { describe, expect, it } from 'vitest';
import { gradeOffline } from '../../src/grading/offline-grader.ts';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';
import { rdbNote, rdbQuestion } from './rdb-note.ts';

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

describe('"有点忘了" without a 我', () => {
  const raft = 'Raft算法是一种共识算法，用于在分布式系统中实现一致性。它将节点划分为领导者、跟随者和候选者三种角色，并通过选举过程来选择领导者。';

  it('reads "具体细节有点忘了" as not remembering, and the card says so rather than calling it off topic', () => {
    const { grade, details } = gradeOffline({ question: '什么是Raft算法？', answer: '嗯，这个我记得主要是为了提升性能，具体细节有点忘了。', references: [{ source: 'raft.md', heading: '什么是raft算法', text: raft }] });
    expect(details.flags).toContain('dontknow');
    expect(grade.feedback).toContain('你表示对这道题不太清楚');
    expect(grade.feedback).not.toContain('关系不大');
  });

  it('still takes "忘了释放锁会死锁" as a statement', () => {
    const result = scoreAnswer({ question: '加锁要注意什么？', answer: '忘了释放锁会死锁，所以要用 defer 解锁。', references: ['加锁之后一定要释放锁，否则会死锁，Go 里一般用 defer 解锁。'] });
    expect(result.flags).not.toContain('dontknow');
    expect(result.flags).not.toContain('hedged');
  });
});
