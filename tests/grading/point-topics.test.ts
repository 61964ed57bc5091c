import { describe, expect, it } from 'vitest';
import { pointTopic } from '../../src/grading/point-topics.ts';

// Every point below is a sentence of the seed notes (corpus/), as the card extracts it. The card says "没讲 <topic>"
// and "讲到了 <topic>"; each topic here had read as a fragment or said something the note does not.

describe('a point that opens on how, then says what it achieves', () => {
  const question = '为什么使用RabbitMQ将上传的图片异步写入Ceph，将聊天消息异步写入MySQL';

  it('names the means with what it achieves, so three points of one note are not all 「通过使用消息队列」', () => {
    const topics = [
      pointTopic('通过使用消息队列（如RabbitMQ），可以将写入操作放入队列中，然后由后端服务异步地从队列中取出操作并执行。', question),
      pointTopic('通过使用消息队列，可以将这些请求暂存起来，然后在系统负载较低的时候逐渐处理。', question),
      pointTopic('而通过使用消息队列，即使写入操作失败，也可以重新尝试，直到成功为止。', question),
    ];
    expect(topics).toEqual(['通过使用消息队列将写入操作放入队列中', '通过使用消息队列将这些请求暂存起来', '通过使用消息队列，即使写入操作失败也可以重新尝试']);
    expect(pointTopic('通过使用Redis缓存，可以减少对数据库的请求，从而降低数据库的压力。', '为什么要用 Redis 缓存群聊消息？')).toBe('通过使用Redis缓存减少对数据库的请求');
  });

  it('keeps a means clause that already says what it does as it is', () => {
    expect(pointTopic('解决方法：通过copy到新的slice来释放原始大数组的引用，避免占用过多内存', '要是slice底层数组特别大，怎样解决？')).toBe('解决方法：通过copy到新的slice来释放原始大数组的引用');
  });
});

describe('a label that names a kind, a list or the note itself', () => {
  it('reads the body after a label that names only the kind of point (解决方法, 存在一个问题)', () => {
    expect(pointTopic('HTTP/1.1存在一个问题：单个TCP连接在同一个时刻只能处理一个请求。', '一个 TCP 连接可以发送几个 HTTP 请求？')).toBe('单个TCP连接在同一个时刻只能处理一个请求');
    expect(pointTopic('根据基础知道第一条：HTTP1.0为短连接。', '一个 TCP 连接可以发送几个 HTTP 请求？')).toBe('HTTP1.0为短连接');
  });

  it('measures a label without its leading 涉及: the card says 「没讲事务提交流程和redolog的写入机制」, not 「没讲写入机制： 有binlog情况下」', () => {
    // corpus/go-mysql-redis-ecommerce-qa.md, 未提交事务是否会写redolog.
    const point = '涉及事务提交流程和redolog的写入机制： 有binlog情况下，commit动作开始时，会有一个Redo XID 的动作记录写到redo，然后写data到binlog，binlog写成功后';
    expect(pointTopic(point, 'redo log和binlog走的是两阶段提交，那MySQL崩溃重启以后，是根据什么来判断一个事务该提交还是回滚的？')).toBe('事务提交流程和redolog的写入机制');
  });

  it('reads a condition of several clauses by the one before 那么, and the outcome by what 那么 opens', () => {
    // corpus/cpp-backend-projects-and-internship.md, raft 安全性: the topic had read 「一个节点成为领导者会怎样：开始复制日志条目」.
    const point = '如果一个节点成为领导者，并开始复制日志条目，但在复制完成之前失去了领导者地位，那么新的领导者将继续复制剩余的日志条目。';
    expect(pointTopic(point, '说说Raft里的安全性。')).toBe('复制完成之前失去了领导者地位会怎样：领导者将继续复制剩余的日志条目');
    expect(pointTopic('如果只有XID，没有后面的filename和position，则表示事务为prepare状态。', 'crash 之后怎么判断事务算不算提交？')).toBe('没有后面的filename和position会怎样：表示事务为prepare状态');
  });

  it('names a condition by what it turns on, not the span of time it holds over', () => {
    // corpus/cpp-backend-projects-and-internship.md, 什么是偏向锁: clipped from the front, it had read 「时间内没有其他线程竞争该锁会怎样」.
    const point = '如果一个线程获得了锁，并且在接下来的时间内没有其他线程竞争该锁，那么锁将一直偏向于该线程，这样可以避免线程每次进入同步代码块时都需要执行锁的获取和释放操作。';
    expect(pointTopic(point, '什么是偏向锁？')).toBe('没有其他线程竞争该锁会怎样：锁将一直偏向于该线程');
  });

  it('keeps a label whose last characters happen to spell a verb (自包含 is not 自 + 包含)', () => {
    expect(pointTopic('自包含：JWT包含了所有用户的认证信息，避免了多次查询数据库。', '关于JWT token，有什么优势？')).toBe('自包含');
  });

  it('reads a long label with English words as a label ("Head-of-line Blocking 连接头阻塞：…")', () => {
    expect(pointTopic('Head-of-line Blocking 连接头阻塞：在建立起一个 TCP 连接之后，假设客户端在这个连接连续向服务器发送了几个请求。', '一个 TCP 连接中 HTTP 请求可以一起发送么？')).toBe('Head-of-line Blocking 连接头阻塞');
  });
});

describe('a clause that only sets the scene or points back', () => {
  it('skips a clause that points back at the note or an earlier question', () => {
    expect(pointTopic('上面的步骤看起来很复杂，其中最重要的就是心跳广播，这是为了确认当前集群没有被网络分区。', 'Raft 如何实现从 follower 读取？')).toBe('心跳广播');
    expect(pointTopic('根据第一个问题，如果维持连接，一个 TCP 连接是可以发送多个 HTTP 请求的。', '一个 TCP 连接可以发送几个 HTTP 请求？')).toBe('维持连接会怎样：一个 TCP 连接是可以发送多个 HTTP 请求的');
  });

  it('skips "whatever …" and "on top of …" framing, and names what came into being by what it brought', () => {
    expect(pointTopic('也就是说，无论源系统和目标系统的字节序如何，数据在网络中传输时都应该转换为大端字节序。', '什么是网络字节序？')).toBe('数据在网络中传输时都应该转换为大端字节序');
    expect(pointTopic('在上面数据绑定的基础上，gin还提供了数据校验的方法。', '说说你对Gin数据绑定的了解。')).toBe('gin还提供了数据校验的方法');
    expect(pointTopic('HTTP/2.0应运而生，提供了Multiplexing多路传输特性，可以在一个 TCP 连接中同时完成多个 HTTP 请求。', '一个 TCP 连接可以发送几个 HTTP 请求？')).toBe('HTTP/2.0提供了Multiplexing多路传输特性');
  });

  it('keeps a setting that names one of the things the question compares, and drops it otherwise', () => {
    const question = '用户态和内核态有什么区别？';
    expect(pointTopic('在内核态下，代码具有访问和控制硬件资源的全权限，可以执行任何CPU指令。', question)).toBe('内核态下代码具有访问和控制硬件资源的全权限');
    expect(pointTopic('在用户态下，代码不能直接访问硬件资源，也不能执行某些特权指令。', question)).toBe('用户态下代码不能直接访问硬件资源');
    expect(pointTopic('在Raft算法中，领导者负责接收客户端的请求，并将请求复制到其他节点的日志中。', '什么是Raft算法')).toBe('领导者负责接收客户端的请求');
  });

  it('skips a verbless cause, an example\'s setting and "generally speaking" before the claim, and keeps a quote closed', () => {
    const question = 'GMP 里 M 和 P 的数量默认各是多少？为什么 M 一般会比 P 多？';
    expect(pointTopic('另外由于 M 的属性，也就是如果存在系统阻塞调用，阻塞了 M，又不够用的情况下，M 会不断增加。', question)).toBe('存在系统阻塞调用会怎样：M 会不断增加');
    expect(pointTopic('像在 Go 中，M 的数量默认是 10000，P 的默认数量的 CPU 核数。', question)).toBe('M 的数量默认是 10000');
    expect(pointTopic('一般来讲，M 的数量都会多于 P。', question)).toBe('M 的数量都会多于 P');
    expect(pointTopic('这里的 "n" 代表 "network"（网络），"h" 代表 "host"（主机）', 'htonl 里的 h 和 n 是什么意思？')).toBe('这里的 "n" 代表 "network"');
  });

  it('skips a comparison that only frames the claim ("相比于其他共识算法如Paxos，…")', () => {
    expect(pointTopic('相比于其他共识算法如Paxos，Raft算法的性能可能会稍差一些。', 'Raft有什么优缺点？')).toBe('Raft算法的性能会稍差一些');
    expect(pointTopic('相比于其他共识算法如Paxos，Raft算法更加直观和易于理解，使得开发人员能够更容易地实现和调试分布式系统。', 'Raft有什么优缺点？')).toBe('Raft算法更加直观和易于理解');
  });

  it('reads 当前 as "current", not as 当 "when" ("当前的 Goroutine 调度器…" had become 「前的 Goroutine 调度器…」)', () => {
    expect(pointTopic('当前（代指 Go1.0 的 GM 模型）的 Goroutine 调度器限制了用 Go 编写的并发程序的可扩展性，尤其是高吞吐量服务器和并行计算程序。', 'GMP 模型，为什么要有 P？')).toMatch(/^当前的 Goroutine 调度器/u);
  });
});

describe('「X 为什么 Y」 only when Y is what X causes', () => {
  it('does not ask why of what the point only goes on to say X can do, or of a clause that names X again', () => {
    expect(pointTopic('gin提供了很方便的数据绑定功能，可以将用户传过来的参数自动跟我们定义的结构体绑定在一起。', '说说你对Gin数据绑定的了解。')).toBe('gin提供了很方便的数据绑定功能');
    expect(pointTopic('GC过程中新分配的内存会被立即标记，用的并不是写屏障技术，也即GC过程中分配的内存不会在本轮GC中回收。', '聊聊你对GC的理解')).toBe('GC过程中新分配的内存会被立即标记');
    expect(pointTopic('slice是一个底层数组指针，cap和len 所以可以做到随意[:],扩容是翻倍和1.25. 危险是可能一个小切片底部用着一个大数组。', 'slice是一个底层数组指针')).toBe('slice是一个底层数组指针');
  });

  it('still asks why of a consequence the point closes on', () => {
    expect(pointTopic('save 是和操作命令在同一个线程里面，如果有大key写入RDB文件，会造成阻塞。', 'save 和 bgsave 有什么区别？')).toBe('save 为什么会造成阻塞：和操作命令在同一个线程里面');
  });
});

describe('a point that opens on when', () => {
  // corpus/go-mysql-redis-ecommerce-qa.md, "在并发状态下map如何保证线程安全".
  const question = 'Go 的 map 是并发安全的吗？';

  it('names what held before a version, not the version alone', () => {
    const topic = pointTopic('go1.9之前，一般情况下通过sync.RWMutex实现对map的并发访问控制，或者单独使用锁都可以。', question);
    // It had been 「go1.9之前」, and the card said the answer covered that.
    expect(topic).toContain('go1.9之前');
    expect(topic).toContain('sync.RWMutex');
    expect(pointTopic('go1.9之后，实现了sync.Map，类似于Java的ConcurrentHashMap。', question)).toBe('go1.9之后会怎样：实现了sync.Map');
  });
});
