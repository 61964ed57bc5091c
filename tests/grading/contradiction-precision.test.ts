import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';
import { findContradictions } from '../../src/grading/contradictions.ts';
import { asksForOrder, compareOrder, isSequenced } from '../../src/grading/sequence-order.ts';
import { negationScopeTexts } from '../../src/grading/statements.ts';
import { profileText } from '../../src/grading/text-analysis.ts';

describe('two negative clauses about one thing agree', () => {
  const question = '你刚进组的时候，k8s、容器编排之前都没接触过，是怎么学的？';
  const answer = '我之前完全没碰过k8s，刚去的时候挺懵的。';

  it('does not read "没碰过 k8s" as denying "对 k8s 一点都不熟悉", whatever the verbs', () => {
    const note = ['这是个完全陌生的领域，刚进组时我对k8s和容器编排一点都不熟悉，', '后来跟着导师从部署脚本开始看，慢慢就上手了。'];
    expect(contradicted(question, note, answer)).toEqual([]);
    expect(contradicted(question, ['刚进组时我对k8s一点都不熟悉，', '后来跟着导师慢慢就上手了。'], answer)).toEqual([]);
  });

  it('still reads the denial against a note that asserts the thing', () => {
    const note = ['刚进组时我已经用k8s和容器编排部署过好几个服务，', '后来跟着导师从部署脚本开始看，慢慢就上手了。'];
    expect(contradicted(question, note, answer)).toEqual([note[0]]);
  });

  it('reads a negative restatement with another verb as agreeing with the note clause it aligns with', () => {
    const note = ['刚进组时k8s和容器编排我都没学过，', '后来慢慢上手了。'];
    expect(contradicted('你刚进组的时候遇到了什么困难？', note, '之前我没用过k8s和容器编排。')).toEqual([]);
    // Only one side negative: a contradiction as before.
    const denied = ['我之前都没学过k8s和容器编排，', '后来慢慢上手了。'];
    expect(contradicted('你刚进组的时候遇到了什么困难？', denied, '我之前学过k8s和容器编排。')).toEqual([denied[0]]);
  });

  it('reads a whether-question inside a clause as asking, not denying ("看能不能在编译期确定…")', () => {
    // corpus/os-network-k8s-microservices.md, 内存逃逸现象 (its 编译器 is the note's typo for 编译期).
    const note = ['内存逃逸现象：变量分配在栈上需要能在编译器确定它的作用域，否则就会被分配到堆上。'];
    const asked = 'Go 编译器按什么来决定一个变量放栈上还是堆上？';
    expect(contradicted(asked, note, '编译器看能不能在编译期确定这个变量的作用域，能确定就放栈上。')).toEqual([]);
  });

  it('reads a note negation that runs past its scope as denying what the answer denies ("并没有调用 fsync 真正落盘")', () => {
    // corpus/go-mysql-redis-ecommerce-qa.md, 未提交事务是否会写redolog.
    const note = ['redolog buffer 占用的空间达到 innodb_log_buffer_size的一半大小时，后台线程会主动写盘。', '不过由于这个事务并没有提交，所以这个写盘动作只是 write 到了文件系统的 page cache，仍然是在内存中，并没有调用 fsync 真正落盘。'];
    expect(contradicted('redo log buffer 快满的时候，没提交事务的 redo log 会被写盘吗？写到哪一步？', note, '只是 write 到了 page cache，仍然在内存中，并没有真正落盘。')).toEqual([]);
  });
});

describe('another note clause excuses a denial only if it is about what the answer says it of', () => {
  const question = 'CMS 垃圾回收分哪几个阶段？各阶段有什么特点？';
  const note = ['并发标记阶段和用户程序一起运行，不用暂停。', '初始标记只标记GC Roots直接关联的对象，速度很快，但初始标记的过程中，是会暂停用户程序的。'];

  it('reads "初始标记的过程不会暂停用户程序" as denying the note, though it says 并发标记 does not pause', () => {
    expect(contradicted(question, note, '初始标记的过程不会暂停用户程序，所以没关系。')).toEqual([note[1]]);
  });

  it('still excuses a bare predicate whose sentence names what the excusing clause is about', () => {
    expect(contradicted(question, note, '并发标记阶段和用户程序一起跑，不会暂停用户程序。')).toEqual([]);
  });
});

describe('a negation reaches past a verb of use ("不能用于", "不能作为")', () => {
  const question = '进程间通信里的互斥锁是干什么用的？它本身能用来传数据吗？';
  const note = ['互斥锁主要作为多个进程以及同一进程内不同线程之间的同步手段。', '条件变量用来等待某个条件成立。'];

  it('reads "不能用于同一进程内不同线程之间的同步" as denying "主要作为…的同步手段"', () => {
    expect(contradicted(question, note, '它只能在有亲缘关系的进程间使用，不能用于同一进程内不同线程之间的同步。')).toEqual([note[0]]);
  });

  it('does not fire on the affirmative, nor on a denial the note makes too', () => {
    expect(contradicted(question, note, '互斥锁可以用于同一进程内不同线程之间的同步。')).toEqual([]);
    const denying = ['互斥锁不能作为不同机器上进程之间的同步手段。', '条件变量用来等待某个条件成立。'];
    expect(contradicted(question, denying, '互斥锁不能用于不同机器上进程之间的同步。')).toEqual([]);
  });
});

describe('a question that asks what happens from one thing to another asks for a process', () => {
  it('reads "从…到…，中间…" as asking for an order, and a question that only reads from a place as not', () => {
    expect(asksForOrder('一个 HTTP 请求从进入网关到返回客户端，中间会经过哪几个组件？')).toBe(true);
    expect(asksForOrder('从 follower 读到的数据一定是最新的吗？')).toBe(false);
  });

  it('reads the note\'s listed stages, reversed in the answer, as a contradiction of their order', () => {
    const reference = '请求的三个阶段：\n\n- 到达网关 nginx，做鉴权和限流\n- 转发到业务服务 order-service 处理\n- 写入数据库 mysql 持久化\n';
    const points = ['到达网关 nginx，做鉴权和限流', '转发到业务服务 order-service 处理', '写入数据库 mysql 持久化'].map((text) => ({ text }));
    const question = '一个写请求从进入系统到落库，中间会经过哪几个阶段？';
    const units = new Set(profileText(question).units.keys());
    const reversed = findContradictions(question, points, '先写入数据库 mysql，然后到业务服务 order-service，最后才到网关 nginx。', units, reference);
    expect(reversed.map((entry) => entry.cue)).toContain('order');
    expect(findContradictions(question, points, '先到网关 nginx 鉴权，然后到业务服务 order-service，最后写入数据库 mysql。', units, reference)).toEqual([]);
  });
});

describe('在 typed for 再 after a clause with 先', () => {
  const note = '扣库存：活动开始时，先从Redis扣减库存，在通过消息通知异步扣减DB库存，削除DB更新同一行的峰值。';

  it('reads "先…，在通过…" as two steps, and "先…，在内存中…" as a place', () => {
    expect(isSequenced(note)).toBe(true);
    expect(compareOrder(note, '先扣 DB 库存，再异步扣 Redis。', new Set()).reversed).toBeGreaterThan(0);
    expect(compareOrder(note, '先从 Redis 扣库存，再发消息异步扣 DB。', new Set()).reversed).toBe(0);
    expect(isSequenced('先写日志，在内存中修改数据页。')).toBe(false);
  });
});

describe('a 不 after an adverb or before a word of its own is no potential complement', () => {
  it('reads "一点都不了解" as denying 了解, and "处理不了" still as denying 处理', () => {
    expect(negationScopeTexts('我对区块链一点都不了解').map((scope) => [scope.text, scope.complement])).toEqual([['了解', false]]);
    expect(negationScopeTexts('这样做也不完全对').map((scope) => scope.complement)).toEqual([false]);
    expect(negationScopeTexts('单线程处理不了这么多请求').map((scope) => [scope.text, scope.complement])).toEqual([['处理', true]]);
  });
});

describe('a potential complement denies the verb with its complement and what follows', () => {
  const question = '可重复读下快照读怎么避免幻读？';
  const note = ['快照读复用同一个 Read View，看不到别的事务新插入的行。'];

  it('is contradicted by an answer asserting it ("能看到新插入的行" against "看不到新插入的行")', () => {
    expect(contradicted(question, note, '快照读每次都生成新的 Read View，能看到别的事务新插入的行。')).toEqual(note);
  });

  it('agrees with an answer that denies it too, in either form', () => {
    expect(contradicted(question, note, '快照读一直用同一个 Read View，所以看不到别的事务新插入的行。')).toEqual([]);
    expect(contradicted(question, note, '快照读复用同一个 Read View，别的事务新插入的行是不会被看到的。')).toEqual([]);
    expect(contradicted(question, note, '别的事务新插入的行，快照读是看不到的。')).toEqual([]);
  });
});

describe('a Chinese negation reaches the identifier after its verb', () => {
  const note = ['析构函数要标 noexcept，否则抛异常会直接 terminate。'];

  it('reads "不能标 noexcept" as denying noexcept, not a cut "noexcep"', () => {
    expect(negationScopeTexts('析构函数不能标 noexcept').map((scope) => scope.text.trim())).toEqual(['标 noexcept']);
    expect(contradicted('析构函数为什么要注意异常？', note, '析构函数不能标 noexcept。')).toEqual([note[0]]);
    expect(contradicted('析构函数为什么要注意异常？', note, '析构函数要标 noexcept。')).toEqual([]);
  });
});

describe('a negative that sets a condition ("不够再去 X 拿", "没命中就回源") asserts nothing', () => {
  const question = 'Go 的内存分配大致是怎么管理的？mcache、mcentral、span 这些各自是什么角色？';
  const note = ['span管理一个或多个页。', 'mcentral管理多个span供线程申请使用。', 'mcache作为线程私有资源，资源来源于mcentral。'];

  it('does not deny the note by its 不够', () => {
    expect(contradicted(question, note, '每个 P 有一个自己的 mcache，分配的时候先从那拿，不够再去 mcentral 拿。')).toEqual([]);
  });

  it('still reads a plain denial', () => {
    expect(contradicted(question, note, '分配的时候先从 mcache 拿，mcentral 不管理 span，线程也不从它申请。')).toContain(note[1]);
  });
});
