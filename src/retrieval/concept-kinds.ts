/**
 * The kinds a concept comes in, as notes name them. A question that asks for a concept's kinds
 * ("Redis 的持久化方式有哪些？") is answered by a passage that names the kinds ("生产RDB… RDB和AOF的区别")
 * and may never write the concept's own word; lexically it then loses to any passage that says
 * "持久化" in passing (a redis-vs-memcached table). Such a question also searches for the kinds.
 *
 * General interview vocabulary, like the glossary: each entry is a concept's forms and its kinds.
 */
const entries: ReadonlyArray<readonly [concept: RegExp, kinds: readonly string[]]> = [
  [/持久化|persistence/i, ['rdb', 'aof']],
  [/隔离级别|isolation level/i, ['读未提交', '读已提交', '可重复读', '串行化']],
  [/(?:i\/?o\s*)?多路复用|(?:i\/?o\s*)?multiplexing/i, ['select', 'poll', 'epoll']],
  [/淘汰策略|淘汰算法|置换算法|eviction polic/i, ['lru', 'lfu', 'fifo']],
  [/进程间通信|进程通信|\bipc\b/i, ['管道', '消息队列', '共享内存', '信号量', '套接字']],
  [/负载均衡|load balanc/i, ['轮询', '加权轮询', '一致性哈希', '最少连接']],
  [/垃圾回收算法|gc算法|garbage collection algorithm/i, ['标记清除', '引用计数', '三色标记', '分代']],
  [/智能指针|smart pointer/i, ['shared_ptr', 'unique_ptr', 'weak_ptr']],
  [/拥塞控制|congestion control/i, ['慢启动', '拥塞避免', '快重传', '快恢复']],
  [/共识算法|一致性算法|一致性协议|consensus/i, ['raft', 'paxos', 'zab']],
];

/** Words by which a question asks what kinds, ways or types there are. */
const asksForKinds = /哪些|哪几|几种|几类|多少种|方式|方法|种类|分类|类型|\b(kinds?|types?|ways?)\b/i;

/**
 * Each concept whose kinds `question` asks for, as the question words it, with its kinds, unless the question already names
 * one (then it asks about that kind, not for the list).
 */
export function kindsAskedFor(question: string): Array<{ concept: string; kinds: readonly string[] }> {
  if (!asksForKinds.test(question)) return [];
  const lower = question.toLowerCase();
  return entries.flatMap(([concept, kinds]) => {
    const named = concept.exec(question)?.[0];
    return named && !kinds.some((kind) => lower.includes(kind)) ? [{ concept: named, kinds }] : [];
  });
}

/** A query term added for a concept's kinds, or a term of the concept's own word (`kind` false). */
export interface KindTerm {
  group: string;
  kind: boolean;
}

/**
 * The kinds `focus` asks for as lexical terms, each with its group key: a concept's kinds and the
 * terms of the concept's own word are one group. Without that, a word like 持久化 counts four
 * times (持久, 化, two glossary concepts) and any passage that says it in passing outranks the one
 * that names RDB and AOF. Terms of the concept's word keep their own weight (`kind` false).
 */
export function kindTermsOf(focus: string, own: readonly string[], analyse: (text: string) => string[], weight: number): Map<string, KindTerm> {
  const found = new Map<string, KindTerm>();
  if (weight <= 0) return found;
  const held = new Set(own);
  kindsAskedFor(focus).forEach(({ concept, kinds }, at) => {
    const group = `kinds of #${at}`;
    for (const term of analyse(concept)) if (held.has(term)) found.set(term, { group, kind: false });
    for (const term of kinds.flatMap((kind) => analyse(kind))) if (!held.has(term)) found.set(term, { group, kind: true });
  });
  return found;
}

/** The question as the vector ranker embeds it: with the kinds it asks for named. */
export function withKindsNamed(focus: string): string {
  const kinds = kindsAskedFor(focus).flatMap((found) => found.kinds);
  return kinds.length === 0 ? focus : `${focus} ${kinds.join(' ')}`;
}
