/**
 * A section's question that names the section's subject by its abbreviation is asked about the subject, once, the way
 * an interviewer says it: never 「说说ZooKeeper里的ZK实现一致性。」; and a label saying what a thing achieves is asked how
 * it does (issue 10 item 5, card questions).
 */
import { describe, expect, it } from 'vitest';
import { askOwnAspect } from '../../src/ingest/card-wording.ts';
import { cardsOf } from './corpus-fixture.ts';

/** The question asked for `label` under the heading `section`, a section inside a section as notes nest them. */
const askedUnder = (section: string, label: string): string => {
  const cards = cardsOf(`# 后端\n\n## ${section}\n\n### ${label}\n\n这里是答案，讲清楚它的原理和用法。\n`).filter((card) => !card.searchOnly);
  return cards.find((card) => card.headingPath.at(-1) === label)?.question ?? '';
};

describe('a question naming its section by an abbreviation', () => {
  it('names the subject where the abbreviation stood, without "X里的X" or a "关于X，" frame', () => {
    expect(askedUnder('kubernetes', 'K8s实现滚动更新')).toBe('Kubernetes是怎么实现滚动更新的？');
    expect(askedUnder('kubernetes', '为什么K8s要用声明式API')).toBe('为什么Kubernetes要用声明式API？');
    expect(askedUnder('websocket', 'WS的心跳保活是怎样做的')).toBe('WebSocket的心跳保活是怎样做的？');
  });

  it('keeps the frame when the question names something else, and a one-letter name is no abbreviation', () => {
    expect(askedUnder('kubernetes', '滚动更新的步骤')).toBe('关于Kubernetes，滚动更新的步骤是怎样的？');
    expect(askedUnder('GMP 模型', '为什么要有 P')).toBe('关于GMP 模型，为什么要有 P');
  });

  it('leaves two things set side by side without the heading\'s subject: they are the subject', () => {
    expect(askedUnder('raft', '集群和分布式')).toBe('说说集群和分布式。');
    expect(askedUnder('raft', '日志复制')).toBe('说说Raft里的日志复制。');
  });
});

describe('a label saying what a thing achieves', () => {
  it('is asked how the thing does it', () => {
    expect(askOwnAspect('redis实现排行榜')).toBe('redis是怎么实现排行榜的？');
    expect(askOwnAspect('双检查实现单例')).toBe('双检查是怎么实现单例的？');
  });

  it('is not a task, a clause or an aspect of the implementation', () => {
    for (const label of ['用 Go 实现一个栈', '手写实现LRU', '可以用来实现限流', '怎么用Go实现一个栈']) expect(askOwnAspect(label), label).toBeUndefined();
    expect(askOwnAspect('sync.Map实现原理')).toBe('sync.Map的实现原理是什么？');
  });
});
