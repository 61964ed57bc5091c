/**
 * A blockquote that opens with a question labelled as asked (高频, 面试题, 追问) and answers it under that line is a
 * question of its own, not more of the answer above it; a quote that only quotes stays in its answer.
 */
import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/core/types.ts';
import { cardsOf as allCardsOf } from './corpus-fixture.ts';

const cardsOf = (markdown: string): Card[] => allCardsOf(markdown).filter((card) => !card.searchOnly && card.answered);

describe('a labelled question in a blockquote', () => {
  it('is a card of its own with the rest of the quote as its answer', () => {
    const cards = cardsOf(
      '**问题：** 什么是 MVCC？\n**答案：** 多版本并发控制。读操作根据 Read View 判断能看到哪个版本，读写互不阻塞。\n\n' +
        '> 🔥 **高频：** redo log 和 binlog 有什么区别？\n>\n> 🧠 redo log 是 InnoDB 的物理日志，用于崩溃恢复；binlog 是 Server 层的逻辑日志，用于主从复制。\n',
    );
    expect(cards.map((card) => card.question)).toEqual(['什么是 MVCC？', 'redo log 和 binlog 有什么区别？']);
    expect(cards[0]!.reference).not.toContain('binlog');
    expect(cards[1]!.reference).toMatch(/^> 🧠 redo log 是 InnoDB 的物理日志/u);
  });

  it('makes a quoted 追问 a follow-up of the question above it', () => {
    const [fast] = cardsOf('## Redis 为什么这么快？\n\n- 纯内存操作，读写不走磁盘\n- IO 多路复用，一个线程处理大量连接\n\n> [!tip]- 追问：6.0 之后还是单线程吗？\n> 6.0 引入了多线程 IO，但命令执行仍然是单线程的。\n');
    expect(fast!.question).toBe('Redis 为什么这么快？');
    expect(fast!.reference).not.toContain('多线程 IO');
    expect(fast!.followups.map((followup) => followup.question)).toEqual(['6.0 之后还是单线程吗？']);
  });

  it('leaves a quote without a labelled question, or a labelled question with nothing under it, in its answer', () => {
    const quoted = cardsOf('## 什么是回表？\n\n通过二级索引找到主键值，再回到聚簇索引查出整行数据。\n\n> 注意：覆盖索引可以避免回表吗？可以。\n> 用覆盖索引时不需要回表。\n');
    expect(quoted.map((card) => card.question)).toEqual(['什么是回表？']);
    const bare = cardsOf('## 什么是回表？\n\n通过二级索引找到主键值，再回到聚簇索引查出整行数据。\n\n> 🔥 **高频：** 怎么避免回表？\n');
    expect(bare.map((card) => card.question)).toEqual(['什么是回表？']);
  });
});
