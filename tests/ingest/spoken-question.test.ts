import { describe, expect, it } from 'vitest';
import { cardsOf, realCardAt } from './corpus-fixture.ts';

/** The question a one-question note asks, given the line and a short answer under it. */
const askedFor = (line: string, answer = '这里是答案，讲清楚它的原理和用法。'): string => {
  const cards = cardsOf(`${line}\n\n${answer}\n`).filter((card) => !card.searchOnly);
  return cards[0]?.question ?? '';
};

describe('a card question is worded as an interviewer says it', () => {
  it('asks bare terms jotted with question marks or commas together, neutrally, never reading more into them', () => {
    expect(askedFor('grpc？序列化格式？')).toBe('说说gRPC和序列化格式。');
    expect(askedFor('## map，len，扩容，并发读写')).toBe('说说map、len、扩容和并发读写。');
    // A long part makes it a two-part question rather than a list.
    expect(askedFor('## rust基于所有权的内存管理算法，rust借用检查的三个规则')).toBe('说说rust基于所有权的内存管理算法，以及rust借用检查的三个规则。');
  });

  it('asks asks run together with a comma or 、 one by one', () => {
    expect(askedFor('https是无状态的吗，证书有什么作用，私钥放在哪里')).toBe('HTTPS是无状态的吗？证书有什么作用？私钥放在哪里？');
    expect(askedFor('进程和线程差别、线程之间怎么通信')).toBe('进程和线程有什么差别？线程之间怎么通信？');
    // An ask with no subject of its own after a comma goes on the same question.
    expect(askedFor('Redis集群遇到了哪些问题，怎么解决的？')).toBe('Redis集群遇到了哪些问题，怎么解决的？');
    // An instruction after a question stays an instruction.
    expect(askedFor('以下代码有什么问题，说明原因', '```go\nfor {}\n```\n\n死循环。')).toBe('以下代码有什么问题？说明原因。');
  });

  it('asks the fragment after a question as its own part', () => {
    expect(askedFor('缓存有什么用？缓存流程')).toBe('缓存有什么用？缓存的流程是怎样的？');
    expect(askedFor('epoll实现原理，适用的场景')).toBe('epoll的实现原理是什么？适用于哪些场景？');
    expect(askedFor('消息队列怎么实现的，削峰填谷，堆积几种处理方法')).toBe('消息队列怎么实现的？说说削峰填谷。堆积有哪几种处理方法？');
    expect(askedFor('对 etcd 了解怎么样，看过源码吗？raft、mvcc、watch')).toBe('对 etcd 了解怎么样？看过源码吗？比如Raft、MVCC、watch。');
    // A statement the note closed with ？ asks too; a bare aspect after it is asked about the same subject.
    expect(askedFor('## session相比于cookie的优点？缺点？')).toBe('session相比于cookie有什么优点？有什么缺点？');
    expect(askedFor('连接池开多少合适，会影响延迟？')).toBe('连接池开多少合适？会影响延迟吗？');
  });

  it('asks the question once, without the author’s other wording of it in brackets', () => {
    expect(askedFor('etcd的数据是如何同步的[或者说同步流程有哪些？]')).toBe('etcd的数据是如何同步的');
  });

  it('asks the question a narrated line tells of, not the narration', () => {
    expect(cardsOf('有个考察select和default执行顺序的问题。\n答：default 只在其他分支都没就绪时执行。\n')[0]?.question).toBe('select和default的执行顺序是怎样的？');
    expect(cardsOf('有个青蛙的问题，一只青蛙一次可以跳1级或2级台阶，求跳上n级台阶的跳法数。\n答：斐波那契数列。\n')[0]?.question).toBe('一只青蛙一次可以跳1级或2级台阶，求跳上n级台阶的跳法数。');
  });

  it('asks about a term instead of reading it out with a question mark, sets a task as a task, and asks a yes/no statement with 吗', () => {
    expect(askedFor('合并k个有序链表')).toBe('合并k个有序链表，说说你的思路。');
    // A ranking names a feature to build: "说说每个用户的top10表情包。" asked nothing.
    expect(cardsOf('每个用户的top10表情包\n\n- redis的zset\n')[0]?.question).toBe('每个用户的top10表情包怎么实现？');
    expect(askedFor('热门商品排行榜')).toBe('热门商品排行榜怎么实现？');
    expect(askedFor('desktop设置')).not.toContain('实现');
    expect(askedFor('TCP 流量控制（滑动窗口、零窗口探测）')).toBe('说说TCP 流量控制（滑动窗口、零窗口探测）。');
    expect(askedFor('slice的扩容顺序')).toBe('slice的扩容顺序是怎样的？');
    expect(askedFor('Go里面一个channel能保证先进先出的')).toBe('Go里面一个channel能保证先进先出吗？');
    // A choice and a count are asks already; a gloss after the ask does not hide it.
    expect(askedFor('new是关键字还是内置函数')).toBe('new是关键字还是内置函数');
    expect(askedFor('一个连接可以同时发多个请求么（比如流水线）？')).toBe('一个连接可以同时发多个请求么（比如流水线）？');
  });

  it('asks each aspect of a line that stacks two after its subject, and leaves one aspect or a real question alone', () => {
    expect(askedFor('断点续传原理场景：')).toBe('断点续传的原理是什么？适用于哪些场景？');
    expect(askedFor('## 布隆过滤器原理和使用场景')).toBe('布隆过滤器的原理是什么？适用于哪些场景？');
    expect(askedFor('## 布隆过滤器优缺点')).toBe('布隆过滤器有什么优缺点？');
    expect(askedFor('布隆过滤器的原理和场景是什么？')).toBe('布隆过滤器的原理和场景是什么？');
  });

  it('spells acronyms and product names as printed, and leaves identifiers and English notes alone', () => {
    expect(askedFor('mysql的lru和redis的lfu有什么区别？')).toBe('MySQL的LRU和Redis的LFU有什么区别？');
    expect(askedFor('golang的select和sync.Map怎么用？')).toBe('Golang的select和sync.Map怎么用？');
    expect(askedFor('What is a goroutine?', 'A function running concurrently with others.')).toBe('What is a goroutine?');
  });

  it('holds on the real notes', () => {
    expect(realCardAt('image-service-project-qa.md', 730).question).toBe('说说RPC和二进制协议。');
    expect(realCardAt('go-mysql-redis-ecommerce-qa.md', 764).question).toBe('说说Golang基于空闲链表的tcmalloc算法，以及Golang GC的四个阶段。');
    expect(realCardAt('go-mysql-redis-ecommerce-qa.md', 383).question).toBe('defer和panic的执行顺序是怎样的？');
    expect(realCardAt('go-mysql-redis-ecommerce-qa.md', 386).question).toBe('切片和数组有什么差别？Go多协程之间怎么同步？');
    expect(realCardAt('os-network-k8s-microservices.md', 534).question).toBe('sync.Map的实现原理是什么？适用于哪些场景？');
  });
});
