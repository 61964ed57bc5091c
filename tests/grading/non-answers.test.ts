import { describe, expect, it } from 'vitest';
import { looksLikeBagOfWords, looksLikeTermList } from '../../src/grading/non-answers.ts';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';

const question = 'Go 里哪些类型是值类型，哪些是引用类型？';
const note = `值类型分别有：int系列、float系列、bool、string、数组和结构体。
引用类型有：指针、slice切片、管道channel、接口interface、map、函数等。
值类型的特点是变量直接存储值，内存通常在栈中分配；引用类型的特点是变量存储的是一个地址，内存通常在堆中分配。`;

const score = (answer: string) => scoreAnswer({ question, answer, references: [note] }).score;

describe('bags of words', () => {
  it('reads a bag of terms or two-character fragments as one, and a separated list or a sentence as not', () => {
    expect(looksLikeBagOfWords('slice 值类型 string map 数组 引用类型 channel 结构体 bool 指针')).toBe(true);
    expect(looksLikeBagOfWords('单线 程简 单避 免死 锁数 据竞 争效 率高')).toBe(true);
    expect(looksLikeBagOfWords('全双 工有 状态 长连 接请 求响 应无 状态')).toBe(true);
    expect(looksLikeBagOfWords('FIFO、LFU、LRU、TTL、Random')).toBe(false);
    expect(looksLikeBagOfWords('FIFO\nLFU\nLRU\nTTL\nRandom')).toBe(false);
    expect(looksLikeBagOfWords('值类型有 int float bool string 数组 结构体')).toBe(false);
  });

  it('keeps a bag of the note\'s own names low even when the note is a list of names', () => {
    const bag = score('slice 值类型 string map 数组 引用类型 channel 结构体 bool 指针 interface int 函数 float');
    expect(bag).toBeLessThanOrEqual(1.5);
    const grouped = score('值类型有 int、float、bool、string、数组和结构体；引用类型有指针、slice、channel、interface、map 和函数。值类型直接存值，一般在栈上；引用类型存的是地址，一般在堆上。');
    expect(grouped).toBeGreaterThanOrEqual(7);
  });
});

describe('numbers in a list', () => {
  it('are data, not terms: a worked example or a numbered list is not a term list, while terms with numbers among them still are', () => {
    expect(looksLikeTermList('例如【2，9，5，6，3】，最终序为【2，3，5，6，9】，经过一趟冒泡排序后会变成【2，5，6，3，9】，5，6的位置就朝反方向移动了')).toBe(false);
    expect(looksLikeTermList('顺序表：\n1、预先分配空间，可能导致溢出或浪费\n2、不需要关注元素间的逻辑关系而增加储存空间\n3、随机存取\n链式：\n1、动态分配空间\n2、借助指针来体现元素间的逻辑关系\n3、顺序存取')).toBe(false);
    expect(looksLikeBagOfWords('二级分配 8 16 32 512 64个槽 freelist block 4096 new 内存碎片')).toBe(true);
    expect(looksLikeTermList('二级分配，8，16，32，64个槽，freelist，block，4096，内存碎片')).toBe(true);
  });

  it('lets an answer built on an example earn its grade', () => {
    const sorting = `在冒泡排序过程中，确实可能出现某些关键字在某趟排序中朝着与最终排序相反的方向移动。举个例子：数组 [3, 1, 4, 5, 2]，第一趟后 2 从右向左移动了。
在快速排序过程中，不会出现关键字朝着与最终排序相反的方向移动的现象。`;
    const graded = scoreAnswer({ question: '冒泡排序过程中，有的关键字在某趟排序中可能朝着与最终排序相反的方向移动，试举例说明之。快速排序过程中有没有这种现象？', answer: '例如【2，9，5，6，3】，最终序为【2，3，5，6，9】，一趟冒泡排序后变成【2，5，6，3，9】，5 和 6 就朝相反方向移动了。快速排序没有这种现象。', references: [sorting] });
    expect(graded.flags).not.toContain('list-of-terms');
    expect(graded.score).toBeGreaterThan(5);
  });
});

describe('terse claims enumerated with 、', () => {
  it('are no term list when their items say something of a subject with 只 / 仅 / 才, while a list of terms still is one', () => {
    expect(looksLikeTermList('make 只管 slice、map、chan，会初始化内部结构、返回类型本身；new 只分配内存，它返回指针。')).toBe(false);
    expect(looksLikeTermList('make、new、slice、map、chan、返回类型本身、指针。')).toBe(true);
    expect(looksLikeTermList('只读事务、快照读、当前读、MVCC、Read View、undo log。')).toBe(true);
  });
});

describe('an answer that is mostly the opposite of the note', () => {
  const question = '执行 go build 的时候会发生什么？';
  const build = `- 解析包导入：编译器解析源代码中的import语句，找出依赖的所有包。
- 依赖包的编译：编译器递归编译依赖的包，每个包得到一个对象文件。
- 主包的编译：编译器编译包含main函数的主包。
- 链接：链接器把所有对象文件链接成一个可执行文件。
- go build生成的可执行文件是静态链接的，所有的依赖都被打包进了可执行文件，可以在没有安装依赖的环境中运行。`;

  it('scores low even when its other clauses restate the note', () => {
    const wrong = scoreAnswer({ question, answer: '解析 import 找出依赖包，编译依赖包和主包，链接成可执行文件。生成的可执行文件不是静态链接的，依赖并不会被打包进可执行文件，运行的机器上必须先安装好所有依赖。', references: [build] });
    expect(wrong.flags).toContain('contradiction');
    expect(wrong.score).toBeLessThanOrEqual(1.5);
    const right = scoreAnswer({ question, answer: '解析 import 找出依赖包，递归编译依赖包得到对象文件，再编译 main 所在的主包，最后链接成可执行文件；它是静态链接的，依赖都打包进去了，没装依赖的机器上也能运行。', references: [build] });
    expect(right.flags).not.toContain('contradiction');
    expect(right.score).toBeGreaterThanOrEqual(7);
  });
});

describe('hedged answers', () => {
  it('caps an answer that admits not knowing and mostly guesses, but not a sure answer with one admission', () => {
    const note = `leader将日志发送给follower，follower日志持久化成功以后，返回ACK确认给leader。
leader收到半数以上的ACK以后，leader更新内存数据，再将commit指令发送给从节点。`;
    const question = 'ZooKeeper 的写请求是怎么同步的？';
    const guessed = scoreAnswer({ question, answer: '好像是 leader 把日志发给 follower 吧，然后要等 ACK？半数还是全部我不确定，commit 的顺序没细看。', references: [note] });
    expect(guessed.score).toBeLessThanOrEqual(3);
    expect(guessed.flags).toContain('hedged');
    const sure = scoreAnswer({ question, answer: 'leader 把日志发给 follower，follower 持久化成功后回 ACK，leader 收到半数以上的 ACK 就更新内存数据，再把 commit 发给从节点。具体超时参数我记不清了。', references: [note] });
    expect(sure.score).toBeGreaterThanOrEqual(7);
  });

  it('reads "只听过 X、Y 这几个名字" as admitting not knowing them, not as naming them', () => {
    const note = '业界其他的方案：databricks photon 不开源，只有论文；datafusion blaze 使用自己的 protobuf 来描述算子，不是使用的 substrait，容易与社区脱节，不易维护。';
    const question = '除了 Gluten 加 Velox，业界还有哪些 native 向量化引擎的方案？你们为什么没选它们？';
    const heard = scoreAnswer({ question, answer: '这个我没了解过，只听过Photon、DataFusion、Blaze、Substrait这几个名字。', references: [note] });
    expect(heard.flags).toContain('dontknow');
    expect(heard.score).toBeLessThanOrEqual(1);
    const knows = scoreAnswer({ question, answer: 'Photon 闭源、只有论文；Blaze 用自己的 protobuf 描述算子而不是 Substrait，容易和社区脱节。', references: [note] });
    expect(knows.score).toBeGreaterThanOrEqual(7);
  });
});

describe('a note that is a numbered list of names, recited', () => {
  const question = '百万级 MySQL 怎么处理？';
  const references = ['答：1-主备 2-读写分离 3-集群 4-负载均衡 5-查询缓存 6-raid'];

  it('is an answer when the candidate recites the names with their numbers', () => {
    expect(scoreAnswer({ question, references, answer: '1-主备 2-读写分离 3-集群 4-负载均衡 5-查询缓存 6-raid' }).score).toBeGreaterThanOrEqual(8);
  });

  it('is still a bag of words when the names are cut into fragments', () => {
    expect(scoreAnswer({ question, references, answer: '主备 读写 分离 集群 负载 均衡' }).flags).toContain('list-of-terms');
  });
});

describe('fragment soup in any order', () => {
  it('is a bag of words, though pieces cut across words carry 的 and 是 and Latin bits', () => {
    expect(looksLikeBagOfWords('就移 缓存 表 的访 问一 u是 as 双h 链表 一频 的访 度的 频度 动到 射频 双向 存就 节点 ey 次缓')).toBe(true);
    expect(looksLikeBagOfWords('fo 策略 af ad 到半 mm 上的 节点 ea de t一 K以 后返 er 给l 给从 fo 日志 le ll ea co 持久')).toBe(true);
    const soup = scoreAnswer({ question, answer: '引用 类型 值类 型分 别有 系列 指针 sl ic e切 片管 道c ha nn el 接口 内存 通常 在栈 中分 配变 量存 储的 是一 个地 址', references: [note] });
    expect(soup.score).toBeLessThanOrEqual(1.5);
  });

  it('is not words spaced apart as typed, nor English prose', () => {
    expect(looksLikeBagOfWords('它 是 单线程 的 所以 不 用 加锁 也 不会 有 竞争')).toBe(false);
    expect(looksLikeBagOfWords('it is a way to do IO so we can use it on a socket in Go')).toBe(false);
  });
});

describe('the labels a note files its points under, said alone', () => {
  // Two labelled chains, as a note keeps a state machine: each label names a chain and says none of it.
  const states = '- 客户端tcp状态迁移：CLOSED->SYN_SENT->ESTABLISHED->FIN_WAIT_1->FIN_WAIT_2->TIME_WAIT->CLOSED\n- 服务器TCP状态迁移：CLOSED->LISTEN->SYN收到->ESTABLISHED->CLOSE_WAIT->LAST_ACK->CLOSED';
  const asked = '说说你对TCP状态机的了解。';
  const graded = (answer: string, note = states, question = asked) => scoreAnswer({ question, answer, references: [note] });

  it('scores no more than a list of terms, and says why', () => {
    for (const answer of ['客户端tcp状态迁移', '客户端和服务器的tcp状态迁移']) {
      const result = graded(answer);
      expect(result.flags).toContain('labels-only');
      expect(result.score).toBeLessThanOrEqual(1.5);
    }
  });

  it('leaves an answer that says what is under the labels, or more than the labels do', () => {
    const chains = graded('客户端：CLOSED → SYN_SENT → ESTABLISHED → FIN_WAIT_1 → FIN_WAIT_2 → TIME_WAIT → CLOSED；服务器：CLOSED → LISTEN → SYN_RCVD → ESTABLISHED → CLOSE_WAIT → LAST_ACK → CLOSED');
    expect(chains.flags).not.toContain('labels-only');
    expect(chains.score).toBeGreaterThanOrEqual(8);
    // A label shorter than what follows it is a name the answer may use while saying something of its own.
    const benefits = '好处：\n- 数据备份：防止单点崩溃\n- 高可用性和故障恢复：可以将任何一个从服务器提升为主服务器';
    const said = graded('从库相当于一份数据备份，主库出问题数据也不会全丢。', benefits, '主从架构能带来哪些好处？');
    expect(said.flags).not.toContain('labels-only');
    expect(said.score).toBeGreaterThan(1.5);
  });
});

describe('不知道 and a list of short pieces', () => {
  it('is no answer, whether the pieces are names or bits of the note cut short', () => {
    const pieces = scoreAnswer({ question, answer: '不知道，值类型分别有、引用类型有、int系列、内存通常在栈中、变量存储的是', references: [note] });
    expect(pieces.flags).toContain('dontknow');
    expect(pieces.score).toBeLessThanOrEqual(1);
    // Admitting a gap and then saying something of one's own is not that.
    const said = scoreAnswer({ question, answer: '不太确定，我记得值类型是变量直接存值，一般在栈上分配；引用类型存的是地址，内存一般在堆上。', references: [note] });
    expect(said.flags).not.toContain('dontknow');
  });
});

describe('which notes are lists of names, answered by naming them', () => {
  it('is not a note of short claims, nor one that names a few things in passing', () => {
    const redis = '- 简单，避免死锁、数据竞争\n- 效率高，充分利用cpu。\n- 多线程切换可能会抵消并行带来的性能提升。\n- 每个操作都是原子性的。';
    const terms = scoreAnswer({ question: 'Redis为什么用单线程？', answer: '避免、死锁、数据、竞争、cpu、多线程、并行、带来', references: [redis] });
    expect(terms.flags).toContain('list-of-terms');
    expect(terms.score).toBeLessThanOrEqual(1.5);
    // The note's own terse items, said again (a follow-up answer joins them to the first answer), are the note recited.
    const recited = scoreAnswer({ question: 'Redis为什么用单线程？', answer: `- 简单，避免死锁、数据竞争\n\n${redis}`, references: [redis] });
    expect(recited.flags).not.toContain('list-of-terms');
    expect(recited.score).toBeGreaterThanOrEqual(8);
    const comparison =
      'Redis 支持多种数据类型，如字符串、哈希表、列表、集合、有序集合等；Memcached 仅支持简单的键值数据类型。Redis 支持持久化，可以将内存中的数据保存到磁盘；Memcached 不支持持久化，数据只在内存中。Redis 单线程执行命令，Memcached 是多线程的。';
    const named = scoreAnswer({ question: 'Redis 和 Memcached 有什么区别？', answer: 'redis、数据、类型、memcached、哈希表、持久化、内存、磁盘', references: [comparison] });
    expect(named.flags).toContain('list-of-terms');
  });

  it('is a note of names, or of names with a word or two each', () => {
    const components = '- broker：一步通讯\n- codec：编码解码\n- registry：服务注册发现\n- selector：负载均衡\n- transport：通信模块接口';
    const listed = scoreAnswer({ question: 'go-micro由哪些部分组成？', answer: 'broker、codec、registry、selector、transport', references: [components] });
    expect(listed.flags).not.toContain('list-of-terms');
    expect(listed.score).toBeGreaterThanOrEqual(6);
  });
});
