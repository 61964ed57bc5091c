/**
 * Question banks written in other people's formats: an outline whose items ask and hold their answers under them, a
 * toggle export (`<details><summary>`, "**问题：**" labels, emoji bullets). Each question is a card of its own whose
 * reference is its own answer, never the note's title asked about the whole outline.
 */
import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/core/types.ts';
import { cardsOf as allCardsOf } from './corpus-fixture.ts';

const cardsOf = (markdown: string): Card[] => allCardsOf(markdown).filter((card) => !card.searchOnly && card.answered);

describe('a list whose items ask and answer', () => {
  it('makes each numbered outline question a card with its sub-items as the answer', () => {
    const cards = cardsOf(
      '# 计算机网络复习提纲\n\n1. TCP 三次握手的过程是什么？\n   1.1 客户端发送 SYN，进入 SYN_SENT 状态\n   1.2 服务端回复 SYN+ACK，进入 SYN_RCVD 状态\n' +
        '2. HTTP 和 HTTPS 的区别？\n   2.1 HTTPS 在 HTTP 和 TCP 之间加了一层 TLS\n   2.2 HTTPS 需要 CA 证书\n',
    );
    expect(cards.map((card) => card.question)).toEqual(['TCP 三次握手的过程是什么？', 'HTTP 和 HTTPS 的区别？']);
    expect(cards[0]!.reference).toContain('客户端发送 SYN');
    expect(cards[0]!.reference).not.toContain('HTTPS');
  });

  it('reads a toggle export: a labelled question over its bullets, and a <summary> question over its answer', () => {
    const cards = cardsOf(
      '# MySQL 面试题\n\n- **问题：** MySQL 的索引为什么用 B+ 树？\n    - **答案：**\n    - 📌 叶子节点用链表相连，范围查询只需顺序扫描\n\n' +
        '<details>\n<summary>💡 什么是回表？</summary>\n\n通过二级索引找到主键值，再回到聚簇索引查出整行数据。\n\n</details>\n',
    );
    expect(cards.map((card) => card.question)).toEqual(['MySQL 的索引为什么用 B+ 树？', '什么是回表？']);
    expect(cards[0]!.reference).not.toContain('回表');
    expect(cards[1]!.reference).toContain('聚簇索引');
  });

  it('leaves a list of sub-questions with nothing under them as part of the answer', () => {
    const [card, ...rest] = cardsOf('## goroutine 里面 panic 了会怎么样\n\n两个问题：\n\n- 协程B是否会因为协程A的panic而挂掉？\n- 协程B能用recover捕获吗？\n\n答案分别是：会、不能。\n');
    expect(rest).toEqual([]);
    expect(card!.reference).toContain('答案分别是');
  });
});
