/**
 * A question that asks for a concept's kinds ("Redis 的持久化方式有哪些？") is answered by the
 * passage that names the kinds (RDB, AOF), which need not write the concept's word; a passage that
 * says 持久化 in passing must not outrank it. `conceptKindWeight: 0` is search as it was before.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchMode } from '../../src/core/types.ts';
import { kindsAskedFor } from '../../src/retrieval/concept-kinds.ts';
import { HybridKnowledgeBase } from '../../src/retrieval/knowledge-base.ts';
import { corpusFileNames, readCorpusText } from '../ingest/corpus-fixture.ts';
import { buildFromNotes } from './notes-index.ts';

const firstHeading = async (kb: HybridKnowledgeBase, query: string, mode: SearchMode = 'lexical'): Promise<string> =>
  (await kb.search(query, { k: 3, mode }))[0]!.chunk.heading;

const synthetic: Record<string, string> = {
  'redis.md': [
    '# redis',
    '## redis 和 memcached 有什么区别？',
    'redis 支持持久化、主从复制和多种数据结构；memcached 只有字符串，数据只在内存里，重启就没了。redis 单线程处理命令，memcached 多线程。',
    '## 缓存击穿怎么处理？',
    '热点 key 过期的瞬间大量请求打到数据库，可以加互斥锁只让一个请求回源，或者让热点 key 永不过期。',
    '## RDB 是怎么生成的？',
    'redis 用 save 或 bgsave 生成 RDB 快照，bgsave fork 子进程写文件不阻塞；AOF 记录每条写命令，RDB 是全量，AOF 是增量。',
  ].join('\n\n'),
  'network.md': [
    'Q：nginx 为什么快？',
    'A：nginx 用多进程加非阻塞 IO，一个 worker 处理成千上万的连接，靠的就是 IO 多路复用，不为每个连接开线程。',
    '',
    'Q：select、poll 和 epoll 怎么选？',
    'A：select 有 1024 个描述符的上限，poll 没有上限但每次都要遍历，epoll 用红黑树和就绪链表，只返回就绪的描述符。',
  ].join('\n'),
};

describe('a question asking for a concept’s kinds', () => {
  it('is recognised only when it asks for kinds and names none of them', () => {
    expect(kindsAskedFor('Redis 的持久化方式有哪些？')).toEqual([{ concept: '持久化', kinds: ['rdb', 'aof'] }]);
    expect(kindsAskedFor('What kinds of IO multiplexing are there?')).toEqual([{ concept: 'IO multiplexing', kinds: ['select', 'poll', 'epoll'] }]);
    expect(kindsAskedFor('RDB 持久化有哪些缺点？')).toEqual([]);
    expect(kindsAskedFor('为什么要持久化？')).toEqual([]);
  });

  let kb: HybridKnowledgeBase;
  let before: HybridKnowledgeBase;
  beforeAll(async () => {
    [kb, before] = await Promise.all([buildFromNotes(synthetic), buildFromNotes(synthetic, { conceptKindWeight: 0 })]);
  });

  it.each(['lexical', 'hybrid'] as const)('ranks the passage naming the kinds first, in Markdown and in Q：/A： notes (%s)', async (mode) => {
    expect(await firstHeading(before, 'Redis 的持久化方式有哪些？', mode)).toContain('memcached');
    expect(await firstHeading(kb, 'Redis 的持久化方式有哪些？', mode)).toContain('RDB');
    expect(await firstHeading(before, 'IO 多路复用有哪几种？', mode)).toContain('nginx');
    expect(await firstHeading(kb, 'IO 多路复用有哪几种？', mode)).toContain('epoll');
  });

  it('changes nothing for a question that names a kind or asks no kinds', async () => {
    for (const query of ['RDB 是怎么生成的？', 'redis 为什么要持久化？', 'nginx 为什么快？']) {
      const [now, then] = await Promise.all([kb.search(query, { k: 5, mode: 'lexical' }), before.search(query, { k: 5, mode: 'lexical' })]);
      expect(now.map((hit) => hit.chunk.id)).toEqual(then.map((hit) => hit.chunk.id));
    }
  });

  it('holds on the real notes: the RDB/AOF card answers "Redis 的持久化方式有哪些？"', async () => {
    const notes = Object.fromEntries(corpusFileNames().map((name) => [name, readCorpusText(name)]));
    const [real, realBefore] = await Promise.all([buildFromNotes(notes), buildFromNotes(notes, { conceptKindWeight: 0 })]);
    for (const mode of ['lexical', 'hybrid'] as const) {
      expect(await firstHeading(realBefore, 'Redis 的持久化方式有哪些？', mode)).not.toContain('RDB');
      expect(await firstHeading(real, 'Redis 的持久化方式有哪些？', mode)).toContain('RDB');
    }
  });
});
