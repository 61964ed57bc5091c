import { describe, expect, it } from 'vitest';
import { findContradictions } from '../../src/grading/contradictions.ts';
import { contradictsCore } from '../../src/grading/core-contradictions.ts';
import { contradicted } from './contradicted.ts';
import { contradictedIn } from './contradicted-in.ts';
import { subjectsOf } from '../../src/grading/note-subjects.ts';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';
import { profileText } from '../../src/grading/text-analysis.ts';

/** The contradictions of an answer, as [cue, the note's point text]. */
function contradictions(question: string, note: readonly string[], answer: string, reference = '') {
  const points = note.map((text) => ({ text }));
  return findContradictions(question, points, answer, new Set(profileText(question).units.keys()), reference).map((entry) => ({ cue: entry.cue, notes: note[entry.point]! }));
}

describe('a swap between the two things a question contrasts when the note describes only one', () => {
  it('gives LFU the description the note gives LRU', () => {
    const note = ['lru是根据最近访问时间来进行缓存置换的，访问缓存后就将其放置到链表的头部，不是最近使用的就慢慢的调整到了尾部，优先置换尾部', '实现hash表记录key节点映射'];
    const question = 'Redis 的 LRU 和 LFU 淘汰是怎么实现的？';
    expect(contradictions(question, note, 'LFU 是根据最近访问时间来置换的，最近没访问的就调整到尾部，优先置换尾部。')).toEqual([{ cue: 'swap', notes: note[0] }]);
    expect(contradictions(question, note, 'LRU 根据最近访问时间来置换，访问过的放到链表头部，优先置换尾部；LFU 按访问频率淘汰。')).toEqual([]);
  });

  it('reads "缓存穿透是…" as naming 穿透, the part the two words do not share', () => {
    const note = ['缓存雪崩是指在缓存系统中，如果大量的数据同时过期，缓存系统受不了压力进而崩溃，导致请求全部转发到数据库。'];
    const question = '缓存穿透和缓存雪崩分别是什么？';
    expect(contradictions(question, note, '缓存穿透是指大量的数据同时过期，缓存系统受不了压力，请求全部转发到数据库。')).toEqual([{ cue: 'swap', notes: note[0] }]);
    expect(contradictions(question, note, '缓存雪崩是大量的数据同时过期，请求全部转发到数据库；缓存穿透是查询根本不存在的 key。')).toEqual([]);
  });

  it('does not take an index for a thing ("a1、a2" in a question about a sequence)', () => {
    const note = ['栈是后进先出，当a1=3n时说明最后进栈元素最先出栈，出栈序列为3n、3n-3、...、9、6、3。'];
    const question = '出栈时其输出序列为a1、a2、…、an。若a1=3n，求ai。';
    expect(contradictions(question, note, 'a1=3n，a2=3n-3，ai=3(n+1-i)，栈后进先出。')).toEqual([]);
  });
});

describe('another name for the note\'s thing, completed by the words around it', () => {
  it('is not an exchanged word ("链表存储结构" for "链式存储结构": the glossary knows 链表 and 链式存储 as one thing)', () => {
    const note = ['在这种情况下，建议采用链式存储结构。', '由于在顺序表中频繁进行插入和删除操作时，需要移动大量元素，操作耗时较长。', '而在链表中，只需修改插入或删除节点的前驱节点，并调整相应的指针即可完成操作，效率更高且操作更加便捷。'];
    const question = '若频繁地对一个线性表进行插入和删除操作，该线性表宜采用何种存储结构，为什么？';
    expect(contradictions(question, note, '采用链表存储结构，因为这种方法通过改动指针来进行插入和删除，不需要移动节点。')).toEqual([]);
  });
});

describe('order told twice in one note', () => {
  const note = [
    '有binlog情况下，commit动作开始时，会有一个Redo XID 的动作记录写到redo，然后写data到binlog，binlog写成功后',
    '会将binlog的filename，日志写的位置position再写到redo，此时才表示该事务完成（committed）。',
    '--> write XID to redo. --> write data to Binlog. --> write filename,postsion of binlog to redo. --> commited.',
  ];
  const question = '开启 binlog 时，redo log 和 binlog 按什么顺序写？';

  it('reads a point that sequences the steps by itself, though the note as a whole names each step twice', () => {
    const reversed = '先把 binlog 的 filename 和 position 写进 redo，然后再写 binlog 的 data，最后才往 redo 里写 XID。';
    expect(contradictions(question, note, reversed).map((entry) => entry.cue)).toContain('order');
    expect(contradictions(question, note, '先往 redo 里写 XID，然后写 data 到 binlog，最后把 binlog 的 filename 和 position 写回 redo。')).toEqual([]);
  });
});

describe('steps of a numbered note', () => {
  const note = ['集群启动时，首先选举出leader节点', 'leader节点收到写请求', 'leader将日志发送给follower', 'follower日志持久化成功以后，返回ACK确认给leader', 'leader收到半数以上的ACK以后，leader更新内存数据', '将commit指令发送给从节点', 'leader节点返回响应成功'];
  const reference = note.map((step, index) => `${index + 1}. ${step}`).join('\n');
  const question = 'ZooKeeper 集群里，一个写请求的数据是怎么同步到各个节点的？';

  it('are steps when the question asks how something is synchronised', () => {
    const reversed = 'leader 先广播 commit，再去等 ACK，收到 ACK 后才更新自己的内存数据。';
    expect(contradictions(question, note, reversed, reference).map((entry) => entry.cue)).toContain('order');
  });

  it('do not place a participant: "follower" is sent the log and later sent the commit', () => {
    const honest = 'leader 把请求作为一个 proposal 发给所有 follower；follower 先把日志持久化，成功后给 leader 回 ACK。leader 收到过半数的 ACK 以后更新自己的内存数据，再向 follower 广播 commit 让它们也生效，然后给客户端返回成功。';
    expect(contradictions(question, note, honest, reference)).toEqual([]);
  });
});

describe('two numbered steps and "先…才…"', () => {
  const note = ['Reflector 通过ListWatcher 同步apiserver 数据（只启动时搞一次），并watch apiserver ，将event 加入到 Queue 中', 'controller 从 Queue中获取event，更新存储，并触发Processor 业务层注册的 ResourceEventHandler'];
  const reference = note.map((step, index) => `${index + 1}. **${step}**`).join('\n');
  const question = 'client-go 里的 Informer 是怎么实现的？';

  it('reads "先 A，B 才 C" as a sequence against a two-item numbered list, when the question asks how it is implemented', () => {
    expect(contradictions(question, note, 'controller 先从 Queue 里取 event 触发 handler，Reflector 才去 apiserver 同步数据。', reference).map((entry) => entry.cue)).toContain('order');
    expect(contradictions(question, note, 'Reflector 先通过 ListWatcher 同步 apiserver 数据，把 event 加入 Queue，controller 才从 Queue 里获取 event 触发 handler。', reference)).toEqual([]);
  });

  it('does not read two bullet points as steps', () => {
    const bullets = note.map((step) => `- ${step}`).join('\n');
    expect(contradictions(question, note, 'controller 先从 Queue 里取 event 触发 handler，Reflector 才去 apiserver 同步数据。', bullets)).toEqual([]);
  });
});

describe('a contradicted core point', () => {
  const weighted = (weights: number[]) => weights.map((weight) => ({ weight }));

  it('is a point of the note\'s heaviest kind, or the order a question about order asks for', () => {
    const points = weighted([0.6, 0.4]);
    expect(contradictsCore('双缓冲异步日志是怎么实现的？', points, [{ point: 1, cue: 'negation' }])).toBe(true);
    expect(contradictsCore('双缓冲异步日志是怎么实现的？', weighted([0.5, 0.1, 0.1, 0.1, 0.1, 0.1]), [{ point: 3, cue: 'negation' }])).toBe(false);
    expect(contradictsCore('写请求是怎么同步到各个节点的？', weighted([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]), [{ point: 4, cue: 'order' }])).toBe(true);
    expect(contradictsCore('Go 的 GC 有哪些特点？', weighted([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]), [{ point: 4, cue: 'order' }])).toBe(false);
  });

  it('is not a flat note\'s one point among many', () => {
    expect(contradictsCore('redo log 什么时候写盘？', weighted(Array.from({ length: 12 }, () => 1 / 12)), [{ point: 2, cue: 'negation' }])).toBe(false);
  });
});

describe('the score of an answer that contradicts the core', () => {
  const steps = ['集群启动时，首先选举出leader节点', 'leader节点收到写请求', 'leader将日志发送给follower', 'follower日志持久化成功以后，返回ACK确认给leader', 'leader收到半数以上的ACK以后，leader更新内存数据', '将commit指令发送给从节点', 'leader节点返回响应成功'];
  const references = [`和raft一样的策略\n\n${steps.map((step, index) => `${index + 1}. ${step}`).join('\n')}`];
  const question = 'ZooKeeper 集群里，一个写请求的数据是怎么同步到各个节点的？';

  it('fails an answer that reverses the steps asked for, however many of them it restates', () => {
    const reversed = scoreAnswer({ question, references, answer: 'leader 收到写请求后先给客户端返回成功，再把日志发给 follower；follower 收到后立即回 ACK，之后才去持久化；leader 先广播 commit，再去等 ACK，收到 ACK 后才更新自己的内存数据。' });
    expect(reversed.score).toBeLessThanOrEqual(1.5);
    expect(reversed.flags).toContain('mostly-wrong');
  });

  it('keeps the honest answer in the same words high', () => {
    const honest = scoreAnswer({ question, references, answer: '集群启动先选出 leader，写请求由 leader 处理。leader 把日志发给 follower；follower 先把日志持久化，成功后给 leader 回 ACK。leader 收到过半数的 ACK 以后更新自己的内存数据，再向 follower 广播 commit，然后给客户端返回成功。' });
    expect(honest.score).toBeGreaterThanOrEqual(7);
    expect(honest.flags).not.toContain('mostly-wrong');
  });
});

describe('a subject named only where something goes is not described (role-swaps.ts)', () => {
  const question = '集群里 Gateway 和 Backend 是什么关系？请求是怎么到 Backend 的？';
  const note = ['Gateway 负责路由和负载均衡，收到的请求按规则转发。', 'Backend 负责执行业务逻辑并返回结果。'];

  it('does not read "…负载均衡地转到其中一个 Backend 上" as giving Backend the Gateway\'s role', () => {
    expect(contradicted(question, note, 'Gateway 收到请求后，按规则负载均衡地转到其中一个 Backend 上。')).toEqual([]);
  });

  it('still reads a clause that opens with the subject as describing it', () => {
    expect(contradicted(question, note, 'Backend 负责路由和负载均衡，把请求按规则转发。')).toEqual([note[0]]);
  });
});

describe('"X 而不是 Y" contrasts two things (role-swaps.ts)', () => {
  const question = '你们为什么用 Alpha 而不是 Beta？两者线程模型有什么不同？';
  const note = ['多线程：Alpha 单线程模型，无法充分利用多核 CPU；Beta 多线程模型，可以更好地利用多核 CPU。'];

  it('makes them subjects, so giving one the other\'s property is a swap', () => {
    expect(contradicted(question, note, '嗯，Alpha 是多线程模型，可以更好地利用多核 CPU，Beta 是单线程的。')).toEqual(note);
    expect(contradicted(question, note, 'Alpha 是单线程模型，没法充分利用多核，Beta 是多线程的，能更好地利用多核 CPU。')).toEqual([]);
  });
});

describe('spoken subjects (role-swaps.ts)', () => {
  const question = '网关里 auth-filter 和 rate-limiter 分别管什么？';
  const note = ['auth-filter：负责校验令牌和登录状态；', 'rate-limiter：负责按配额限流并拒绝超额请求；'];

  it('names hyphenated names whole, not cut to what they share', () => {
    expect(subjectsOf(question, note.join(''), note)).toEqual(expect.arrayContaining(['auth-filter', 'rate-limiter']));
  });

  it('reads a clause that is only a topic ("rate-limiter呢，") as naming the subject of the next', () => {
    const answer = '嗯，auth-filter 是负责按配额限流的，然后 rate-limiter 呢，就是负责校验令牌和登录状态。';
    expect(contradicted(question, note, answer)).toEqual([note[1], note[0]]);
    expect(contradicted(question, note, '嗯，rate-limiter 呢，就是负责按配额限流，超额请求直接拒绝。')).toEqual([]);
  });
});

describe('what a swap quotes from the note (contradictions.ts)', () => {
  it('names whom the note says it of, when the clause continues a subject\'s label', () => {
    const question = '网关里 auth-filter 和 rate-limiter 分别管什么？';
    const points = [{ text: '过滤器包括： auth-filter：负责校验令牌和登录状态；' }, { text: 'rate-limiter：负责按配额限流并拒绝超额请求；' }];
    const found = findContradictions(question, points, '嗯，auth-filter 是负责按配额限流的。', new Set(profileText(question).units.keys()));
    expect(found.map((entry) => entry.notes)).toEqual(['rate-limiter 负责按配额限流并拒绝超额请求；']);
  });

  it('keeps a clause that names its subject, and an aspect label, as they are', () => {
    const question = '为什么用 Alpha 而不是 Beta？';
    const points = [{ text: '多线程：Alpha 单线程模型，无法充分利用多核 CPU；Beta 多线程模型，可以更好地利用多核 CPU。' }];
    const found = findContradictions(question, points, 'Alpha 是多线程模型，可以更好地利用多核 CPU。', new Set(profileText(question).units.keys()));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((entry) => !entry.notes.startsWith('多线程'))).toBe(true);
  });
});

describe('an order is a claim of the passage it is said in', () => {
  const question = '秒杀的库存是怎么扣和怎么还的？';
  const note = ['扣库存：活动开始时，先从Redis扣减库存，通过消息通知异步扣减DB库存，削掉DB更新同一行的峰值。', '还库存：如果有退订，先判断DB中是否有扣减记录，有则先退DB再退Redis。'];

  it('holds a sentence about taking stock to the passage on taking it, not to the one on returning it', () => {
    expect(contradictions(question, note, '扣库存是活动开始的时候先从Redis扣减，然后再通过消息通知异步扣减DB库存，削掉DB同一行更新的峰值。', note.join('\n'))).toEqual([]);
    expect(contradictions(question, note, '退订的时候先退Redis，然后再退DB，DB里的扣减记录最后再判断。', note.join('\n')).map((entry) => entry.cue)).toEqual(['order']);
  });

  it('does not order a remedy\'s steps against a word of the definition before it', () => {
    const avalanche = [
      '缓存雪崩是指在缓存系统中，如果大量的数据同时过期，而查询数据量巨大，缓存系统受不了压力进而崩溃，导致请求全部转发到数据库，数据库也可能因此崩溃。解决缓存雪崩的常见策略有：设置不同的过期时间，让缓存失效的时间点尽量均匀；利用互斥锁或分布式锁，当缓存失效的时候，不是立即去load db，而是先使用缓存工具的某些带成功操作返回值的操作，如Redis的SETNX，去set一个mutex key，当操作返回成功时，再去load db（单进程访问）。',
    ];
    const answer = '缓存失效时先别急着查库，先拿 Redis 的 SETNX 这种有返回值的操作去 set 一个 mutex key，返回成功的那个请求再去 load db，所以同一时间只有一个进程在访问数据库。';
    expect(contradictions('缓存雪崩用互斥锁怎么解决？', avalanche, answer, avalanche[0])).toEqual([]);
  });
});

describe('an outline\'s numbered sub-items are steps when their parent says so', () => {
  const note = ['LSM-Tree 写入与合并', '1. 写路径（按顺序）', '1.1 先追加写 WAL（顺序写磁盘，防宕机丢数据）', '1.2 再写内存 MemTable（跳表，有序）', '1.3 MemTable 满 → 冻结为 immutable，新建 MemTable 接收写', '1.4 后台把 immutable 刷成 L0 的 SSTable 文件，对应 WAL 可删', '2. 读路径', '- MemTable → immutable → L0 各文件 → L1… 逐层找'];
  const reference = note.join('\n');
  const question = 'LSM 树里一次写入，从请求进来到变成磁盘上的 SSTable，按顺序经过哪些步骤？';

  it('reads WAL written after the MemTable as the steps reversed', () => {
    const answer = '先写内存 MemTable，MemTable 满了冻结成 immutable，后台把 immutable 刷成 L0 的 SSTable，刷完之后再追加写 WAL。';
    expect(contradictions(question, note, answer, reference).map((entry) => entry.cue)).toContain('order');
  });

  it('accepts the outline\'s own order', () => {
    const answer = '先追加写 WAL，再写内存 MemTable，MemTable 满了冻结成 immutable，后台再把 immutable 刷成 L0 的 SSTable。';
    expect(contradictions(question, note, answer, reference)).toEqual([]);
  });
});

describe('a fallback orders what is tried first', () => {
  // One sentence of the note, an ellipsis inside it; "没有就" orders freelist before block as "再" would.
  const note = ['首先根据8 16 32 ... 512的大小分为64个槽，当分配的内存小于512时，去内存池中对应的槽中取内存（先看看freelist中是否有内存，如果有就直接用，没有就去block中分配），当block中内存全部使用完后，就使用new分配4096内存。'];
  // The question names block itself: which of block and freelist comes first is still the answer's claim.
  const question = '内存池里小块内存是怎么分配的？block 用完了怎么办？';

  it('reads "先去block…再去看freelist" against "先看看freelist…没有就去block" as reversed', () => {
    const answer = '小于512的去对应的槽里取，先去block里面分配，block分完了再去看freelist里有没有回收的内存。';
    expect(contradictions(question, note, answer, note[0]).map((entry) => entry.cue)).toEqual(['order']);
  });

  it('accepts the note\'s own order', () => {
    const answer = '小于512的去对应的槽里取，先看freelist里有没有内存，没有再去block里分配，block用完了再new一块4096的。';
    expect(contradictions(question, note, answer, note[0])).toEqual([]);
  });
});

describe('a guess that says the opposite of the note is still wrong', () => {
  const question = 'Redis 的 save 和 bgsave 有什么区别？';
  const references = ['save 命令在主线程中生成 RDB 文件，会阻塞主线程。bgsave 会 fork 一个子进程来生成 RDB 文件，不会阻塞主线程。'];

  it('marks a tentative reversal ("好像是…吧", "可能是…吧") wrong, as an interviewer would', () => {
    const guessed = scoreAnswer({ question, references, answer: 'save 好像是 fork 一个子进程来生成 RDB 文件吧，不会阻塞主线程吧？bgsave 可能是在主线程中生成 RDB 文件吧，会阻塞主线程吧。' });
    expect(guessed.points.some((point) => point.wrong)).toBe(true);
    expect(guessed.score).toBeLessThanOrEqual(2);
  });

  it('still counts a tentative restatement that agrees', () => {
    const agreeing = scoreAnswer({ question, references, answer: 'save 好像是在主线程里生成 RDB，会阻塞主线程吧；bgsave 会 fork 子进程来生成 RDB 文件，不会阻塞主线程。' });
    expect(agreeing.points.some((point) => point.wrong)).toBe(false);
    expect(agreeing.score).toBeGreaterThanOrEqual(6);
  });
});

describe('negations the self-mutation probe found unread', () => {
  it('compares two clauses supposed under the same word ("否则不会panic" against "否则会panic")', () => {
    const note = ['注意pop的时候一定要注意切片长度检查，否则会panic。'];
    const question = '怎么用 Go 实现一个栈？';
    expect(contradicted(question, note, '用切片实现，pop 的时候要检查切片长度，否则不会panic。', note.join('\n'))).toEqual([note[0]]);
    expect(contradicted(question, note, '用切片实现，pop 的时候要检查切片长度，否则会panic。', note.join('\n'))).toEqual([]);
    expect(contradicted(question, note, '如果不检查长度，pop 空栈就会panic。', note.join('\n'))).toEqual([]);
  });

  it('does not let a clause of the same sentence that denies something else excuse the denial', () => {
    const note = ['缓存穿透是指用户查询的数据既不在缓存中，也不在数据库中，导致每次查询都要去数据库中查询，这样会给数据库带来很大的压力。'];
    const question = '什么是缓存穿透？';
    expect(contradicted(question, note, '查询的数据缓存和数据库里都没有，每次都去数据库查，这样不会给数据库带来很大的压力。', note.join('\n'))).toEqual([note[0]]);
    expect(contradicted(question, note, '查询的数据缓存和数据库里都没有，每次都去数据库查，这样会给数据库带来很大的压力。', note.join('\n'))).toEqual([]);
  });
});

describe('a negation more than the note has', () => {
  it('denies what the note asserts though both negate the same thing ("没有值的通道…不会得到零值")', () => {
    const note = ['对一个关闭的并且没有值的通道执行接收操作会得到对应类型的零值。'];
    const question = '关闭后的通道有哪些特点？';
    expect(contradicted(question, note, '对关闭了并且没有值的通道执行接收操作不会得到对应类型的零值。', note.join('\n'))).toEqual([note[0]]);
    expect(contradicted(question, note, '关闭了并且没有值的通道，接收操作会得到对应类型的零值。', note.join('\n'))).toEqual([]);
  });
});

describe('two names ordered the other way round, one of them said in two of the note\'s steps', () => {
  const note = ['先确认是哪个索引失效了，再看这条 SQL 的执行计划，再根据执行计划改写 SQL 或者补上索引。'];
  const question = '接口突然变慢，数据库这边你会怎么一步步排查？';

  it('reads 先 b…再 a against the note\'s 先 a…再 b as a reversed order', () => {
    expect(contradictions(question, note, '先把 SQL 改写一下，再去确认是哪个索引失效了，执行计划看不看都行。', note[0]).map((entry) => entry.cue)).toEqual(['order']);
  });

  it('accepts the note\'s order, and a pair the note orders both ways', () => {
    expect(contradictions(question, note, '先确认哪个索引失效，然后看 SQL 的执行计划，最后改写 SQL 或者加索引。', note[0])).toEqual([]);
    // The note has 先…索引…再…SQL and 先…SQL…再…索引 (补上索引): that pair alone orders nothing.
    expect(contradictions(question, ['先确认是哪个索引失效了，再看这条 SQL 的执行计划，再补上索引。'], '先看 SQL，再看索引。', '先确认是哪个索引失效了，再看这条 SQL 的执行计划，再补上索引。')).toEqual([]);
  });
});

describe('a claim a note\'s comma cuts in two (contradictions.ts deniableOf)', () => {
  const note = '- 决定消息按什么规则，路由到哪个队列\n- routing key：路由关键字，exchange根据这个关键字来投递消息';
  const question = '说说你对exchange交换机的了解。';

  it('reads 「exchange 不决定消息路由到哪个队列」 against the two clauses as one claim', () => {
    expect(contradictedIn(question, note, 'exchange 不决定消息路由到哪个队列')).toEqual(['决定消息按什么规则，路由到哪个队列']);
    expect(contradictedIn(question, note, 'exchange 决定消息路由到哪个队列')).toEqual([]);
  });

  it('joins no two denials into one', () => {
    const denials = 'golang 语言中没有继承概念，只有组合，也没有虚方法，更没有重载。';
    expect(contradictedIn('下面代码会输出什么？', denials, '没有继承，只有组合，也没有虚方法和重载。')).toEqual([]);
  });
});
