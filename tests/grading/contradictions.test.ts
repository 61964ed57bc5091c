import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';
import { negationScopeTexts } from '../../src/grading/statements.ts';
import { findContradictions } from '../../src/grading/contradictions.ts';
import { extractKeyPoints } from '../../src/grading/key-points.ts';
import { profileText } from '../../src/grading/text-analysis.ts';

describe('negation: a clause about the same thing with the other polarity', () => {
  const question = 'Raft 有哪些优点和缺点？';
  const note = ['性能开销：Raft算法对于每个写操作都需要进行日志复制，这会带来一定的性能开销。', '领导者单点故障：领导者负责处理客户端请求，领导者失效时整个系统都会受到影响。'];

  it('finds a denial behind a modal verb and a label ("不需要复制日志" against "性能开销：…都需要进行日志复制")', () => {
    expect(contradicted(question, note, '它的写操作不需要复制日志，所以没什么开销。')).toEqual([note[0]]);
    // "没什么开销" denies the same point in words of its own ("这会带来一定的性能开销"): both clauses are wrong.
    const points = note.map((text) => ({ text }));
    const clauses = findContradictions(question, points, '它的写操作不需要复制日志，所以没什么开销。', new Set(profileText(question).units.keys())).map((entry) => entry.said);
    expect(clauses).toEqual(['它的写操作不需要复制日志，', '所以没什么开销。']);
  });

  it('finds a denial whose object the note words differently ("不会占用多少 CPU 和内存" against "会占用大量的CPU和内存")', () => {
    const limits = ['P本地队列有数量限制，不允许超过 256 个', '过多会占用大量的CPU和内存，并且会导致主进程奔溃'];
    expect(contradicted('goroutine 数量有上限吗？', limits, '开再多也不会占用多少 CPU 和内存。')).toEqual([limits[1]]);
  });

  it('keeps an answer that agrees in other words, double negations and "无法 / 不了" included', () => {
    expect(contradicted(question, note, '每次写都要把日志复制到多数节点上，有性能开销。')).toEqual([]);
    const index = ['没有索引的查询可能需要扫描整个表来找到匹配的行。'];
    expect(contradicted('索引有什么用？', index, '有了索引就不用扫描整个表来找行了。')).toEqual([]);
    const flood = ['服务器的资源可能会被耗尽，导致正常的连接请求无法被处理。'];
    expect(contradicted('SYN Flood 的原理是什么？', flood, '资源耗尽以后，正常用户的连接请求就处理不了了。')).toEqual([]);
  });

  it('needs the denied word itself in the note clause, not only a name next to it', () => {
    const jwt = ['与cookie和session相比：cookie和session需要在服务器上存储会话状态。'];
    expect(contradicted('JWT 和 session 相比有什么优点？', jwt, 'JWT 是自包含的，也不依赖 cookie。')).toEqual([]);
  });

  it('does not let a bare predicate without a subject contradict a table cell ("不会阻塞" against "阻塞；")', () => {
    const table = ['读 写 关闭 <-ch (读)：阻塞；成功或阻塞；读到零值'];
    expect(contradicted('channel 的三种状态下读写会怎样？', table, '不会阻塞，')).toEqual([]);
  });

  it('tells save from bgsave: agreeing with the note about bgsave is not contradicting its save clause', () => {
    const rdb = ['save是在主线程中写入RDB文件，会造成阻塞。', 'bgsave会fork一个子进程来写入RDB文件，不会造成阻塞。', '创建子进程的过程中，是会阻塞主线程的。'];
    const honest = 'save 在主线程里写 RDB 会阻塞；bgsave fork 子进程写，子进程复制页表共享内存，不阻塞主线程。';
    expect(contradicted('save 和 bgsave 有什么区别？', rdb, honest)).toEqual([]);
    expect(contradicted('save 和 bgsave 有什么区别？', rdb, 'save 在主线程里写 RDB，并不会造成阻塞。')).toContain(rdb[0]);
  });
});

describe('swapped roles: the note\'s description given to the other subject', () => {
  const question = '聊天为什么用 WebSocket，而不用 HTTP？';
  const note = ['http：请求——响应。无状态。完成一系列请求后关闭。', 'websocket：全双工。有状态。长连接，只有在客户端或服务器决定关闭时才关闭。'];

  it('finds a description spread over several note clauses given in one answer clause', () => {
    expect(contradicted(question, note, 'HTTP 本身就是全双工、有状态的长连接。')).toEqual([note[1]]);
  });

  it('keeps the contrast the note draws, said with a negation ("HTTP 无状态" is not "WebSocket：有状态")', () => {
    expect(contradicted(question, note, 'HTTP 是请求-响应模式，无状态，请求完就关闭；WebSocket 是全双工的长连接。')).toEqual([]);
  });

  it('reads a subject the note names in passing as no change of subject', () => {
    const slices = ['数组长度一旦定义就固定，go的数组是值类型，赋值或者传参会整体拷贝；', '而切片是动态数组，本质上切片是一个三元组，当前数组长度len，容量cap，他是引用语义，传参不会复制底层数组。'];
    const honest = '数组长度固定，是值类型，传参整体拷贝；切片是动态数组，本质是指针、len、cap 三元组，引用语义，传参不复制底层数组。';
    expect(contradicted('Go 里数组和切片有什么区别？', slices, honest)).toEqual([]);
    expect(contradicted('Go 里数组和切片有什么区别？', slices, '数组是引用语义，传参不会复制。')).toEqual([slices[1]]);
  });

  it('contrasts two names each followed by what is done with them ("malloc/new 申请、free/delete 释放")', () => {
    const heap = ['使用malloc/new申请分配堆内存时系统需要根据最先匹配、最优匹配或其它算法在内存空闲块表中查找一块空闲内存；', '使用free/delete释放堆内存时，系统可能需要合并空闲内存块，会产生额外开销'];
    const asked = '频繁地用 malloc/new 申请、free/delete 释放堆内存，性能损耗主要在哪？';
    expect(contradicted(asked, heap, 'malloc/new 会去合并空闲内存块；free/delete 要按最先匹配、最优匹配在空闲块表里查找位置。').sort()).toEqual([...heap].sort());
    expect(contradicted(asked, heap, '申请时 malloc/new 要按最先匹配或最优匹配在空闲块表里查找；释放时 free/delete 可能要合并空闲内存块。')).toEqual([]);
  });
});

describe('two clauses of one note sentence said as one', () => {
  it('reads the note\'s sentence said in one clause as the note, not as the second clause\'s subject given the first\'s words', () => {
    // The note's second clause goes on about the 模式 named before it; the answer joins both clauses, as its sentence does.
    const note = ['项目背景是熟悉一下linux环境下网络编程的模式和一些组件的编写，首先是Linux下i/o多路复用epoll，来做io事件触发'];
    const question = '你这个 WebServer 整体是怎么搭起来的？IO 事件、请求解析、事件处理模式和并发分别是用什么做的？';
    expect(contradicted(question, note, '首先是用 Linux 下 i/o 多路复用 epoll 来做 io 事件触发，使用有限状态机来解析 http 的请求报文。')).toEqual([]);
  });
});

describe('two things an answer sets side by side', () => {
  const note = ['总纲就是不断的衰减频率，这样就可以让新生代的高频缓存有机会留在缓存', '具体方法 lfu aging（条件老化）优化 在LFU算法之上，引入访问次数平均值概念，当平均值大于最大平均值限制时，将所有节点的访问次数减去最大平均值限制的一半或一个固定值。', 'windows-lfu 每一段时间将访问次数做衰减'];
  const question = 'LFU 缓存有什么缺点？怎么缓解？';

  it('are subjects when the note names both, so each given the other\'s method is a swap', () => {
    const swapped = '解决的话有两种，一个是windows-lfu，它是引入访问次数平均值的概念，超过限制就把访问次数减掉一半；另一个是lfu aging，就是每隔一段时间把访问次数做一次衰减。';
    expect(contradicted(question, note, swapped).sort()).toEqual([note[1], note[2]].sort());
    const right = '解决的话有两种，一个是lfu aging，它是引入访问次数平均值的概念，超过限制就把访问次数减掉一半；另一个是windows-lfu，就是每隔一段时间把访问次数做一次衰减。';
    expect(contradicted(question, note, right)).toEqual([]);
  });
});

describe('lines that only name what the bullets under them are about', () => {
  const reference = '# HTTP/2 vs HTTP/3\n\nHTTP/2\n- Many streams multiplexed over ONE TCP connection.\n- But TCP delivers bytes strictly in order: if one packet is lost, every stream on that connection waits for the retransmission.\n\nHTTP/3\n- Runs over QUIC, which does loss recovery per stream: a lost packet only stalls the streams whose data it carried.';
  const points = extractKeyPoints(reference).map((point) => ({ text: point.text, ...(point.lead ? { lead: point.lead } : {}) }));
  const question = 'HTTP/2 已经有多路复用了，为什么还说它有队头阻塞？HTTP/3 在这一点上好在哪？';
  const cues = (answer: string) => findContradictions(question, points, answer, new Set(profileText(question).units.keys()), reference).map((entry) => entry.cue);

  it('are the note\'s subjects, so one given the other\'s behaviour is a swap', () => {
    expect(cues('HTTP/2 multiplexes streams over one TCP connection, so a lost packet only stalls the stream whose data it carried; HTTP/3 over QUIC is where a lost packet makes every stream wait for the retransmission.')).toContain('swap');
    expect(cues('HTTP/2 multiplexes streams over one TCP connection, but if one packet is lost every stream waits for the retransmission; HTTP/3 runs over QUIC, where a lost packet only stalls the streams whose data it carried.')).toEqual([]);
  });
});

describe('a note clause that names nobody', () => {
  it('goes on about the subject the clause before it names, not the one its sentence opened with', () => {
    const note = ['分区是并行度的上限：6 个分区的 topic，组里最多 6 个消费者在干活，第 7 个会闲置。', '一个消费者可以同时消费多个分区。'];
    const question = 'Kafka 消费者组里分区和消费者怎么对应？消费者比分区多会怎样？';
    expect(contradicted(question, note, '6 个分区的 topic，组里加到第 7 个消费者就会闲置。')).toEqual([]);
  });
});

describe('a Q：/A： note says whom each answer is about', () => {
  it('reads the subject of an answer from its question line, not from the answer before it', () => {
    const reference = 'Q：Session 认证怎么工作？\nA：登录成功后服务端生成 session ID，把用户信息存在服务端。多实例部署要共享 session 存储。\n\nQ：JWT 怎么工作？\nA：登录后服务端把用户 ID、过期时间等 claims 放进 payload，用密钥签名交给客户端。\n\nQ：JWT 的主要缺点？\nA：服务端不保存 token，所以签发后在过期前无法单独作废。';
    const points = extractKeyPoints(reference).map((point) => ({ text: point.text, ...(point.lead ? { lead: point.lead } : {}) }));
    const question = 'JWT 和 session 相比，要把已登录的用户立刻踢下线，哪种好做？';
    const found = (answer: string) => findContradictions(question, points, answer, new Set(profileText(question).units.keys()), reference).map((entry) => entry.cue);
    expect(found('Session 好做。JWT 服务端不保存 token，签发后在过期前无法单独作废。')).toEqual([]);
    // Giving session what the note says of JWT is still a swap.
    expect(found('Session 是把 claims 放进 payload 用密钥签名交给客户端的，服务端不保存。')).toContain('swap');
  });
});

describe('a spoken topic and the clause it introduces', () => {
  const question = 'GMP 相比原来的 GM 模型，加了 P 之后具体带来了什么改变？';
  const note = ['每个 P 有自己的本地队列，减轻了对全局队列的直接依赖。', '在 GMP 模型中也实现了 Work Stealing 算法，如果 P 的本地队列为空，则会从其他 P 的本地队列中窃取可运行的 G 来运行。'];

  it('reads "X 的话，其实…并没有实现" as said of X, and a frame named in the question\'s words as the topic', () => {
    expect(contradicted(question, note, '然后那个 Work Stealing 的话，其实 GMP 里面并没有实现。')).toEqual([note[1]]);
    expect(contradicted(question, note, 'GMP 没有实现 Work Stealing。')).toEqual([note[1]]);
    expect(contradicted(question, note, '然后那个 Work Stealing 的话，GMP 里面也实现了，本地队列空了就去别的 P 那里偷 G。')).toEqual([]);
  });
});

describe('order: steps the answer puts the other way round', () => {
  const steps = ['解析包导入：编译器解析源代码中的import语句，找出依赖的所有包。', '依赖包的编译：编译器编译依赖的包，结果是每个包的一个对象文件。', '主包的编译：编译器编译包含main函数的主包。', '链接：链接器将主包和所有依赖包的对象文件链接在一起，生成可执行文件。'];
  const reference = steps.map((step, index) => `${index + 1}. ${step}`).join('\n');
  const find = (question: string, answer: string) =>
    findContradictions(question, steps.map((text) => ({ text })), answer, new Set(profileText(question).units.keys()), reference).map((entry) => entry.cue);

  it('reads a numbered list as steps when the question asks for a process', () => {
    expect(find('go build 背后经历了哪些步骤？', '先链接，把各个包的对象文件链在一起，然后再编译主包，最后才解析 import 找依赖包、编译依赖包。')).toContain('order');
    expect(find('go build 背后经历了哪些步骤？', '先解析 import 找依赖包，然后编译依赖包，再编译主包，最后链接成可执行文件。')).toEqual([]);
  });

  it('does not read an enumeration of reasons as steps', () => {
    expect(find('go build 有哪些特点？', '先链接，把各个包的对象文件链在一起，然后再编译主包，最后才解析 import 找依赖包、编译依赖包。')).not.toContain('order');
  });
  it('takes one reversed pair of names when both sentences order just it with 先…再 and the question asks how it is done', () => {
    const stock = ['扣库存：活动开始时，先从Redis扣减库存，在通过消息通知异步扣减DB库存，削除DB更新同一行的峰值。', '还库存：如果有退订，先判断DB中是否有扣减记录，如果有，则先退DB再退Redis；如果没有，重试多次。'];
    const check = (question: string, notes: string[], answer: string) =>
      findContradictions(question, notes.map((text) => ({ text })), answer, new Set(profileText(question).units.keys()), notes.join('\n')).map((entry) => [entry.cue, entry.point]);
    const reversed = '退订的话，就是先把Redis里的库存加回去，因为Redis快嘛，然后再去判断DB里有没有扣减记录，有的话再退DB，没有就重试多次。';
    // Charged to the returning of stock, the passage it reverses, not the taking of stock that also names Redis.
    expect(check('秒杀里如果用户退订了，库存是怎么还回去的？', stock, reversed)).toEqual([['order', 1]]);
    expect(check('秒杀里如果用户退订了，库存是怎么还回去的？', stock, '退订的话，先判断DB里有没有扣减记录，有的话先退DB再退Redis，没有就重试多次。')).toEqual([]);
    // A question that does not ask how it is done, and a story the note tells without 先, keep the two-pair rule.
    expect(check('秒杀里如果用户退订了，库存有什么要注意的？', stock, reversed)).toEqual([]);
    const story = ['报错以后查了官方文档，也在twitter上搜了，最后在discord上找到了解决答案。'];
    expect(check('你遇到的最难的问题是怎么解决的？', story, '我先看官方文档，然后在discord上问了一圈，再去twitter上搜到的答案。')).toEqual([]);
  });
});

describe('suppositions', () => {
  it('does not read "即使…没…" as denying what the note asserts', () => {
    const note = ['当后端写的速率较小，那么前端缓冲区写满后，会申请新的缓冲区。'];
    expect(contradicted('双缓冲日志是怎么实现的？', note, '即使缓冲区没写满，超时一到也会把当前缓冲区拿走落盘。')).toEqual([]);
  });
});

describe('numbers: another value for what the note quantifies', () => {
  it('compares limits worded differently ("最多只能放 128 个" against "不允许超过 256 个"), the subject taken from the note\'s sentence', () => {
    const note = ['有，P本地队列有数量限制，不允许超过 256 个'];
    expect(contradicted('goroutine 数量有上限吗？', note, 'P 的本地队列最多只能放 128 个 goroutine。')).toEqual(note);
    expect(contradicted('goroutine 数量有上限吗？', note, 'P 的本地队列最多放 256 个 goroutine。')).toEqual([]);
  });

  it('does not count a value the note itself gives, in a formula or another of its cases', () => {
    const note = ['猴子从香蕉堆带50根香蕉走到离家25米处，此时走到离家25米处一共有50根香蕉了。', '当走到17米的时候，猴子一共吃了17*3=51个香蕉，还剩49。'];
    expect(contradicted('猴子最多能背回几根香蕉？', note, '走到 17 米时一共吃掉 51 根，还剩 49 根。')).toEqual([]);
  });

  it('reads a count of the same named thing as the note\'s count, however little else the clauses share', () => {
    const note = ['首先根据8 16 32 ... 512的大小分为64个槽，每个槽中对应不同大小的内存池'];
    expect(contradicted('内存池是怎么设计的？', note, '分成 8 个槽。')).toEqual(note);
    expect(contradicted('内存池是怎么设计的？', note, '一共 64 个槽，每个槽一个内存池。')).toEqual([]);
  });

  it('compares a magnitude in words by its order ("几百单每分钟" against "数十万单/分钟"), not by its digits', () => {
    const question = '秒杀下单的时候库存扣减你们是怎么做的？';
    const note = ['现在系统能够轻松支撑数十万单/分钟交易流量。'];
    expect(contradicted(question, note, '现在大概能支撑几百单每分钟的交易流量。')).toEqual(note);
    expect(contradicted(question, note, '现在大概能支撑几万单每分钟的交易流量。')).toEqual(note);
    // The same order of magnitude, in words or in digits ("20万" is 200000, not 20), is the note's value.
    expect(contradicted(question, note, '现在大概能支撑几十万单每分钟的交易流量。')).toEqual([]);
    expect(contradicted(question, note, '现在大概能支撑20万单每分钟的交易流量。')).toEqual([]);
  });

  it('still reads another unit beside the note\'s own magnitude ("数十万单每秒" against "数十万单/分钟")', () => {
    const note = ['现在系统能够轻松支撑数十万单/分钟交易流量。'];
    expect(contradicted('秒杀里库存怎么还回去？', note, '库存扣减异步化以后，系统大概能扛数十万单每秒吧，对，每秒数十万单。')).toEqual(note);
  });
});

describe('a claim about several subjects', () => {
  it('is excused by the note only if the note says it of each of them', () => {
    const rdb = ['save是在主线程中写入RDB文件，会造成阻塞。', 'bgsave会fork一个子进程来写入RDB文件，不会造成阻塞。'];
    expect(contradicted('save 和 bgsave 有什么区别？', rdb, 'save 和 bgsave 都不会造成阻塞，都是子进程在写。')).toContain(rdb[0]);
    expect(contradicted('save 和 bgsave 有什么区别？', rdb, 'bgsave 不会造成阻塞，是子进程在写。')).toEqual([]);
  });
});

describe('subjects a question contrasts', () => {
  it('reads a concept the clause denies as denied: "协程切换不进内核" does not give coroutines the threads\' 内核态', () => {
    const switching = ['线程切换要进入内核态，保存寄存器和整套上下文。', '协程的上下文只包括了栈和程序计数器，开销更小。'];
    expect(contradicted('协程和线程有什么区别？', switching, '协程切换不进内核，只存栈和PC。')).toEqual([]);
    expect(contradicted('协程和线程有什么区别？', switching, '协程切换要进入内核态。')).toEqual([switching[0]]);
  });

  it('reads no swap in words picked from two clauses of the other subject that each say something else', () => {
    // 写 RDB is what bgsave's child process does and 主线程 what goes on meanwhile: saying save writes in the main thread is right.
    const rdb = ['save 是和操作命令在同一个线程里面执行的，会造成阻塞，期间 Redis 不能处理其他命令。', 'bgsave 会 fork 一个子进程来写 RDB 文件，主线程继续处理命令，不会造成阻塞。'];
    const question = 'Redis 的 save 和 bgsave 有什么区别？';
    expect(contradicted(question, rdb, 'save 在主线程里写 RDB，会阻塞，别的命令都处理不了；bgsave fork 一个子进程去写，主线程照常处理命令，不阻塞。')).toEqual([]);
    // Saying one clause of the other's is still a swap.
    expect(contradicted(question, rdb, 'save 会 fork 一个子进程来写 RDB 文件，不会阻塞。')).toContain(rdb[1]);
    expect(contradicted(question, rdb, 'bgsave 和操作命令在同一个线程里执行，会阻塞。')).toContain(rdb[0]);
  });

  it('leaves the note\'s row labels out, so a correct comparison is not read as a swap with an aspect', () => {
    const table = ['redis数据类型丰富，memcached单一', '多线程：单线程模型，无法充分利用多核 CPU；多线程模型，可以更好地利用多核 CPU 的硬件资源', '易用性：使用起来可能需要一定的学习成本；模型简单，易于理解和使用'];
    expect(contradicted('Redis 和 Memcached 有哪些区别？', table, 'Redis 是单线程模型，Memcached 是多线程的。Memcached 模型简单，容易上手。')).toEqual([]);
  });
});

describe('a clause the note itself says', () => {
  const question = 'redis 和 memcached 有什么区别？';
  const note = ['redis数据类型丰富，memcached单一', '数据类型：支持多种数据类型，如字符串、哈希表、列表、集合、有序集合等；仅支持简单的键值数据类型', '事务支持：支持事务，可以保证一系列命令的原子性执行；不支持事务'];
  const reference = `redis数据类型丰富，memcached单一\n\n| 特性 | Redis | Memcached |\n| --- | --- | --- |\n| 数据类型 | 支持多种数据类型，如字符串、哈希表、列表、集合、有序集合等 | 仅支持简单的键值数据类型 |`;
  const wrongOf = (answer: string) => {
    const points = note.map((text) => ({ text }));
    return findContradictions(question, points, answer, new Set(profileText(question).units.keys()), reference).map((entry) => entry.said);
  };

  it('never contradicts the note: a recital with its table flattened names both subjects in one clause', () => {
    expect(wrongOf('redis数据类型丰富，memcached单一 特性 Redis Memcached --- 数据类型 支持多种数据类型')).toEqual([]);
  });

  it('still finds the swap when the words are the note\'s but the roles are not, latin words matched whole', () => {
    expect(wrongOf('memcached数据类型丰富，redis单一。')).not.toEqual([]);
  });
});

describe('a share said of the same thing in a clause of other words', () => {
  const question = 'Raft 的日志复制是怎么进行的？一条日志什么时候才算已提交？';
  const note = ['其他节点收到复制请求后，会将该日志条目追加到自己的日志中，并向领导者发送确认消息。', '一旦领导者收到多数节点的确认消息，该日志条目被视为已提交，并将其应用到状态机中执行相应操作。'];
  const cues = (answer: string) => findContradictions(question, note.map((text) => ({ text })), answer, new Set(profileText(question).units.keys())).map((entry) => [entry.cue, note[entry.point]]);

  it('reads "全部节点都确认" against "多数节点的确认", though the rest of the clause is worded otherwise', () => {
    expect(cues('leader 追加日志以后，必须等全部节点都确认了这条日志才算提交。')).toEqual([['number', note[1]]]);
    expect(cues('leader 追加日志以后，等多数节点都确认了这条日志才算提交。')).toEqual([]);
  });
});

describe('a number the note writes as another kind of quantity', () => {
  const question = 'C++ 的内存序（memory order）有哪几种？分别是什么语义？';
  const note = ['c++中有6中内存次序，分为三种内存模式， 首先是松散的宽松次序，也就是任何线程看到的内存改动序列可能都不相同。'];
  const cues = (answer: string) => findContradictions(question, note.map((text) => ({ text })), answer, new Set(profileText(question).units.keys())).map((entry) => entry.cue);

  it('does not excuse "6 种内存模式" because the note writes a bare 6 ("6中内存次序") elsewhere', () => {
    expect(cues('内存次序一共有 6 种，可以组合成 6 种内存模式。')).toContain('number');
    expect(cues('内存次序一共有 6 种，分为三种内存模式。')).toEqual([]);
  });
});

describe('the same digits in another unit', () => {
  const question = 'Go 的 GC 在什么时候会被触发？';
  const note = ['内存增长率由环境变量GOGC控制，默认为100，即每当内存扩大一倍时启动GC。', '默认情况下，最长2分钟触发一次GC。'];
  const cues = (answer: string) => findContradictions(question, note.map((text) => ({ text })), answer, new Set(profileText(question).units.keys())).map((entry) => entry.cue);

  it('is another value: "最长 2 秒触发一次" is not excused by the note\'s "2分钟"', () => {
    expect(cues('GOGC 默认 100，内存翻一倍触发；另外默认最长 2 秒触发一次 GC。')).toContain('number');
    expect(cues('GOGC 默认 100，内存翻一倍触发；另外默认最长 2 分钟触发一次 GC。')).toEqual([]);
    expect(cues('GOGC 默认 100，内存翻一倍触发；另外默认最长 120 秒触发一次 GC。')).toEqual([]);
  });
});

describe('the other side of a comparison', () => {
  const note = ['建议采用链式存储结构。由于在顺序表中频繁进行插入和删除操作时，需要移动大量元素，操作耗时较长。而在链表中，只需修改前驱节点的指针即可。'];
  const question = '若频繁地对一个线性表进行插入和删除操作，该线性表宜采用何种存储结构，为什么？';

  it('does not read "链式存储不需要移动元素" as denying what the note says of 顺序表', () => {
    expect(contradicted(question, note, '链式存储结构。因为链式存储结构在执行插入或删除运算时，不需要移动大量元素位置，只需要改变指针。')).toEqual([]);
  });

  it('still catches the denial said of the thing the note frames', () => {
    expect(contradicted(question, note, '顺序表。因为在顺序表中插入和删除时不需要移动大量元素。').length).toBeGreaterThan(0);
  });
});

describe('potential complements', () => {
  it('reads "用不上" and "跟不上" as denying the verb before them, as "处理不了" is', () => {
    for (const clause of ['只查 b 或 c 用不上', '消费速度跟不上生产速度', '处理不了']) {
      const [scope] = negationScopeTexts(clause);
      expect(scope?.complement).toBe(true);
    }
  });
});

describe('what a potential complement denies', () => {
  it('denies the verb right before it, not the subject: "数据库扛不住挂掉" agrees with "数据库也可能因此崩溃"', () => {
    const note = ['大量 key 同时过期，请求全部落到数据库上，数据库也可能因此崩溃。'];
    expect(contradicted('缓存雪崩是什么？', note, '请求全落到数据库，数据库可能也扛不住挂掉。')).toEqual([]);
  });

  it('still reads "处理不了" against "可以处理"', () => {
    expect(contradicted('消息积压怎么办？', ['扩容消费者之后，积压的消息可以处理完。'], '扩容消费者之后，积压的消息也处理不了。').length).toBeGreaterThan(0);
  });
});
