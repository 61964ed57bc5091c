import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../src/retrieval/bm25.ts';
import { lexicalDoc as doc } from './lexical-doc.ts';


const documents = [
  doc('redis 持久化', 'rdb aof 快照 日志 redis redis'),
  doc('mysql 索引', 'b+树 聚簇索引 回表 redis'),
  doc('epoll 原理', '红黑树 就绪 链表 回调'),
  doc('线程 切换', '线程 线程 线程 线程 线程 上下文'),
  doc('redis 单线程', '避免 锁 线程 切换'),
];

describe('Bm25Index', () => {
  const index = Bm25Index.build(documents);

  it('ranks a document with the rare query term first', () => {
    expect(index.search(['epoll'], 3).map((hit) => hit.index)).toEqual([2]);
  });

  it('prefers a match in the question over the same match in the body', () => {
    const ranking = index.search(['redis'], 5).map((hit) => hit.index);
    expect(ranking.indexOf(0)).toBeLessThan(ranking.indexOf(1));
    expect(ranking.indexOf(4)).toBeLessThan(ranking.indexOf(1));
  });

  it('rewards covering more distinct query terms over repeating one', () => {
    expect(index.search(['redis', '线程'], 5)[0]!.index).toBe(4);
  });

  it('returns nothing for unknown terms and respects k and the filter', () => {
    expect(index.search(['不存在的词'], 5)).toEqual([]);
    expect(index.search(['redis', '线程'], 2)).toHaveLength(2);
    expect(index.search(['redis'], 5, (position) => position !== 0).map((hit) => hit.index)).not.toContain(0);
  });

  it('scales a query term by its weight, in the score and in coordination', () => {
    const query = ['线程', '红黑树'];
    expect(index.search(query, 5)[0]!.index).toBe(2);
    const trustingTheRareTermLess = index.search(query, 5, undefined, (term) => (term === '红黑树' ? 0.2 : 1));
    expect(trustingTheRareTermLess[0]!.index).toBe(3);
    const unweighted = index.search(query, 5, undefined, () => 1);
    expect(unweighted).toEqual(index.search(query, 5));
  });

  it('serialises and restores with identical scores', () => {
    const restored = Bm25Index.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
    expect(restored.search(['redis', '线程', '锁'], 5)).toEqual(index.search(['redis', '线程', '锁'], 5));
    expect(restored.size).toBe(documents.length);
  });
});
