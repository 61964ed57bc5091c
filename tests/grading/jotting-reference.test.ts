/**
 * A jotting between answers that states nothing (a to-do line and a practice list) is no note to grade against, not
 * even the closest one; a passage of the same kind that states things still is. Nor is a note that shares only words
 * every note uses with the question (issue 10 item 5, the closest note).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findReference, noteBothRetrieve } from '../../src/grading/reference-finder.ts';
import type { HybridKnowledgeBase } from '../../src/retrieval/knowledge-base.ts';
import { buildNotesKnowledgeBase } from './notes-knowledge-base.ts';

let notes: HybridKnowledgeBase;
beforeAll(async () => {
  notes = await buildNotesKnowledgeBase({
    'algo.md': `## 滑动窗口的思路是什么？

滑动窗口用左右两个下标维护一个区间，右边界扩张、左边界收缩，把两重循环降为一重。

heap,trie,并查集 等数据结构都要复习一下

1. 76 leetcode146 LRU缓存
2. 0 leetcod51 n皇后
`,
    'shop.md': `秒杀下单时库存先在 Redis 里预扣，再通过消息异步扣减数据库，避免热点行锁成为瓶颈。

## 订单超时怎么关闭？

订单写入延迟队列，到期后检查支付状态，未支付就关闭订单并归还库存。
`,
  });
});

describe('which note a question is graded against', () => {
  it('is never a jotting with no claim: its practice list and to-do line answer nothing', async () => {
    const jotting = notes.cards.find((card) => card.searchOnly && card.reference.includes('leetcod51'));
    expect(jotting).toBeDefined();
    for (const question of ['n皇后问题怎么解？', 'LRU缓存怎么实现？', '并查集是什么？']) {
      const match = await findReference(notes, question);
      expect(match?.item.id, question).not.toBe(jotting!.id);
    }
  });

  it('is never a question the notes leave open with a bare term under it, by the question or by its answer', async () => {
    const log = await buildNotesKnowledgeBase({ 'log.md': '# 面经\n\nrpc？二进制协议？\n\n分布式系统。\n\n## 订单超时怎么关闭？\n\n订单写入延迟队列，到期后检查支付状态，未支付就关闭订单并归还库存。\n' });
    const question = '说说RPC和二进制协议';
    expect(await findReference(log, question)).toBeUndefined();
    // The answer retrieves the same passage as the question: it was the closest note, graded 0 against 「分布式系统」.
    expect(await noteBothRetrieve(log, question, 'RPC 就是远程过程调用，二进制协议更紧凑。')).toBeUndefined();
  });

  it('is still a passage with no question of its own when it states things', async () => {
    const match = await findReference(notes, '秒杀时库存怎么扣减？');
    expect(match?.item.searchOnly).toBe(true);
    expect(match?.item.reference).toContain('预扣');
  });
});

describe('the closest note', () => {
  // Fourteen notes that all say 问题 and 解决: words that single out no note.
  const topics = ['连接池', '慢查询', '死锁', '内存泄漏', '缓存穿透', '消息堆积', '热点数据', '主从延迟', '脑裂', '雪崩', '超卖', '重复消费', '长事务', '大 key'];
  let incidents: HybridKnowledgeBase;
  beforeAll(async () => {
    incidents = await buildNotesKnowledgeBase(
      Object.fromEntries(topics.map((topic, index) => [`incident-${index}.md`, `## ${topic}遇到过什么问题？\n\n线上出现过${topic}的问题，排查之后通过调整配置和改代码解决了这个问题。\n`])),
    );
  });

  it('is none when the question shares only words every note uses', async () => {
    expect(await findReference(incidents, 'n皇后问题怎么解决？')).toBeUndefined();
  });

  it('is still the note that shares the question\'s own subject', async () => {
    expect((await findReference(incidents, '死锁问题怎么排查？'))?.item.question).toContain('死锁');
  });
});
