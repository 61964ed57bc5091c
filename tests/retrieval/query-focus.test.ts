import { describe, expect, it } from 'vitest';
import { Bm25Index, type LexicalFields } from '../../src/retrieval/bm25.ts';
import { splitPreamble } from '../../src/retrieval/query-focus.ts';
import { rareTerms, type RareTermSource } from '../../src/retrieval/rare-terms.ts';

describe('splitPreamble', () => {
  it.each([
    ['你们聊天消息是先写 RabbitMQ 再异步落 MySQL 的，那 redo log 什么时候刷盘？', '那 redo log 什么时候刷盘？'],
    ['我看你简历上写了 web server，那么 epoll 的 ET 和 LT 有什么区别？', '那么 epoll 的 ET 和 LT 有什么区别？'],
    ['刚才你提到了三色标记，所以写屏障是干什么的？', '所以写屏障是干什么的？'],
    ['你的项目用了 Redis 和 Kafka，请问 TCP 的 TIME_WAIT 有什么用？', '请问 TCP 的 TIME_WAIT 有什么用？'],
    ['你做过图片服务，也用过 Ceph。我想问一下，进程和线程的区别？', '我想问一下，进程和线程的区别？'],
    ['你做过图片服务，我问一下，进程和线程的区别？', '我问一下，进程和线程的区别？'],
    ['你的 GC 讲得挺细，那换个方向，Raft 怎么选主？', '那换个方向，Raft 怎么选主？'],
    ['你做过 web server，换个话题，MySQL 的索引为什么用 B+ 树？', '换个话题，MySQL 的索引为什么用 B+ 树？'],
    ['You mentioned the web server uses epoll, so how does a goroutine panic affect others?', 'so how does a goroutine panic affect others?'],
  ])('takes the clause a transition opens as the focus: %s', (query, focus) => {
    const split = splitPreamble(query);
    expect(split.focus).toBe(focus);
    expect(split.preamble.length).toBeGreaterThan(0);
    expect(query.startsWith(split.preamble)).toBe(true);
    expect(query.endsWith(split.focus)).toBe(true);
  });

  it('takes the first asking clause after a lead-in opener when there is no transition', () => {
    expect(splitPreamble('我看你简历上写了 web server，用了 epoll，TCP 的 TIME_WAIT 有什么用？')).toEqual({
      preamble: '我看你简历上写了 web server，用了 epoll，',
      focus: 'TCP 的 TIME_WAIT 有什么用？',
    });
    expect(splitPreamble('刚才聊了 Raft 的选举，ZooKeeper 的选举流程是怎样的？').focus).toBe('ZooKeeper 的选举流程是怎样的？');
  });

  it.each([
    '那为什么高并发写入 rabbitmq 的效果会比写入 mysql 更好？',
    'GOGC 默认 100 是啥意思？除了内存阈值还有什么会触发 GC',
    '你那个 rpc 框架里，muduo 负责哪一部分？',
    '下单扣库存，那个锁是什么用的？',
    '这么多请求，那么多连接，服务器扛得住吗？',
    'TCP 为什么要三次握手',
    '你们项目里怎么保证消息不丢，重试几次？',
    '',
  ])('keeps a query without a lead-in whole: %s', (query) => {
    expect(splitPreamble(query)).toEqual({ focus: query, preamble: '' });
  });
});

describe('rareTerms', () => {
  const passages = [
    'redis 持久化：bgsave 会 fork 子进程；AOF 刷盘 everysec',
    '常见优化：sync.Pool 复用对象',
    'channel 读到第二个字段为 true 时……',
    'runtime.GC() 手动触发 GC',
    'gin 的路由 httprouter；redis 的 aof',
    'mysql 的 aof',
  ];
  const lower = passages.map((text) => text.toLowerCase());
  const source: RareTermSource = {
    documentFrequency: (term) => lower.filter((text) => text.includes(term)).length,
    documentsContaining: (term) => lower.flatMap((text, index) => (text.includes(term) ? [index] : [])),
    text: (index) => passages[index]!,
  };

  it('finds identifiers one or two passages write whole', () => {
    expect(rareTerms('AOF 的 everysec 和 bgsave 有什么关系？', source, 2)).toEqual(new Set(['everysec', 'bgsave']));
    expect(rareTerms('路由用的是 httprouter 吗', source, 2)).toEqual(new Set(['httprouter']));
  });

  it('skips identifiers more passages contain, and turns off at 0', () => {
    expect(rareTerms('aof 是什么', source, 2)).toEqual(new Set());
    expect(rareTerms('aof 是什么', source, 3)).toEqual(new Set(['aof']));
    expect(rareTerms('everysec 是什么', source, 0)).toEqual(new Set());
  });

  it('ignores words the notes hold only inside a longer identifier, literals and Chinese words', () => {
    expect(rareTerms('InnoDB 的 Buffer Pool 为什么分两段', source, 2)).toEqual(new Set());
    expect(rareTerms('结果是 true 吗', source, 2)).toEqual(new Set());
    expect(rareTerms('持久化 子进程 手动触发', source, 2)).toEqual(new Set());
  });

  it('takes the parts of an identifier the notes never write whole', () => {
    expect(rareTerms('调 runtime.GC() 有什么用', source, 2)).toEqual(new Set(['runtime.gc']));
    expect(rareTerms('调 debug.everysec 有什么用', source, 2)).toEqual(new Set(['everysec']));
  });

  it('in an English question, only identifier-shaped terms count', () => {
    expect(rareTerms('what does bgsave do', source, 2)).toEqual(new Set());
    expect(rareTerms('what does runtime.GC do', source, 2)).toEqual(new Set(['runtime.gc']));
  });
});

describe('Bm25Index with rare terms', () => {
  const words = (text: string) => text.split(' ').filter(Boolean);
  const doc = (question: string, body: string): LexicalFields => ({ question: words(question), context: [], body: words(body) });
  const filler = Array.from({ length: 60 }, (_, index) => `词${index}`).join(' ');
  const documents = [
    doc('持久化 方式', `${filler} rdb aof 刷盘 everysec ${filler}`),
    doc('刷盘 策略', '刷盘 策略 刷盘 策略 aof'),
    doc('aof 重写', 'aof 重写 刷盘'),
  ];
  const index = Bm25Index.build(documents);
  const query = ['everysec', '刷盘', '策略'];

  it('ranks the passage naming a rare term first, above passages that repeat common words', () => {
    expect(index.search(query, 3)[0]!.index).toBe(1);
    const ranked = index.search(query, 3, undefined, undefined, new Set(['everysec']));
    expect(ranked.map((hit) => hit.index)).toEqual([0, 1, 2]);
    expect(ranked[0]!.rare).toBeGreaterThan(0);
    expect(ranked[1]!.rare).toBeUndefined();
    expect(ranked.map((hit) => hit.score)).toEqual([...ranked.map((hit) => hit.score)].sort((left, right) => right - left));
  });

  it('reports document frequencies and postings, also after a JSON round trip', () => {
    const restored = Bm25Index.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
    for (const bm25 of [index, restored]) {
      expect(bm25.documentFrequency('everysec')).toBe(1);
      expect(bm25.documentFrequency('刷盘')).toBe(3);
      expect(bm25.documentFrequency('没有')).toBe(0);
      expect(bm25.documentsContaining('aof')).toEqual([0, 1, 2]);
    }
    expect(restored.search(query, 3, undefined, undefined, new Set(['everysec']))).toEqual(
      index.search(query, 3, undefined, undefined, new Set(['everysec'])),
    );
  });
});
