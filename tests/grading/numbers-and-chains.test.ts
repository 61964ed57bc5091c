import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';

describe('a number about another part of the thing is not a changed number', () => {
  const question = 'Redis 的 LFU 把访问频率记在哪里？';
  const note = ['lfu是利用时间字段的高16位记录上次访问时间，低8位来记录频率。'];

  it('accepts "一个 24 位的字段" when the answer also gives the note\'s 16 bits in the note\'s words', () => {
    expect(contradicted(question, note, '对象里有一个 24 位的字段记录访问时间。LFU 复用它：高 16 位存上次访问时间，低 8 位存访问频率。', note.join('\n'))).toEqual([]);
  });

  it('still reads a changed number when the answer never gives the note\'s value', () => {
    expect(contradicted(question, note, 'LFU 用时间字段的高 24 位记录上次访问时间，低 8 位记录频率。', note.join('\n'))).toEqual([note[0]]);
  });

  it('still reads it when the answer gives the note\'s value, but for another part ("低 16 位" where the note has 低8位)', () => {
    expect(contradicted(question, note, 'LFU 用时间字段的高 24 位记录上次访问时间，低 16 位记录频率。', note.join('\n'))).toEqual([note[0]]);
  });
});

describe("a note's bare number before what it counts", () => {
  const question = '说说 C++ 的内存模型和内存次序。';
  const note = ['c++中有6中内存次序，分为三种内存模式，首先是松散的宽松次序，也就是任何线程看到的内存改动序列可能都不相同，并发程度也是最高的。'];

  it('reads "有6中内存次序" (a typo for 种) as the count "六种内存次序" gives again', () => {
    expect(contradicted(question, note, '有六种内存次序。')).toEqual([]);
    expect(contradicted(question, note, '有6种内存次序，分成三种模式。')).toEqual([]);
  });

  it('still reads another count of the same thing, or the note\'s number given to another thing, as changed', () => {
    expect(contradicted(question, note, '有八种内存次序。')).toEqual([note[0]]);
    expect(contradicted(question, note, '一共就 3 种内存次序，可以组合成 6 种内存模式。')).toEqual([note[0]]);
  });
});

describe('a chain of arrows states its order outright', () => {
  const question = '一个 TCP 连接从建立到关闭，服务端经历了哪些状态？';
  const note = ['服务器TCP状态迁移：', 'CLOSED->LISTEN->SYN_RCVD->ESTABLISHED->CLOSE_WAIT->LAST_ACK->CLOSED'];

  it('reads one pair of the chain said the other way round as a reversed order', () => {
    expect(contradicted(question, note, '服务端是先 ESTABLISHED 再 LISTEN 的，三次握手完成以后才开始监听。', note.join('\n'))).toEqual([note[1]]);
  });

  it('accepts the chain\'s own order', () => {
    expect(contradicted(question, note, '服务端先 LISTEN，握手完成后再进入 ESTABLISHED，被动关闭时先到 CLOSE_WAIT 再到 LAST_ACK。', note.join('\n'))).toEqual([]);
  });

  it('still needs two reversed pairs in prose, which orders loosely', () => {
    const prose = ['扣库存时先从Redis扣减库存，再通过消息通知异步扣减DB库存。'];
    expect(contradicted('秒杀怎么扣库存？', prose, '下单先在 Redis 里原子扣减，扣成功再发一条消息，由消费者去扣数据库。', prose.join('\n'))).toEqual([]);
  });
});

describe('a value after a colon keeps its label', () => {
  const question = '这段程序运行一段时间后输出什么？';
  const note = ['一段时间后总是输出 #workers: 2；', '因为第二个任务读到的是 nil 通道，会一直阻塞。'];

  it('reads "#workers: 3" as another value for the note\'s "#workers: 2"', () => {
    expect(contradicted(question, note, '一段时间后总是输出 #workers: 3。')).toEqual([note[0]]);
    expect(contradicted('连接参数怎么配？', ['连接的空闲超时时间：30 秒。'], '连接的空闲超时时间：60 秒。')).toEqual(['连接的空闲超时时间：30 秒。']);
  });

  it('agrees with the same value, and a label without a number still ends its clause', () => {
    expect(contradicted(question, note, '输出一直是 #workers: 2。')).toEqual([]);
    expect(contradicted('Raft 的缺点？', ['性能开销：Raft 对每个写操作都要多数确认。'], '性能开销：每个写操作都要多数节点确认。')).toEqual([]);
  });
});

describe('numbers written as rates, fractions and dates', () => {
  it('reads "每秒" against a rate the note writes "/分钟"', () => {
    const note = ['库存扣减异步化以后，系统能支撑数十万单/分钟的交易流量。'];
    const question = '库存扣减优化的效果怎么样？';
    expect(contradicted(question, note, '异步化以后系统能扛数十万单每秒的交易流量。', note.join('\n'))).toEqual([note[0]]);
    expect(contradicted(question, note, '异步化以后能扛每分钟数十万单的交易流量。', note.join('\n'))).toEqual([]);
  });

  it('reads the same amount per another unit of time as another rate, in English too', () => {
    const note = ['12 bits sequence within the same millisecond: 4096 IDs per millisecond per node (~4 million/s).'];
    const question = 'How many IDs can a single node hand out?';
    expect(contradicted(question, note, '12 bits sequence, which gives 4096 IDs per second per node.', note.join('\n'))).toEqual([note[0]]);
    expect(contradicted(question, note, '12 bits sequence, which gives 4096 IDs per millisecond per node.', note.join('\n'))).toEqual([]);
  });

  it('reads a count in words the note also gives as the note\'s, as a count in digits is', () => {
    const note = ['分区是并行度的上限：6 个分区的 topic，组里最多 6 个消费者在干活，第 7 个会闲置。'];
    const question = '组里消费者数量超过分区数会怎么样？';
    expect(contradicted(question, note, '比如六个分区你起七个消费者，那第七个就只能闲着。', note.join('\n'))).toEqual([]);
  });

  it('reads a fraction in words as a share ("三分之二的节点" against "一半的节点")', () => {
    const note = ['当超过一半的节点确认时，这条日志才算提交。'];
    const question = '日志什么时候算提交？';
    expect(contradicted(question, note, '要三分之二的节点确认，这条日志才算提交。', note.join('\n'))).toEqual([note[0]]);
  });

  it('reads the one value left over in a clause that restates a note sentence, whatever words sit beside it', () => {
    const note = ['当平均值大于最大平均值限制时，将所有节点的访问次数减去最大平均值限制的一半或一个固定值。'];
    const question = 'LFU 的缓存污染怎么缓解？';
    // 一半 is anchored by 限制的, 十分之一 by 原来的; 所有 pairs off with 所有.
    expect(contradicted(question, note, '平均值超过限制的时候，把所有节点的访问次数直接减到原来的十分之一。', note.join('\n'))).toEqual([note[0]]);
    expect(contradicted(question, note, '平均值超过限制的时候，把所有节点的访问次数减去限制的一半。', note.join('\n'))).toEqual([]);
    // A clause of a word or two ("在 1.1 里") restates nothing of the note sentence, whatever values the two give.
    const two = ['主要有下面两点： 维持和服务器已经建立的 TCP 连接，在同一连接上顺序处理多个请求。'];
    expect(contradicted('HTTP/1.1 和 HTTP/2 在同一连接上发请求有什么不同？', two, '在 1.1 里，浏览器默认不启用管线化。', two.join('\n'))).toEqual([]);
  });

  it('reads a value the note gives in a clause of its own as that clause\'s, not as the neighbour\'s changed one', () => {
    // corpus/os-network-k8s-microservices.md, 匿名管道通信: each process closes one end, fd[0] / fd[1].
    const note = ['父进程关闭fd[0],子进程关闭fd[1]，即父进程关闭管道读端,子进程关闭管道写端（因为管道只支持单向通信）。'];
    const question = '父子进程之间用匿名管道通信，整个过程是怎么一步步搭起来的？';
    expect(contradicted(question, note, '两边各关一端，比如父进程关掉读端fd[0]，子进程关掉写端fd[1]。', note.join('\n'))).toEqual([]);
    expect(contradicted(question, note, '父进程关闭写端fd[1]。', note.join('\n'))).toEqual([note[0]]);
  });

  it('compares the month an event happened in, by the event\'s word beside it', () => {
    const note = ['后台开发实习，大约是五月中旬入职实习的，刚开始在平台内核组。'];
    const question = '介绍一下你的实习经历。';
    expect(contradicted(question, note, '我是九月底入职的，刚开始在平台内核组。', note.join('\n'))).toEqual([note[0]]);
    expect(contradicted(question, note, '五月中旬入职的，三个月后换了组。', note.join('\n'))).toEqual([]);
  });
});

describe('a share the note gives of something else does not excuse a changed one', () => {
  const question = 'ZooKeeper 的节点要拿到多少票才能当上 leader？';
  const note = ['集群启动时，所有节点都处于 LOOKING 状态。', '一个节点拿到了多数节点的投票，就成为 leader。'];

  it('reads "拿到全部节点的投票" as the note\'s 多数 changed, though the note says 所有节点 of the start', () => {
    expect(contradicted(question, note, '一个节点必须拿到全部节点的投票才能成为 leader。')).toEqual([note[1]]);
  });

  it('keeps 所有 said where the note says it', () => {
    expect(contradicted(question, note, '集群刚启动的时候所有节点都处于 LOOKING 状态，拿到多数节点的投票就成为 leader。')).toEqual([]);
  });
});

describe("another value for the question's own subject", () => {
  const question = 'GMP 里 M 和 P 的数量默认各是多少？';
  const note = ['像在 Go 中，M 的数量默认是 10000，P 的默认数量的 CPU 核数。'];

  it('reads "M 的数量默认是 256" as a changed number, though every word it shares with the note is the question\'s', () => {
    expect(contradicted(question, note, 'M 的数量默认是 256。')).toEqual([note[0]]);
  });

  it("reads no example's numbers as the asked thing's value (ADS: 「如进栈1234，则出栈可以是3421」 against the reference's own example)", () => {
    const asked = '请判断以下叙述是否正确，并做出解释：在n个元素进栈后，它们的出栈顺序和进栈顺序一定正好相反';
    const reference = ['错误。进栈顺序为123时，出栈顺序可以是213。'];
    expect(contradicted(asked, reference, '此说法错误，栈可以边进边出，如进栈1234，则出栈可以是3421。')).toEqual([]);
  });

  it("accepts the note's own value, and does not hold a value said of P against M's", () => {
    expect(contradicted(question, note, 'M 的数量默认是 10000，P 默认等于 CPU 核数。')).toEqual([]);
    expect(contradicted(question, note, 'P 默认是 4。')).toEqual([]);
  });
});
