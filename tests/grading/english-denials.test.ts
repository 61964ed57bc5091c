import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';
import { statementsOf } from '../../src/grading/statements.ts';

// corpus/cpp-backend-projects-and-internship.md, "Ceph".
const cephQuestion = '用 Ceph 存一个大文件的时候，这个文件是整个放在某一台节点上的吗？这一点跟 FastDFS 比怎么样？';
const cephNote = [
  '会把文件分片成对象存储（osd），均匀分布到每个节点的每个硬盘，也就是一个文件的存储也可以负载均衡到不同节点，fastDFS不可以。',
  '因此Ceph在大文件存储上很有优势，fastDFS在小文件存储有很大优势（尤其是trunk策略）',
];

// corpus/go-mysql-redis-ecommerce-qa.md, select.
const selectQuestion = 'Go 的 select 有哪些特性？多个 case 同时就绪怎么办？都没就绪又会怎样？';
const selectNote = ['当没有case或者default可以执行时，select则阻塞，等待直到有1个case可以执行。', '当有多个case可以执行时，则随机选择1个case执行。'];

describe('an English denial of a Chinese note', () => {
  it('ends a sentence at a full stop the clause split kept without its space', () => {
    const sentences = statementsOf("It doesn't split files up. Load balancing happens per file rather than inside a file.").map((statement) => statement.sentence);
    expect(sentences[0]).not.toBe(sentences.at(-1));
    // An abbreviation's full stop ends no sentence.
    const abbreviated = statementsOf('When heap occupancy goes over the threshold (e.g. 45%, by default), the collector starts marking.').map((statement) => statement.sentence);
    expect(new Set(abbreviated).size).toBe(1);
  });

  it('reads the denied word through its Chinese gloss: "doesn\'t split files up" against 「会把文件分片成对象存储」', () => {
    // The next sentence's "rather than" had made the whole answer one supposing sentence, and the gloss was not read.
    const wrong = "Yes, Ceph keeps each file whole as a single object on one node; it doesn't split files up. Load balancing happens per file rather than inside a file, exactly the same as FastDFS.";
    expect(contradicted(cephQuestion, cephNote, wrong)).toEqual([cephNote[0]]);
    const right = 'No. Ceph splits a file into objects spread over the disks of every node, so even one file is load-balanced across nodes, which FastDFS cannot do; that is why Ceph is good at big files.';
    expect(contradicted(cephQuestion, cephNote, right)).toEqual([]);
  });

  it('reads a negation that denies how far, or who, as no denial of the predicate', () => {
    const timeout = 'A common pattern is a timeout case, i.e. give it a 10 ms timeout, so the select can\'t block forever.';
    expect(contradicted(selectQuestion, selectNote, timeout)).toEqual([]);
    // Among the auxiliaries too: "not always" grants that it sometimes does.
    expect(contradicted(selectQuestion, selectNote, 'When no case is ready and there is no default, the select does not always block.')).toEqual([]);
    expect(contradicted(selectQuestion, selectNote, 'When no case is ready and there is no default, the select does not block.')).toEqual([selectNote[0]]);
  });

  it('reads a clause that opens with "don\'t" as advice, and a denial only up to its preposition', () => {
    const question = '什么是缓存击穿？一般怎么解决？';
    // corpus/image-service-project-qa.md, 缓存击穿.
    const note = ['缓存击穿是指一个热点key（非常频繁地被访问）在缓存中过期的瞬间，大量的请求就落到了数据库上。', '使用互斥锁或分布式锁：当缓存失效的时候，第一个访问数据的线程获得锁并开始加载数据，其他线程等待。'];
    const remedy = "Common fixes: don't let hot keys expire and refresh them in the background instead (you just have to keep the refresh timely so the cache doesn't drift from the DB); use a mutex so only the first request rebuilds the entry.";
    expect(contradicted(question, note, remedy)).toEqual([]);
  });
  it('reads 「永不过期」 as the note denying expiry, which "never expire hot keys" agrees with', () => {
    const question = '什么是缓存击穿？怎么解决？';
    // corpus/image-service-project-qa.md, 缓存击穿: 「不过」 ("but") had masked the negation of 「永不过期」.
    const note = ['缓存击穿是指一个热点key（非常频繁地被访问）在缓存中过期的瞬间，大量的请求就落到了数据库上。', '设置热点数据永不过期：这是最简单的方式。', '使用互斥锁或分布式锁：当缓存失效的时候，第一个访问数据的线程获得锁并开始加载数据，其他线程等待。'];
    expect(contradicted(question, note, 'Hot key expires, then all requests go to the DB at once. Use a mutex so only one request rebuilds the cache, or never expire hot keys.')).toEqual([]);
    expect(contradicted(question, note, 'Hot keys should never expire.')).toEqual([]);
    // A Chinese denial ends at its list mark: 「永不过期、互斥锁…」 does not deny the mutex.
    expect(contradicted(question, note, '热点 key 过期瞬间大量请求直接打到数据库；解法：热点永不过期、互斥锁/分布式锁只让一个线程回源重建缓存、缓存预热。')).toEqual([]);
    // What comes before the mark is still denied.
    expect(contradicted(question, note, '缓存失效的时候，线程不会获得锁、直接加载数据。')).toEqual([note[2]]);
  });

  it('reads an English clause asserting what a Chinese note denies: "the same type" against 「[10]int和[20]int是不一样的」', () => {
    const question = 'Go 里 [10]int 和 [20]int 算同一种类型吗？';
    const note = ['go的数组是值类型，赋值和传参都会整体拷贝一份', 'array的长度也是Type的一部分，这样就说明[10]int和[20]int是不一样的'];
    expect(contradicted(question, note, "Yes, they're the same type: a [10]int and a [20]int are interchangeable.")).toEqual([note[1]]);
    expect(contradicted(question, note, 'No. The length is part of the type, so [10]int and [20]int are two different types.')).toEqual([]);
  });

  it('reads an English negation followed by where / if / unless as a condition, which denies nothing of the note', () => {
    const question = 'Go 里数组的长度算不算类型的一部分？为什么？';
    const note = ['如果go中的数组做为函数的参数，那么实际传递的参数是一份数组的拷贝，而不是数组的指针', 'array的长度也是Type的一部分，这样就说明[10]int和[20]int是不一样的'];
    // 「实际传递的参数是一份数组的拷贝」 asserts passing; "can't pass one where the other is expected" only denies passing in place of the other.
    const right = "Yes. The length is part of the array's type, so [10]int and [20]int are two different types, and you can't pass one where the other is expected.";
    expect(contradicted(question, note, right)).toEqual([]);
  });
});

describe('an English predicate with no subject of its own', () => {
  const question = '你的 MQ 是基于 Raft 做的，如果 leader 宕机了，怎么保证服务还能用、数据不丢？';
  const note = ['其次，数据写入时必须复制到多数派节点才算提交，这样可以保证即使少数节点当即，数据也不会丢失，新leader仍然可以提供服务。'];

  it('finishes the clause before it, past an aside: "losing a minority of nodes, including the old leader, doesn\'t lose any committed data"', () => {
    const answer = "That means losing a minority of nodes, including the old leader, doesn't lose any committed data.";
    expect(statementsOf(answer).map((statement) => statement.text)).toEqual([answer]);
    expect(contradicted(question, note, answer)).toEqual([]);
  });

  it('still reads the opposite claim as a contradiction', () => {
    expect(contradicted(question, note, 'A minority of nodes can crash and the data is still lost.')).toEqual([note[0]]);
  });
});

describe('English denials in other shapes', () => {
  // corpus/go-basics-qa.md, 你的mq是怎样实现高可用高可用性的？
  const raftQuestion = '你的mq是基于raft的，如果leader宕机了，集群还能继续工作吗？已经写入的数据会不会丢？';
  const raftNote = ['其次，数据写入时必须复制到多数派节点才算提交，这样可以保证即使少数节点当即，数据也不会丢失，新leader仍然可以提供服务。'];
  // corpus/go-basics-qa.md, the big backing array.
  const sliceQuestion = '如果一个切片底层数组特别大，但你只需要其中很小一部分，会导致什么问题？怎么解决？';
  const sliceNote = ['因为底层数组还被引用着，他会导致GC无法回收未用到的大部分内存。'];

  it('reads "survives the loss of" as denying the loss, as 数据也不会丢失 does', () => {
    expect(contradicted(raftQuestion, raftNote, 'Committed data therefore survives the loss of a minority of nodes.')).toEqual([]);
    expect(contradicted(raftQuestion, raftNote, 'Committed data is lost when a minority of nodes go down.')).toEqual(raftNote);
  });

  it('reads what follows an opening "once" as supposed, and "as soon as" inside a claim as the claim', () => {
    expect(contradicted(sliceQuestion, sliceNote, 'Once nothing references the big array anymore, the GC can reclaim it.')).toEqual([]);
    expect(contradicted(sliceQuestion, sliceNote, 'The GC can reclaim the big array right away.')).toEqual(sliceNote);
  });
});
