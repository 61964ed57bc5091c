import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';
import { findContradictions } from '../../src/grading/contradictions.ts';
import { profileText } from '../../src/grading/text-analysis.ts';

describe("wrong answers in the note's own words: one word exchanged for another thing of the note", () => {
  const replication = ['数据同步，将主服务器的所有数据更改复制到一个或多个从服务器。', '工作原理：主服务器执行所有写操作，并记录这些操作在二进制日志（Binary Log）中。'];

  it('finds the master and the slave exchanged ("从服务器执行所有写操作" against "工作原理：主服务器执行所有写操作")', () => {
    expect(contradicted('MySQL 主从复制是怎么工作的？', replication, '从服务器执行所有写操作，并记录在二进制日志中。')).toEqual([replication[1]]);
  });

  it('finds two English names of the note exchanged ("发送大量的 ACK 包" for "…SYN 包")', () => {
    const flood = ['在SYN Flood攻击中，攻击者会连续发送大量的SYN包到服务器，但不会发送ACK包。'];
    expect(contradicted('SYN Flood 的原理是什么？', flood, '攻击者会连续发送大量的ACK包到服务器，但不会发送SYN包。')).toEqual([flood[0]]);
  });

  it('reads a labelled claim with its label ("websocket：请求——响应" against "http：请求——响应")', () => {
    const chat = ['http：请求——响应。无状态。', 'websocket：全双工。有状态。长连接，只有在客户端或服务器决定关闭时才关闭。'];
    expect(contradicted('为什么用 WebSocket 而不用 HTTP？', chat, 'websocket：请求——响应。http：全双工。')).toEqual([chat[0], chat[1]]);
  });

  it('finds a word exchanged for its opposite ("持久节点" for "临时有序节点", "增加 GC 的压力" for "减少")', () => {
    const lock = ['zookeeper实现分布式锁，采用临时有序节点来实现，当客户端需要加锁的时候向zookeeper申请一个临时有序节点。'];
    expect(contradicted('怎么用 ZooKeeper 实现分布式锁？', lock, 'zookeeper实现分布式锁，采用持久节点来实现。')).toEqual([lock[0]]);
    const escape = ['逃逸分析的好处是为了减少GC的压力，不逃逸的对象分配在栈上。'];
    expect(contradicted('逃逸分析是做什么的？', escape, '逃逸分析的好处是为了增加GC的压力。')).toEqual([escape[0]]);
  });

  it('keeps the note clause restated with words left out, a list reordered, or a clause the note says of the other thing', () => {
    expect(contradicted('MySQL 主从复制是怎么工作的？', replication, '主服务器执行写操作，记录在二进制日志里。')).toEqual([]);
    const make = ['make 具有使用范围的局限性，仅支持 channel、map、slice 三种类型。'];
    expect(contradicted('new 和 make 有什么区别？', make, 'make 仅支持 slice、map、channel 三种类型。')).toEqual([]);
    const modes = ['多进程适用于CPU密集型任务，因为每个进程可以在一个CPU核心上独立运行。', '多线程适用于I/O密集型任务，如网络I/O、磁盘I/O等。'];
    expect(contradicted('多进程和多线程各适合什么任务？', modes, '多线程适用于I/O密集型任务。')).toEqual([]);
  });

  it('keeps another name of the same thing ("已完成连接的队列" said as "全连接队列")', () => {
    const accept = ['accept() 函数会从已完成连接的队列中取出一个连接，返回一个新的 socket 描述符。'];
    expect(contradicted('accept 拿到的是什么连接？', accept, 'accept() 会从全连接的队列中取出一个连接。')).toEqual([]);
  });
});

describe('opposites of formulas and growth', () => {
  const question = 'TCP 拥塞控制是怎么做的？';
  const note = ['发送窗口 = min(cwnd, rwnd)。', '慢启动：cwnd 从 1 个 MSS 开始，每个 RTT 翻倍（指数增长），到 ssthresh 后进入拥塞避免，每个 RTT 只加 1（线性增长）。'];
  const wrongOf = (answer: string) => findContradictions(question, note.map((text) => ({ text })), answer, new Set(profileText(question).units.keys()));

  it('reads max for min and 线性 for 指数 as the opposite of the note', () => {
    expect(wrongOf('发送窗口 = max(cwnd, rwnd)。').length).toBeGreaterThan(0);
    expect(wrongOf('慢启动：cwnd 从 1 个 MSS 开始，每个 RTT 翻倍（线性增长）。').length).toBeGreaterThan(0);
  });

  it('leaves the right phases alone', () => {
    expect(wrongOf('慢启动阶段指数增长，到阈值后拥塞避免阶段线性增长；发送窗口取 cwnd 和 rwnd 的较小值。')).toEqual([]);
  });
});

describe('two names the note gives one thing are not two things', () => {
  const question = '全文搜索是怎么做的？';
  const sorted = '倒排列表按文档编号排好序，合并时两个指针往后走。';

  it('reads "关联一个倒排列表" as the note\'s "关联一个文档列表，这个列表称为倒排列表" in its other name', () => {
    const named = ['每个词都关联一个文档列表，这个列表称为倒排列表。', sorted];
    expect(contradicted(question, named, '每个词都关联一个倒排列表。')).toEqual([]);
  });

  it('still reads the exchange where the note never says the two are one ("每个词都关联一个文档列表。")', () => {
    const unnamed = ['每个词都关联一个文档列表。', sorted];
    expect(contradicted(question, unnamed, '每个词都关联一个倒排列表。')).toEqual([unnamed[0]]);
  });
});

describe('two things of the note put in each other\'s place', () => {
  const pages = ['Linux 也分为两个链表，inactive链表里的页第二次被访问就移到active链表，淘汰只从inactive链表的尾部进行。'];

  it('finds the pages moved the other way ("active链表…就移到inactive链表")', () => {
    expect(contradicted('Linux 的页缓存怎么避免缓存污染？', pages, 'Linux 也分为两个链表，active链表里的页第二次被访问就移到inactive链表。')).toEqual([pages[0]]);
  });

  it('keeps the note\'s own order, and a list read in another order', () => {
    expect(contradicted('Linux 的页缓存怎么避免缓存污染？', pages, 'Linux 也分为两个链表，inactive链表里的页第二次被访问就移到active链表。')).toEqual([]);
    const methods = ['使用有限状态机来解析请求报文，实现对get、post请求的响应。'];
    expect(contradicted('请求是怎么解析的？', methods, '使用有限状态机来解析请求报文，实现对post、get请求的响应。')).toEqual([]);
  });
});
