import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';
import { gradeOffline } from '../../src/grading/offline-grader.ts';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';
import { premiseOf } from '../../src/grading/denied-claims.ts';

const selectQuestion = 'Go 的 select 有哪些特性？多个 case 同时就绪怎么办？都没就绪又会怎样？';
const selectNote = [
  '在多个通道上进行读或写操作，让函数可以处理多个事情，但1次只处理1个。',
  '当没有case或者default可以执行时，select则阻塞，等待直到有1个case可以执行。',
  '当有多个case可以执行时，则随机选择1个case执行。',
  'case后面跟的必须是读或者写通道的操作，否则编译出错。',
];

describe('a predicate the answer denies in its own words', () => {
  it('marks "select 也不会阻塞" wrong against "select则阻塞", though the clauses share only the question\'s words', () => {
    expect(contradicted(selectQuestion, selectNote, '没有 case 就绪时 select 也不会阻塞，而是直接跳过。')).toEqual([selectNote[1]]);
    expect(contradicted(selectQuestion, selectNote, '都没就绪、又没有 default 的时候，select 会一直阻塞，直到有 case 能执行。')).toEqual([]);
  });

  it('reads 则 inside a word (规则, 正则) as no supposition', () => {
    expect(contradicted(selectQuestion, selectNote, '按 Go 的规则，没有 case 就绪时 select 也不会阻塞，而是直接跳过。')).toEqual([selectNote[1]]);
  });

  it('reads "不一定" as denying the note\'s "必须"', () => {
    expect(contradicted(selectQuestion, selectNote, 'case 后面也不一定是通道操作，普通函数调用也可以。')).toEqual([selectNote[3]]);
    expect(contradicted(selectQuestion, selectNote, 'case 后面必须是通道的读写操作，不然编译不过。')).toEqual([]);
  });

  it('reads "不一定要是" as a denied necessity, not a supposition, in a sentence about the limit the note names', () => {
    const question = 'Go 的 select 主要是用来解决什么问题的？它对 case 里能写的东西有什么硬性限制？';
    const note = ['select机制用来处理异步IO问题', 'select机制最大的一条限制就是每个case语句里必须是一个IO操作'];
    expect(contradicted(question, note, '它对 case 其实没有什么硬性限制，case 后面不一定要是读写通道的操作。')).toEqual([note[1]]);
    expect(contradicted(question, note, '每个case语句里不一定要是一个IO操作。')).toEqual([note[1]]);
    expect(contradicted(question, note, '它对 case 有硬性限制，case 后面必须是读写通道的操作，不一定要加 default。')).toEqual([]);
    // A real supposition still claims nothing.
    expect(contradicted(question, note, '要是 case 后面不写 IO 操作，就编译不过。')).toEqual([]);
  });

  it('reads an English denial against a Chinese note through the predicate it denies', () => {
    const note = ['http：请求——响应。', '完成一系列请求后关闭。', 'websocket：全双工。', '有状态。 长连接，只有在客户端或服务器决定关闭时才关闭。'];
    const question = '你们的聊天功能为什么用 WebSocket，而不用普通的 HTTP？';
    expect(contradicted(question, note, 'WebSocket is not full-duplex; the server still waits for each request.')).toEqual([note[2]]);
    // The subject before the negation is what it is said of: HTTP's request-response is denied of WebSocket, rightly.
    expect(contradicted(question, note, 'WebSocket is full-duplex and not request-response like HTTP. HTTP is not full-duplex.')).toEqual([]);
  });

  it('does not read a condition, a correction or a cost avoided as a denial', () => {
    const panic = ['哪个协程发生了panic，我们就需要在哪个协程recover。'];
    expect(contradicted('goroutine A panic 了会不会影响 goroutine B？', panic, '一个 goroutine panic 了如果自己没 recover，整个进程都会崩掉。')).toEqual([]);
    const lru = ['young区和old区（7：3）预读缓存先到old区（解决预读失效），在old区中的缓存第二次访问距离第一次访问时间超过1s才挪到young区'];
    expect(contradicted('InnoDB 的 Buffer Pool 怎么解决预读失效和缓存污染？', lru, '预读进来的页先放到 old 区头部，没被访问就很快淘汰。')).toEqual([]);
    const pool = ['使用malloc/new申请分配堆内存时系统需要根据最先匹配、最优匹配或其它算法在内存空闲块表中查找一块空闲内存；'];
    expect(contradicted('为什么要自己实现内存池？', pool, '这样避免了 malloc/new 每次在空闲块表里查找空闲内存的开销。')).toEqual([]);
  });

  it('does not read "有无" (whether there is) as a negation', () => {
    const note = ['先查看监控面板看有无突发流量异常，接着查看业务日志是否有异常。'];
    expect(contradicted('线上 CPU 100% 怎么排查？', note, '最后再结合监控和日志确认是不是突发流量引起的。')).toEqual([]);
  });

  it('does not read a clause about another thing of the glossary as denying the note\'s clause about its thing', () => {
    const note = ['在这种情况下，建议采用链式存储结构。', '由于在顺序表中频繁进行插入和删除操作时，需要移动大量元素，操作耗时较长。'];
    const question = '若频繁地对一个线性表进行插入和删除操作，该线性表宜采用何种存储结构，为什么？';
    expect(contradicted(question, note, '采用链式存储结构，在链式存储结构中插入和删除操作不需要移动元素。')).toEqual([]);
  });

  it('agrees with a note that denies the same word ("处理不了" and "无法被处理")', () => {
    const note = ['如果攻击的强度足够大，服务器的资源可能会被耗尽，导致正常的连接请求无法被处理，从而实现了拒绝服务的目的。'];
    expect(contradicted('SYN Flood 攻击的原理是什么？', note, '资源被耗尽以后，正常用户的连接请求就处理不了了。')).toEqual([]);
  });
});

describe('what the note only ever denies, asserted', () => {
  it('marks "pipelining 是默认开启的" wrong against "HTTP1.1默认不开启"', () => {
    const note = ['Pipelining存在的问题：HTTP1.1默认不开启的原因', '响应必须按请求的顺序返回，前面的请求慢会拖住后面的（队头阻塞）。'];
    const question = 'HTTP/1.1 的 pipelining 有什么问题？';
    expect(contradicted(question, note, 'HTTP/1.1 的 pipelining 是默认开启的，响应可以乱序返回。')).toEqual([note[0]]);
    expect(contradicted(question, note, 'HTTP/1.1 的 pipelining 默认是关的，因为响应必须按顺序返回。')).toEqual([]);
  });

  it('needs the thing the note denies it of in the answer\'s clause: the contrast the note draws is not a denial', () => {
    const note = ['链表的存储空间不连续，不支持随机访问。', '顺序表需要预先分配一整块空间。'];
    expect(contradicted('简述顺序表和链表存储方式的特点', note, '顺序表采用连续的空间存储数据，支持随机访问。')).toEqual([]);
  });
});

describe('a note point that opens with an aspect', () => {
  const note = ['标记-清除：从根变量遍历所有引用的对象，没有被标记的进行回收。', '缺点：需要STW（Stop The World），就是停掉所有的goroutine，这回导致程序短时间的暂停。', '分代收集：按照对象生命周期的长短划分不同的代空间。'];
  const question = '常见的垃圾回收算法有哪些？各自有什么优缺点？';

  it('is about the labelled point before it ("缺点：…" of 标记-清除)', () => {
    expect(contradicted(question, note, '标记-清除也不需要 STW，不会让程序暂停。')).toEqual([note[1]]);
    expect(contradicted(question, note, '标记-清除的缺点是要 STW，会让程序短暂停顿。')).toEqual([]);
    // Said of another labelled thing, the denial is not about 标记-清除's aspect.
    expect(contradicted(question, note, '分代收集不会让程序暂停。')).toEqual([]);
  });
});

describe('a negated modifier', () => {
  const question = 'sync.Map 为什么在读多写少时性能好？它的 read 和 dirty 两份数据是怎么配合的？';
  const note = ['空间换时间。通过冗余的两个数据结构（read，dirty），实现加锁对性能的影响。', '优先从read读取、更新、删除，因为对read的读取不需要锁。'];

  it('reads "无锁的 read" as saying what the read is, not as denying the read', () => {
    expect(contradicted(question, note, '所以读多写少时绝大部分读都走无锁的 read。')).toEqual([]);
  });

  it('still reads 不 before 的 as denying the claim ("实时性要求不高的场景")', () => {
    const kafka = ['kafka 适合大数据量、对实时性要求高的场景，比如大数据实时处理。'];
    expect(contradicted('Kafka 一般更适合用在什么样的场景？', kafka, 'kafka 适合的是小数据量、对实时性要求不高的场景。')).not.toEqual([]);
  });
});

describe('a thing described by what has not happened to it yet', () => {
  // corpus/os-network-k8s-microservices.md, "Kubernetes中pod的创建流程".
  const question = 'Kubernetes 里 Pod 的创建流程是怎样的？';
  const note = [
    'Controller-Manager通过apiserver的watch接口发现了pod信息的更新，整合后将对应的信息写到etcd，此时pod已经可以被调度了。',
    'Scheduler同样通过apiserver的watch接口更新到pod可以被调度，通过算法给pod分配节点，并将pod和对应节点绑定的信息写到etcd。',
  ];

  it('reads 「没调度的 Pod」 as the pods not yet scheduled, not as denying that pods are scheduled', () => {
    // A correct answer to the flow had scored 0 with 「你说「scheduler watch 到没调度的 Pod」，但笔记里是「Scheduler…可以被调度」」.
    expect(contradicted(question, note, 'scheduler watch 到没调度的 Pod，选一个节点绑定。')).toEqual([]);
    expect(contradicted(question, note, 'scheduler 发现还没分配节点的 Pod，就给它打分选节点。')).toEqual([]);
    // A denial of the scheduler's work is still one.
    expect(contradicted(question, note, 'scheduler 不给 pod 分配节点，pod 是 apiserver 直接放到节点上的。')).toEqual([note[1]]);
  });
});

describe('opposed predicates', () => {
  const question = 'Redis 为什么采用单线程模型？';
  const reference = '- 简单，避免死锁、数据竞争\n- 效率高，充分利用cpu。\n- 多线程切换可能会抵消并行带来的性能提升。\n- 每个操作都是原子性的。';

  it('takes the premise of a why-question as a claim', () => {
    expect(premiseOf(question)).toBe('Redis 采用单线程模型');
    expect(premiseOf('进程和线程有什么区别？')).toBeUndefined();
  });

  it('fails an answer that denies the premise, and says what the question takes as given', () => {
    const wrong = gradeOffline({ question, answer: '因为 Redis 其实是多线程模型，能充分利用多核 CPU，避免死锁和数据竞争。', references: [{ source: 'redis.md', heading: question, text: reference }] });
    expect(wrong.grade.score).toBeLessThanOrEqual(2);
    expect(wrong.grade.feedback).toContain('Redis 采用单线程模型');
    const honest = scoreAnswer({ question, answer: 'Redis 单线程实现简单，避免了死锁和数据竞争；多线程切换的开销反而会抵消并行的收益，而且每个操作都是原子的。', references: [reference] });
    expect(honest.flags).not.toContain('contradiction');
    expect(honest.score).toBeGreaterThanOrEqual(7);
  });

  it("reads the note heading's premise as the question's, for a question worded otherwise", () => {
    // The card's heading asks why Redis is single-threaded; the candidate was asked why Redis is fast.
    const heading = 'redis为什么用单线程？';
    const references = [{ source: 'redis.md', heading, text: reference }];
    const asked = 'Redis 为什么这么快？';
    for (const answer of ['嗯……因为它是多线程的，每个请求一个线程并行处理，所以快。', 'Redis 是多线程的，所以快。']) {
      const wrong = gradeOffline({ question: asked, answer, references });
      expect(wrong.grade.score).toBeLessThanOrEqual(2);
      expect(wrong.grade.feedback).toContain('redis用单线程');
    }
    // A clause that names another use of threads is not a claim of what Redis is.
    const other = gradeOffline({ question: asked, answer: 'Redis 6.0 引入了多线程 IO，网络读写并行了，所以快。', references });
    expect(other.grade.feedback).not.toContain('但笔记里是');
    const honest = gradeOffline({ question: asked, answer: 'Redis 用单线程，实现简单，没有死锁和数据竞争，也省掉了多线程切换的开销。', references });
    expect(honest.grade.score).toBeGreaterThanOrEqual(5);
  });

  it('reads only a state against the premise, not a change an explanation gives as its cause', () => {
    const note = ['锁竞争激烈时线程频繁阻塞和唤醒，上下文切换多，吞吐下降。'];
    expect(contradicted('为什么要减少锁竞争？', note, '多线程同时抢一把锁会增加锁竞争，线程都在等锁。')).toEqual([]);
  });

  it('needs the two words in the same slot of the sentence ("最先入栈" is not the opposite of "最后删除")', () => {
    const note = ['错误。 栈中元素可以从栈顶的元素先出栈然后一个一个删除，直到最后删除栈底元素。'];
    expect(contradicted('请判断以下叙述是否正确，并做出解释：栈底元素是不能删除的元素', note, '错误，栈底元素是最先入栈的元素，最后才被删除。')).toEqual([]);
  });
});

describe('a denial in a near-synonym of the note\'s word', () => {
  it('reads 「不是对路由树的封装」 against 「RouterGroup是对路由树的包装」: a wrapper is 包装 or 封装 alike', () => {
    // corpus/os-network-k8s-microservices.md, "gin的路由组件为什么高性能".
    const question = 'gin 里的 Engine 和 RouterGroup 是什么关系？能直接在 Engine 上注册路由吗？';
    const note = ['RouterGroup是对路由树的包装，所有的路由规则最终都是由它来进行管理。', 'Engine结构体继承了RouterGroup，所以Engine直接具备了RouterGroup所有的路由管理功能。'];
    expect(contradicted(question, note, 'RouterGroup 也不是对路由树的封装，它只是给路由加个前缀。')).toEqual([note[0]]);
    expect(contradicted(question, note, 'RouterGroup 是对路由树的封装，路由规则都归它管。')).toEqual([]);
  });
});
