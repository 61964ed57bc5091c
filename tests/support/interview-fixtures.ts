/** A small question bank and the real prompt files, shared by the interview tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { AppError } from '../../src/core/errors.ts';
import type { Card } from '../../src/core/types.ts';
import { item } from './bigram-knowledge.ts';

/** prompts/* keyed by file name without extension, the way the entries pass them in. */
export function loadPrompts(): Record<string, string> {
  const folder = join(import.meta.dirname, '..', '..', 'prompts');
  return Object.fromEntries(
    readdirSync(folder)
      .filter((name) => name.endsWith('.md'))
      .map((name) => [name.replace(/\.md$/, ''), readFileSync(join(folder, name), 'utf8')]),
  );
}

export const sampleItems: Card[] = [
  item({
    id: 'intro',
    question: '自我介绍',
    answer: '- 我是后端工程师，主要用 Go 和 C++\n- 在腾讯实习过，做过数据平台\n- 个人项目是一个高性能 web server',
    topics: ['behavioural'],
  }),
  item({
    id: 'redis-persist',
    question: 'Redis 的持久化方式有哪些？',
    answer: '- RDB 快照：fork 子进程把内存数据写成二进制文件\n- AOF 日志：把每条写命令追加到文件，可以重写压缩\n- 混合持久化：AOF 重写时以 RDB 格式开头再追加增量命令',
    topics: ['redis'],
    headingPath: ['Redis', '持久化', 'Redis 的持久化方式有哪些？'],
  }),
  item({
    id: 'redis-aof-rewrite',
    question: 'AOF 重写是怎么做的？',
    answer: '- 后台子进程根据当前内存数据生成新的 AOF 文件\n- 重写期间的新命令写入重写缓冲区，完成后追加',
    topics: ['redis'],
    headingPath: ['Redis', '持久化', 'AOF 重写是怎么做的？'],
  }),
  item({
    id: 'redis-evict',
    question: 'Redis 内存淘汰策略有哪些？',
    answer: '- noeviction 不淘汰直接报错\n- allkeys-lru 在所有键中淘汰最近最少使用的\n- volatile-ttl 淘汰即将过期的键',
    topics: ['redis'],
  }),
  item({
    id: 'mysql-index',
    question: 'MySQL 为什么用 B+ 树做索引？',
    answer: '- 非叶子节点只存键，扇出大，树高低，磁盘 IO 少\n- 叶子节点用链表相连，范围查询快\n- 查询路径长度稳定',
    topics: ['mysql'],
  }),
  item({
    id: 'mysql-mvcc',
    question: '讲讲 MVCC 的实现原理',
    answer: '- 每行有隐藏的事务 ID 和回滚指针\n- undo log 组成版本链\n- Read View 决定哪个版本可见',
    topics: ['mysql'],
  }),
  item({
    id: 'mysql-redo',
    question: 'redo log 的作用是什么？',
    answer: '- 记录数据页的物理修改，保证崩溃恢复\n- 先写日志再写磁盘，顺序写提升性能',
    topics: ['mysql'],
  }),
  item({
    id: 'go-gmp',
    question: '介绍一下 Go 的 GMP 调度模型',
    answer: '- G 是 goroutine，M 是系统线程，P 是逻辑处理器\n- P 持有本地运行队列，M 需要绑定 P 才能执行 G\n- 本地队列空了会从全局队列或其他 P 偷取任务',
    topics: ['go'],
  }),
  item({
    id: 'go-channel',
    question: '向已关闭的 channel 发送数据会怎样？',
    answer: '- 会触发 panic\n- 从已关闭的 channel 读取会立即返回零值',
    topics: ['go'],
  }),
  item({
    id: 'go-map',
    question: 'Go 的 map 是并发安全的吗？',
    answer: '- 不是并发安全的，并发写会直接 fatal error\n- 可以用 sync.Mutex 或 sync.Map 保护',
    topics: ['go'],
  }),
  item({
    id: 'os-deadlock',
    question: '死锁的四个必要条件是什么？',
    answer: '- 互斥条件\n- 请求与保持条件\n- 不可剥夺条件\n- 循环等待条件',
    topics: ['os'],
  }),
  item({ id: 'os-unanswered', question: '孤儿进程和僵尸进程有什么区别？', topics: ['os'] }),
];

/** A full-marks answer for an item of the sample bank: its reference read back. */
export function perfectAnswer(id: string): string {
  const found = sampleItems.find((entry) => entry.id === id);
  if (!found) throw new Error(`no sample item ${id}`);
  return found.reference.replace(/^- /gm, '');
}

/** The owner the interview tests start their sessions as. */
export const owner = 'owner-a';

/** The sample items with these ids, in the bank's order. */
export const only = (...ids: string[]): Card[] => sampleItems.filter((entry) => ids.includes(entry.id));

/** The heaviest key point of redis-persist, said as an answer. */
export const rdbPoint = 'RDB 快照：fork 子进程把内存数据写成二进制文件';

/** Awaits a promise that must reject with an AppError of this code. */
export async function expectAppError(promise: Promise<unknown>, code: AppError['code']): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}
