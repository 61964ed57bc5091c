/**
 * Classes of search failure that came with knowledge cards (issue 9 item 8: shared and held-out
 * recall@3 and MRR stay where they were), each on synthetic notes:
 * - a question that sets a term aside ("不用 Redis 的话，拿 ZK 怎么做…") is not pulled toward it;
 * - an English question does not match a Chinese note on an English word that is only a homonym
 *   of a glossary concept it names ("exchange data" against a RabbitMQ "exchange交换机");
 * - a Chinese word the question and a passage both write counts once, not once per bigram inside
 *   it, so it does not outvote an English name the right passage shares;
 * - a card's own wording of its question (a template, a borrowed parent subject) does not count
 *   as the note's question;
 * - in vector search a short passage does not win on its shortness alone.
 * The Node index (HNSW) and the Workers prebuilt index (exact search) rank them the same.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeAndWorker } from './node-and-worker.ts';
import type { Card, KnowledgeBase, SearchHit, SearchMode } from '../../src/core/types.ts';
import { chunkEmbeddingText, chunkItems } from '../../src/ingest/chunker.ts';
import { buildQuestionBank } from '../../src/ingest/corpus.ts';
import { Bm25Index } from '../../src/retrieval/bm25.ts';
import { ExactVectorStore } from '../../src/retrieval/exact-vector-store.ts';
import { HybridKnowledgeBase } from '../../src/retrieval/knowledge-base.ts';
import { createLexicalAnalyser, lexicalFieldsOf } from '../../src/retrieval/lexical-analyser.ts';
import { LexicalEmbeddings } from '../../src/retrieval/lexical-embeddings.ts';
import { splitSetAside } from '../../src/retrieval/query-focus.ts';
import { subwordGroups } from '../../src/retrieval/rare-terms.ts';
import { lexicalDoc as doc } from './lexical-doc.ts';

const top = async (kb: KnowledgeBase, query: string, mode: SearchMode): Promise<SearchHit> => {
  const [hit] = await kb.search(query, { k: 5, mode });
  if (!hit) throw new Error(`no hit for ${query}`);
  return hit;
};
const ids = async (kb: KnowledgeBase, query: string, mode: SearchMode) =>
  (await kb.search(query, { k: 5, mode })).map((hit) => hit.chunk.id);

const notes: Record<string, string> = {
  'distributed.md': `# 分布式

## 如何用 Redis 实现分布式锁？

SET key value NX EX 30 加锁，value 存请求的唯一标识，解锁时用 Lua 脚本比较后再删除；锁要设过期时间，防止持有者崩溃后死锁。多个 Redis 节点时可以用 Redlock。

## 如何用 ZooKeeper 实现分布式锁？

客户端加锁时在锁节点下创建临时有序节点，序号最小的加锁成功；其余客户端排队等待，各自监听比自己小的前一个节点的删除事件，轮到自己时再加锁。客户端崩溃时会话结束，临时节点自动删除，锁随之释放。

## 缓存雪崩是什么？

大量缓存同时过期，请求全部打到数据库。过期时间加随机值；重建缓存时用互斥锁或 Redis 的 SETNX 做分布式锁，只让一个请求回源。
`,
  'mq.md': `# 消息队列

## exchange交换机

exchange 决定消息按什么规则路由到哪个队列：fanout 广播，direct 按 routing key 完全匹配，topic 通配符匹配。queue 需要绑定 exchange。
`,
  'os.md': `# 操作系统

## 进程间通信有哪些方式？

管道、命名管道、消息队列、信号量、信号、共享内存和套接字。共享内存是最快的方式：映射同一段物理内存，数据不用在内核和用户空间之间拷贝，但要自己做同步。

## 进程和线程的区别？

进程是资源分配的单位，线程是调度的单位；同一进程的线程共享地址空间，切换开销比进程小。
`,
  'redis.md': `# redis

## redis为什么用单线程？

- 简单，避免死锁、数据竞争
- 效率高，多线程切换可能会抵消并行带来的性能提升
- 每个操作都是原子性的

## RDB 是怎么生成的？

save 在主线程里执行，会阻塞所有命令；bgsave fork 一个子进程写 RDB 文件，主线程继续处理命令。

## redis 有哪些数据结构？

string、list、hash、set、zset，底层有 SDS、压缩列表、跳表和哈希表。

## redis 集群怎么分片？

redis cluster 把键空间分成 16384 个槽，每个节点负责一部分槽。

## redis 过期键怎么删除？

惰性删除加定期删除：访问时检查过期，后台定期抽样删除。

## redis 和 memcached 的区别？

redis 数据结构更丰富，支持持久化和主从复制；memcached 只有字符串，多线程。

## redis 主从复制的过程？

从节点发送 psync，主节点 bgsave 生成 RDB 发给从节点，之后持续发送写命令。
`,
  'java.md': `# java

## 什么是偏向锁？

如果一个线程获得了锁，并且之后没有其他线程竞争该锁，锁就一直偏向这个线程，线程再次进入同步块时不用再执行加锁和释放锁的操作，减少了 CAS，提高了性能。
`,
};

const setAsideQuery = '不用 Redis 的话，拿 ZK 怎么做一个分布式锁？加锁和排队等待的流程说一下。';
const englishQuery = 'What mechanisms can Linux processes use to exchange data with each other?';
const singleThreadQuery = 'Redis 为什么用一个线程执行命令？';

async function buildFromNotes(files: Record<string, string>): Promise<HybridKnowledgeBase> {
  const encoder = new TextEncoder();
  const { cards } = buildQuestionBank(Object.entries(files).map(([path, text]) => ({ path, bytes: encoder.encode(text) })));
  return buildFromCards(cards);
}

async function buildFromCards(cards: readonly Card[], vectorLengthPivot?: number): Promise<HybridKnowledgeBase> {
  const chunks = chunkItems(cards);
  const embeddings = new LexicalEmbeddings();
  embeddings.setDocumentFrequencies(embeddings.documentFrequencies(chunks.map(chunkEmbeddingText)));
  return HybridKnowledgeBase.build({ cards, chunks, embeddings, vectorStore: new ExactVectorStore(embeddings), vectorLengthPivot });
}

const card = (id: string, headingPath: string[], question: string, reference: string): Card => ({
  id,
  question,
  context: headingPath.slice(0, -1).join(' > '),
  reference,
  keyPoints: [],
  followups: [],
  topics: [],
  kind: 'technical',
  answered: true,
  source: 'notes.md',
  headingPath,
  lines: { start: 1, end: 2 },
});

describe('splitSetAside', () => {
  it.each([
    ['不用 Redis 的话，拿 ZK 怎么做一个分布式互斥锁？', 'Redis', '拿 ZK 怎么做一个分布式互斥锁？'],
    ['如果不用 Redis，你会怎么做分布式锁？', 'Redis', '你会怎么做分布式锁？'],
    ['除了共享内存之外，进程间还有哪些通信方式？', '共享内存', '进程间还有哪些通信方式？'],
    ['除了外键外，还有什么约束？', '外键', '还有什么约束？'],
    ['不用锁怎么实现线程安全的计数器？', '锁', '怎么实现线程安全的计数器？'],
    ['抛开 GC 不谈，Go 的内存分配是怎样的？', 'GC', 'Go 的内存分配是怎样的？'],
    ['GOGC 默认 100 是啥意思？除了内存阈值还有什么会触发 GC', '内存阈值', 'GOGC 默认 100 是啥意思？还有什么会触发 GC'],
    ['Without Redis, how would you build a distributed lock?', 'Redis', 'how would you build a distributed lock?'],
    ['Besides mutexes, what can protect shared data?', 'mutexes', 'what can protect shared data?'],
  ])('sets aside what the question puts aside: %s', (query, setAside, rest) => {
    expect(splitSetAside(query)).toEqual({ setAside, rest });
  });

  it('sets aside a name after "without" inside an English clause, not a plain word', () => {
    expect(splitSetAside('How would you build a distributed lock without ZooKeeper?').setAside).toBe('ZooKeeper');
    expect(splitSetAside('How can you read a socket without blocking?').setAside).toBe('');
  });

  it.each([
    '为什么用 B+ 树而不用 B 树？',
    '不用索引的话会怎样？',
    '不考虑持久化会有什么问题？',
    '不用它的话怎么办',
    'Redis 为什么用单线程？',
    '进程间通信有哪些方式？',
    '',
  ])('keeps a question that sets nothing aside, or asks about what it would miss, whole: %s', (query) => {
    expect(splitSetAside(query)).toEqual({ rest: query, setAside: '' });
  });
});

describe('subword groups', () => {
  it('groups a Chinese word with the bigrams inside it, words sharing a bigram together', () => {
    const groups = subwordGroups(['go', '结构', '体', '结构体', '#结构', '#构体', '#体嵌', '~struct', '单线程', '线程', '#单线', '#线程'], 0.25)!;
    expect(groups.share).toBe(0.25);
    const struct = groups.of('结构体');
    expect(struct).toBeDefined();
    for (const term of ['结构', '#结构', '#构体']) expect(groups.of(term)).toBe(struct);
    expect(groups.of('单线程')).toBe(groups.of('#线程'));
    expect(groups.of('线程')).toBe(groups.of('单线程'));
    expect(groups.of('单线程')).not.toBe(struct);
    // A bigram across two words, a single character, a concept and a Latin word stand alone.
    for (const term of ['#体嵌', '体', '~struct', 'go']) expect(groups.of(term)).toBeUndefined();
    expect(subwordGroups(['redis', '~thread', '#为什'], 0.25)).toBeUndefined();
  });

  it('scores a group as its best member plus a share of the rest, in score and coordination alike', () => {
    // The question says 一个线程; passage 1 says 单线程, so it shares only the bigram #线程 but
    // names the subject (redis). Passages 0 and 6 write 线程 as the question does.
    const documents = [
      doc('线程 切换', '线程 #线程 执行 锁'),
      doc('redis', '单线程 #单线 #线程 简单 原子'),
      doc('mysql 索引', 'b+树 回表'),
      doc('epoll', '回调 就绪'),
      doc('redis 持久化', 'rdb aof'),
      doc('tcp', '握手 挥手'),
      doc('线程 池', '复用 线程 #线程'),
    ];
    const index = Bm25Index.build(documents);
    const query = ['redis', '一个', '线程', '#一个', '#个线', '#线程'];
    const weight = (term: string) => (term.startsWith('#') ? 0.5 : 1);
    expect(index.search(query, 3, undefined, weight)[0]!.index).not.toBe(1);
    expect(index.search(query, 3, undefined, weight, undefined, subwordGroups(query, 0.25))[0]!.index).toBe(1);
    // Share 1 is the plain sum.
    const summed = index.search(query, 7, undefined, weight, undefined, subwordGroups(query, 1));
    const plain = index.search(query, 7, undefined, weight);
    expect(summed.map((hit) => hit.index)).toEqual(plain.map((hit) => hit.index));
    summed.forEach((hit, at) => expect(hit.score).toBeCloseTo(plain[at]!.score, 9));
  });
});

describe('on synthetic notes', () => {
  let kb: HybridKnowledgeBase;

  beforeAll(async () => {
    kb = await buildFromNotes(notes);
  });

  it('does not search what the question sets aside', async () => {
    for (const mode of ['lexical', 'hybrid', 'vector'] as const) {
      // The old search counted "Redis" (the Redis lock note ranked first by vector).
      expect(await ids(kb, setAsideQuery, mode), mode).toEqual(await ids(kb, '拿 ZK 怎么做一个分布式锁？加锁和排队等待的流程说一下。', mode));
    }
    for (const mode of ['lexical', 'hybrid'] as const) {
      expect((await top(kb, setAsideQuery, mode)).chunk.heading).toContain('ZooKeeper');
    }
  });

  it('does not match an English question to a Chinese note on a homonym of a glossary word', async () => {
    // Before: the RabbitMQ note ranked first on the English word "exchange". (Vector search still
    // likes it here, so on notes this small it stays first in hybrid mode; on the real notes the
    // shared set's question ranks its passage first in hybrid mode too.)
    expect((await top(kb, englishQuery, 'lexical')).chunk.heading).toContain('进程间通信');
  });

  it('counts a Chinese word once, not once per bigram inside it', async () => {
    // Before: the RDB note, writing 主线程 and 命令 the way the question does, ranked first.
    for (const mode of ['lexical', 'hybrid'] as const) {
      expect((await top(kb, singleThreadQuery, mode)).chunk.heading, mode).toContain('redis为什么用单线程');
    }
  });
});

describe("a card's own wording of its question", () => {
  const cards = [
    card('node', ['k8s 核心组件', 'Node节点'], '关于k8s 核心组件，Node节点是怎么实现的？', 'Node 上运行 kubelet、kube-proxy 和容器运行时：kubelet 管 Pod 的生命周期，kube-proxy 维护转发规则。'),
    card('scheduler', ['k8s 核心组件', 'Scheduler'], '关于k8s 核心组件，Scheduler是怎么实现的？', '调度器先过滤掉资源不满足的节点，再给剩下的节点打分，选分数最高的节点绑定 Pod。'),
    card('instant', ['图片服务', '秒传原理场景'], '秒传原理场景', '客户端上传前先算文件哈希，服务端查到同样哈希的文件已经存在，就直接返回上传成功，不用再传一次。'),
    card('chunked', ['图片服务', '分片上传'], '关于图片服务，分片上传是怎么实现的？', '大文件切成固定大小的分片并发上传，服务端记录已收到的分片，断线后只传缺的分片，最后合并。'),
    card('exchange', ['exchange交换机'], '说说你对exchange交换机的了解。', 'exchange 决定消息按什么规则路由到哪个队列：fanout 广播，direct 按 routing key 完全匹配，topic 通配符匹配。'),
    card('tcp', ['TCP 三次握手的过程？'], 'TCP 三次握手的过程？', '客户端发 SYN，服务端回 SYN+ACK，客户端再回 ACK，连接建立。'),
  ];

  it('goes with the context, the note wording stays the question', () => {
    const analyse = createLexicalAnalyser([]);
    const [chunk] = chunkItems([cards[0]!]);
    expect(chunk!.heading).toBe('k8s 核心组件 > Node节点 关于k8s 核心组件，Node节点是怎么实现的？');
    const fields = lexicalFieldsOf(chunk!, analyse, cards[0]!.question);
    expect(fields.question).toEqual(analyse('Node节点'));
    expect(fields.context).toEqual(analyse('k8s 核心组件 关于k8s 核心组件，Node节点是怎么实现的？'));
    // Without the card's wording, or when the note already words the question, nothing moves.
    expect(lexicalFieldsOf(chunk!, analyse).question).toEqual(analyse('Node节点 关于k8s 核心组件，Node节点是怎么实现的？'));
    const [plain] = chunkItems([cards[5]!]);
    expect(lexicalFieldsOf(plain!, analyse, cards[5]!.question).question).toEqual(analyse('TCP 三次握手的过程？'));
  });

  it('does not let template words outvote the passage naming what is asked', async () => {
    const kb = await buildFromCards(cards);
    // Before: the Scheduler card ranked first on its template's "是怎么实现的" (lexical and hybrid).
    for (const mode of ['lexical', 'hybrid'] as const) {
      expect((await top(kb, '网盘的秒传功能是怎么实现的', mode)).chunk.cardId, mode).toBe('instant');
    }
  });
});

describe('vector scores with a length-biased embedder', () => {
  const characters = '数据库索引网络协议操作系统调度缓存一致性事务隔离级别日志复制选举心跳超时重传窗口拥塞控制页表虚拟内存文件描述符套接字负载均衡限流熔断降级消息幂等重试编译链接静态动态库模板泛型指针引用构造析构容器迭代器哈希红黑树跳表堆栈队列图遍历排序查找压缩序列化加密签名证书握手挥手';
  const filler = (seed: number) => Array.from({ length: 60 }, (_, at) => characters[(seed * 53 + at * 17 + ((at * at) % 7)) % characters.length]).join('');
  const cards = [
    card('barrier-short', ['go', '写屏障'], '什么是写屏障？', '一种屏障。'),
    card(
      'gc-long',
      ['go', 'Go 的垃圾回收是怎么做的？'],
      'Go 的垃圾回收是怎么做的？',
      'Go 用并发的三色标记清除：对象先都是白色，从根对象出发把可达对象标成灰色再变黑色，标记结束后回收白色对象。标记和用户代码并发执行，所以要靠写屏障：用户代码在标记期间改指针时，写屏障把相关对象标灰，保证黑色对象不会指向白色对象。混合写屏障让栈不用在标记结束时重新扫描，STW 只剩开始和结束两次很短的暂停。',
    ),
    ...Array.from({ length: 12 }, (_, seed) => card(`filler-${seed}`, ['杂项', `第${seed}个话题`], `第${seed}个话题`, filler(seed))),
  ];
  const query = 'Go 的 GC 三色标记和写屏障';
  let pivoted: HybridKnowledgeBase;
  let plain: HybridKnowledgeBase;

  beforeAll(async () => {
    [pivoted, plain] = await Promise.all([buildFromCards(cards), buildFromCards(cards, 1)]);
  });

  it('lowers a short passage against plain cosine and raises a long one', async () => {
    const scores = async (kb: KnowledgeBase) =>
      new Map((await kb.search(query, { k: 10, mode: 'vector' })).map((hit) => [hit.chunk.cardId, hit.score]));
    const [now, cosine] = await Promise.all([scores(pivoted), scores(plain)]);
    expect(now.get('barrier-short')!).toBeLessThan(cosine.get('barrier-short')!);
    expect(now.get('gc-long')!).toBeGreaterThan(cosine.get('gc-long')!);
  });

  it('does not rank a one-line passage sharing one word of the question above the passage answering it', async () => {
    // Plain cosine ranks the one-line passage first (0.48 vs 0.32).
    expect((await top(plain, query, 'vector')).chunk.cardId).toBe('barrier-short');
    expect((await top(pivoted, query, 'vector')).chunk.cardId).toBe('gc-long');
  });
});

describe('Node and Workers', () => {
  const temporary: string[] = [];
  afterAll(() => {
    for (const folder of temporary) rmSync(folder, { recursive: true, force: true });
  });

  it('rank these questions the same through the Node index and the Workers prebuilt index', async () => {
    const root = mkdtempSync(join(tmpdir(), 'mianba-query-classes-'));
    temporary.push(root);
    const corpusDir = join(root, 'corpus');
    mkdirSync(corpusDir);
    for (const [name, text] of Object.entries(notes)) writeFileSync(join(corpusDir, name), text);
    const { node, worker } = await nodeAndWorker(corpusDir, join(root, 'data'));
    for (const runtime of [node, worker]) {
      expect((await top(runtime, setAsideQuery, 'hybrid')).chunk.heading).toContain('ZooKeeper');
      expect((await top(runtime, englishQuery, 'lexical')).chunk.heading).toContain('进程间通信');
      expect((await top(runtime, singleThreadQuery, 'hybrid')).chunk.heading).toContain('redis为什么用单线程');
    }
    for (const query of [setAsideQuery, englishQuery, singleThreadQuery]) {
      for (const mode of ['lexical', 'hybrid', 'vector'] as const) {
        expect(await ids(worker, query, mode), `${mode} ${query}`).toEqual(await ids(node, query, mode));
      }
    }
  });
});
