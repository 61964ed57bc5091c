/**
 * Cards with nothing to ask are never asked: a heading whose only text is a line of links and tags, and a note's title
 * over questions that are cards of their own. A title over answered sections stays their overview.
 */
import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/core/types.ts';
import { isAskable } from '../../src/ingest/card-bank.ts';
import { cardsOf as bankOf } from './corpus-fixture.ts';

const asked = (cards: readonly Card[]): string[] => cards.filter(isAskable).map((card) => card.question);

describe('cards that ask nothing', () => {
  it('does not ask a heading whose text is only links and tags', () => {
    const cards = bankOf('# Redis 面试复习\n\n相关：[[MySQL索引]] | [[分布式锁|锁]] #redis #八股\n\n## Redis 为什么这么快？\n\n- 纯内存操作，读写不走磁盘\n- IO 多路复用，一个线程处理大量连接\n');
    expect(asked(cards)).toEqual(['Redis 为什么这么快？']);
    // Still found in search; a title whose own text says nothing is no overview, as a title without the line is none.
    expect(cards.some((card) => card.reference.includes('MySQL索引') && card.searchOnly && !card.answered)).toBe(true);
  });

  it('does not ask the title of a note of questions', () => {
    const qa = bankOf('# 操作系统 Q&A\n\nQ：进程和线程的区别？\nA：进程是资源分配的基本单位，线程是 CPU 调度的基本单位。\n\nQ：用户态和内核态怎么切换？\nA：通过系统调用、中断和异常三种方式进入内核态。\n');
    expect(asked(qa)).toEqual(['进程和线程的区别？', '用户态和内核态怎么切换？']);
    const outline = bankOf('# 计算机网络复习提纲\n\n1. TCP 三次握手的过程是什么？\n   1.1 客户端发送 SYN，进入 SYN_SENT 状态\n   1.2 服务端回复 SYN+ACK\n2. HTTP 和 HTTPS 的区别？\n   2.1 HTTPS 在 HTTP 和 TCP 之间加了一层 TLS\n');
    expect(asked(outline)).toEqual(['TCP 三次握手的过程是什么？', 'HTTP 和 HTTPS 的区别？']);
  });

  it('does not take a bare term under a question asking to be told about a topic for its answer', () => {
    const cards = bankOf('# 面经\n\nrpc？二进制协议？\n\n分布式系统。\n\nRedis 的有序集合底层用什么数据结构？\n\n跳表。\n');
    const answered = (question: RegExp) => cards.find((card) => question.test(card.question))?.answered;
    expect(answered(/RPC/iu)).toBe(false);
    // A term still answers a question asking which one.
    expect(answered(/有序集合/u)).toBe(true);
  });

  it('keeps a list of names, and an unanswered question, askable', () => {
    expect(asked(bankOf('## 常见的缓存淘汰策略有哪些？\n\n- LRU\n- LFU\n- FIFO\n'))).toEqual(['常见的缓存淘汰策略有哪些？']);
    expect(asked(bankOf('# 面经\n\n## 什么是 CAP 理论？\n\n## 什么是 BASE 理论？\n\n最终一致性。\n'))).toContain('什么是 CAP 理论？');
  });
});
