import { describe, expect, it } from 'vitest';
import type { Grade } from '../../src/core/types.ts';
import { createGrader } from '../../src/grading/grader.ts';
import { askedTopic, matchOf } from '../../src/grading/reference-topic.ts';
import { buildNotesKnowledgeBase, runnextQuizNote, sampleNotes, seedNotes } from './notes-knowledge-base.ts';

describe('which note a several-part, spoken or English question is graded against', () => {
  it('grades a several-part question against the note that answers one part, but not against a merely nearby note', async () => {
    const withRedis = await buildNotesKnowledgeBase({
      ...sampleNotes,
      'redis-notes.md': `# redis

### RDB是怎么进行操作？

redis 一般会有两个命令生产RDB，一个是\`save\`，另一个是\`bgsave\`，区别在于是否阻塞主线程。

- save 是和操作命令在同一个线程里面，如果有大key写入RDB文件，会造成阻塞。
- bgsave是创建一个子进程来写入RDB文件，不会造成阻塞。
`,
    });
    const question = 'Redis 的 RDB 快照是怎么生成的？save 和 bgsave 有什么区别？bgsave 的时候主线程还能处理写请求吗？';
    // Much of the question is worded differently from the note; one part is the note's own question.
    const grade = await createGrader({ kb: withRedis }).grade({ question, answer: 'save 在主线程里写 RDB 文件，会阻塞；bgsave fork 一个子进程来写，主线程不阻塞。' });
    expect(grade.references[0]?.heading).toContain('RDB是怎么进行操作');
    expect(grade.score).toBeGreaterThanOrEqual(5);

    const elsewhere = await createGrader({ kb: withRedis }).grade({
      question: 'Kafka 的消息是怎么持久化的？ISR 列表是什么？消费者组怎么重平衡？',
      answer: '写到分区日志里，ISR 是和 leader 保持同步的副本。',
    });
    expect(elsewhere.references).toEqual([]);
  });

  it('finds the note of a question that describes the note\'s code or elaborates its title with the candidate\'s context', async () => {
    const notes = await buildNotesKnowledgeBase({
      ...sampleNotes,
      'go-quiz.md': runnextQuizNote,
      'chat-notes.md': `为什么使用websocket？

http：请求——响应。无状态。单向，服务器不能主动向客户端发送消息，只能在响应客户端请求时发送消息。

websocket：全双工。有状态。长连接，只有在客户端或服务器决定关闭时才关闭。
`,
    });
    const grader = createGrader({ kb: notes });
    const described = await grader.grade({
      question: 'runtime.GOMAXPROCS(1) 下，用一个循环起 10 个把 i 当参数传进去的 goroutine 打印 i，最后 wg.Wait()。输出的第一行是什么？',
      answer: '第一行是 i: 9。新建的 G 先放进 P 的 runnext，最后创建的那个最先被调度。',
    });
    expect(described.references[0]?.heading).toContain('下面的代码会输出什么');
    expect(described.score).toBeGreaterThanOrEqual(6);
    const elaborated = await grader.grade({
      question: '你们的聊天功能为什么用 WebSocket，而不用普通的 HTTP？',
      answer: 'HTTP 是请求响应、无状态的，服务器没法主动推消息；WebSocket 是全双工的长连接，有状态，两边都能随时发。',
    });
    expect(elaborated.references[0]?.heading).toContain('websocket');
    expect(elaborated.score).toBeGreaterThanOrEqual(6);
    // Asked as spoken, 为啥 asks what the title's 为什么 asks.
    const spoken = await grader.grade({ question: 'IM 聊天为啥选 websocket 而不是普通 http', answer: 'HTTP 是请求响应、无状态的，服务器没法主动推消息；WebSocket 是全双工的长连接，有状态。' });
    expect(spoken.references[0]?.heading).toContain('websocket');
    expect(spoken.notice).toBeUndefined();
    // Context words alone (聊天功能, 为什么用 …，而不用) do not make a note about the question.
    const unrelated = await grader.grade({ question: '你们的聊天功能为什么用 gRPC 的双向流，而不用 MQTT？', answer: '双向流延迟低。' });
    expect(unrelated.references).toEqual([]);
  });

  it('takes the first search hit whose title a reworded question covers, though it shares fewer words than another note', async () => {
    const notes = await buildNotesKnowledgeBase(seedNotes());
    // On all the notes: topic match 0.44 with 「redis为什么用单线程？」, below the 0.45 a match needs; 0.58 with the RDB note.
    const grade = await createGrader({ kb: notes }).grade({
      question: 'Redis 当初为什么选择用一个线程执行所有命令？不担心性能吗？',
      answer: '一个线程实现简单，不用加锁，没有死锁和数据竞争；多线程切换的开销可能抵掉并行的好处；每条命令天然原子。',
    });
    expect(grade.references[0]?.heading).toContain('为什么用单线程');
    expect(grade.notice).toBeUndefined();
  });

  it('takes a later acceptable note over the first when it fits clearly better by both readings', async () => {
    const notes = await buildNotesKnowledgeBase(seedNotes());
    const grade = await createGrader({ kb: notes }).grade({ question: '那 Raft 里 leader 一换，新的 leader 上来就能马上处理客户端请求吗？会有什么代价？', answer: '不能马上处理，新 leader 要等日志复制完，会有一段数据一致性延迟。' });
    expect(grade.references[0]?.heading).toContain('优缺点');
  });

  it('grades a question that names one sub-section of an overview against that sub-section', async () => {
    const overview = await buildNotesKnowledgeBase({
      'server-notes.md': `# 项目

## web server 介绍

项目用 epoll 做 IO 多路复用，线程池处理请求，实现了双缓冲日志、内存池、时间轮定时器和 LFU 缓存。

### 可能的问题

#### 内存池

预先申请大块内存按固定大小切分，避免频繁 malloc 和 free 带来的系统调用开销和内存碎片。

#### 双缓冲日志

前端业务线程把日志写进当前缓冲区，写满后与备用缓冲区交换，后端线程把写满的缓冲区批量写入磁盘，业务线程不等磁盘 IO。

#### 时间轮定时器

按槽位组织定时器，添加和删除只锁对应槽位。
`,
    });
    const grade = await createGrader({ kb: overview }).grade({
      question: '你 web server 里的双缓冲异步日志是怎么实现的？为什么能提高性能？',
      answer: '业务线程只把日志追加到前端的当前缓冲区，满了就和备用缓冲区交换；后端线程批量把满的缓冲区写磁盘，所以业务线程不用等磁盘 IO。',
    });
    expect(grade.references[0]?.heading).toContain('双缓冲日志');
    expect(grade.score).toBeGreaterThanOrEqual(7);
  });

  it('grades against the closest note with a notice, not as its match, when the notes do not answer what is asked', async () => {
    const notes = await buildNotesKnowledgeBase({
      'mysql-notes.md': `# 数据库

## 索引有什么用？索引流程

索引用来加快数据库的查询，避免全表扫描。InnoDB 的索引是一棵按主键排序的树，查询时从根节点逐层找到叶子节点，再取出整行数据。

## 事务是怎么实现的？

事务靠 redo log 保证持久性，undo log 保证原子性，锁和 MVCC 保证隔离性。
`,
      'os-notes.md': `# 操作系统

## 多进程多线程多协程适用于哪些场景？

- 多进程适合隔离和稳定性要求高的场景，一个进程崩溃不影响其他进程。
- 多线程适合需要共享数据的计算任务，线程共享进程的地址空间。
- 多协程适合大量 IO 密集的并发请求，切换开销小。
`,
      'network-notes.md': `# 网络

## tcp、udp

三次握手

## syn flood？

SYN Flood 利用 TCP 三次握手：攻击者大量发送 SYN 却不回复 ACK，服务端的半连接队列被占满，正常连接无法建立。防御可以用 SYN Cookie、缩短半连接的超时。
`,
    });
    const grader = createGrader({ kb: notes });
    const notGraded = (grade: Grade) => grade.references.length === 0 || (grade.notice ?? '').includes('没有正好对应');
    // Each was graded as a match: B+ 树 is what the question asks and the index note never names it;
    // 区别 is not what a note on 应用场景 answers; the notes list 三次握手 under an outline they never filled in.
    const bTree = await grader.grade({ question: 'MySQL 的索引为什么用 B+ 树？', answer: 'B+ 树矮胖，非叶子节点只存键，一次磁盘 IO 能读更多键；叶子节点用链表串起来，范围查询快。' });
    expect(notGraded(bTree)).toBe(true);
    const difference = await grader.grade({ question: '进程和线程有什么区别？', answer: '进程是资源分配的单位，线程是调度的单位。' });
    expect(notGraded(difference)).toBe(true);
    expect(difference.references[0]?.text ?? '').not.toBe('');
    expect(difference.notice).toContain('仅供参考');
    const handshake = await grader.grade({ question: 'TCP 三次握手为什么不能是两次？', answer: '两次的话，失效的旧 SYN 到达服务端会让它误建连接，也没法确认客户端的接收能力。' });
    expect(notGraded(handshake)).toBe(true);
    // What the notes do answer is still graded against them, without a notice.
    const scenario = await grader.grade({ question: '多进程和多线程分别适合什么场景？', answer: '多进程隔离性好，一个崩了不影响别的；多线程共享地址空间，适合要共享数据的计算；协程适合大量 IO。' });
    expect(scenario.references[0]?.heading).toContain('适用于哪些场景');
    expect(scenario.notice).toBeUndefined();
    const index = await grader.grade({ question: 'MySQL 的索引是怎么加快查询的？', answer: '索引是一棵按主键排好序的树，从根节点一层层找到叶子节点，不用全表扫描。' });
    expect(index.references[0]?.heading).toContain('索引有什么用');
    expect(index.notice).toBeUndefined();
    const synFlood = await grader.grade({ question: '什么是 SYN Flood 攻击？怎么防御？', answer: '攻击者只发 SYN 不回 ACK，把服务端的半连接队列占满；可以开 SYN Cookie、缩短超时。' });
    expect(synFlood.references[0]?.heading).toContain('syn flood');
    expect(synFlood.notice).toBeUndefined();
  });

  it('grades a yes-or-no question against the note that asks the same choice, whatever else the question asks', async () => {
    const notes = await buildNotesKnowledgeBase({
      'network-notes.md': `# 网络

## socket调用accept的时候，是处于半连接还是全连接呢？

调用 accept() 时是全连接状态：三次握手已经完成，accept() 从已完成连接的队列中取出一个连接；队列为空时 accept() 阻塞。

## syn flood？

SYN Flood 利用 TCP 三次握手：攻击者大量发送 SYN 却不回复 ACK，服务端的半连接队列被占满，正常连接无法建立。
`,
    });
    const grade = await createGrader({ kb: notes }).grade({
      question: '调用 accept() 拿到的连接，是不是已经完成三次握手的全连接？为什么？',
      answer: '是的，accept 返回时三次握手已经完成，它从已完成连接的队列里取出连接，队列空就阻塞。',
    });
    // 为什么 beside a choice had read as another kind of question than the note's 还是: it was graded against SYN flood, and got 0.
    expect(grade.references[0]?.heading).toContain('accept');
    expect(grade.notice ?? '').not.toContain('没有正好对应');
    expect(grade.score).toBeGreaterThanOrEqual(5);
    // Whether and why a thing holds is answered by a comparison that says it: 为什么 is the verdict's reason, not another ask.
    const arrays = await buildNotesKnowledgeBase({
      'go-notes.md': `# go

## slice和array的区别

- go的数组是值类型，赋值和传参都会整体拷贝一份
- array的长度也是Type的一部分，这样就说明[10]int和[20]int是不一样的
- slice是引用类型，底层指向一个数组

## go的扩容机制是怎么实现的？

调用append追加元素：数组长度+新增元素<=容量时直接reslice，不会创建新数组；大于容量时创建一个约2倍大小的新数组，把原数组复制进去。
`,
    });
    const length = await createGrader({ kb: arrays }).grade({ question: 'Go 里数组的长度算不算类型的一部分？为什么？', answer: '算。数组长度是类型的一部分，[10]int 和 [20]int 是两种不同的类型，不能互相赋值。' });
    expect(length.references[0]?.heading).toContain('slice和array的区别');
    expect(length.notice ?? '').not.toContain('没有正好对应');
  });

  it('does not grade a question asking how two things differ against a note asking only whether something holds', async () => {
    // corpus/go-mysql-redis-ecommerce-qa.md, 「未提交事务是否会写redolog」: it names redo log and binlog throughout.
    const notes = await buildNotesKnowledgeBase({
      'mysql-notes.md': `# mysql

## 未提交事务是否会写redolog

有binlog情况下，commit动作开始时，会有一个Redo XID 的动作记录写到redo，然后写data到binlog，binlog写成功后，会将binlog的filename、日志写的位置position再写到redo，此时才表示该事务完成。一个没有提交的事务的 redo log，也有可能被后台线程持久化到磁盘。
`,
    });
    const grader = createGrader({ kb: notes });
    const difference = await grader.grade({ question: 'MySQL 的 redo log 和 binlog 有什么区别？', answer: 'redo log 是 InnoDB 的物理日志，循环写，用于崩溃恢复；binlog 是 server 层的逻辑日志，追加写，用于主从复制。' });
    expect(difference.notice ?? '').toContain('没有正好对应');
    // Asked whether, the same note is the question's own.
    const whether = await grader.grade({ question: '没提交的事务会不会写 redo log？', answer: '会，事务执行过程中 redo log 先写在 redo log buffer 里，后台线程每秒刷盘时也可能把没提交事务的 redo log 持久化到磁盘。' });
    expect(whether.references[0]?.heading).toContain('未提交事务是否会写redolog');
    expect(whether.notice ?? '').not.toContain('没有正好对应');
  });

  it('does not grade a question the notes list with nothing under it against a note sharing a word, nor call its answer off the question', async () => {
    // corpus/os-network-k8s-microservices.md lists 「## 六 https 握手，为什么需要 非对称加密 和 对称加密」 as an empty heading.
    const notes = await buildNotesKnowledgeBase({
      'network-notes.md': `# 网络

## 六 https 握手，为什么需要 非对称加密 和 对称加密

## 七 io多路复用，epoll和select的区别

## syn flood？

SYN Flood 利用 TCP 三次握手：攻击者大量发送 SYN 却不回复 ACK，服务端的半连接队列被占满，正常连接无法建立。防御可以用 SYN Cookie、缩短半连接的超时。
`,
    });
    const grader = createGrader({ kb: notes });
    const handshake = await grader.grade({
      question: 'HTTPS 握手过程是怎样的？',
      answer: '客户端发 ClientHello 带随机数和加密套件，服务端回 ServerHello 和证书，客户端验证证书后用公钥加密预主密钥发过去，双方算出会话密钥，之后用对称加密通信。',
    });
    // It had been graded against SYN flood as its own note, and told 「回答的内容和题目关系不大」.
    expect(handshake.notice ?? '').toContain('没有正好对应');
    expect(handshake.feedback).not.toContain('关系不大');
    // The note that does answer is still the question's own.
    const synFlood = await grader.grade({ question: '什么是 SYN Flood 攻击？', answer: '攻击者只发 SYN 不回 ACK，把服务端的半连接队列占满。' });
    expect(synFlood.notice).toBeUndefined();
  });

  it('gives a question asking what a term is no closest note that never names the term', async () => {
    const notes = await buildNotesKnowledgeBase({
      'go-notes.md': `# go

## 说一下数组和切片的区别？

数组是值类型，赋值和传参都会整体拷贝一份；切片是引用类型，拷贝的只是切片头，底层数组共享。
`,
    });
    const grader = createGrader({ kb: notes });
    // 「说一下数组和切片的区别？」 says 拷贝 and had been the closest note for 零拷贝.
    const zeroCopy = await grader.grade({ question: '什么是零拷贝？', answer: '零拷贝是避免数据在内核态和用户态之间来回拷贝，比如 sendfile 直接从页缓存发到 socket。' });
    expect(zeroCopy.references).toEqual([]);
    // A note that names the term may still be the closest.
    const copy = await grader.grade({ question: '切片拷贝的是什么？', answer: '拷贝的是切片头：指针、长度和容量，底层数组是共享的。' });
    expect(copy.references[0]?.heading ?? '').toContain('数组和切片');
  });

  it('reads a listed question the card bank folded into another wording of it as listed and left open', async () => {
    // The seeds list 「死锁条件，如何避免」 in two notes and 「死锁 举例 / 怎么避免」 in a third, all empty; the card bank keeps one wording
    // and makes 「死锁怎么避免？」 search-only, which the question covers best.
    const notes = await buildNotesKnowledgeBase({
      'os-notes.md': '# 操作系统\n\n## 三 死锁条件，如何避免\n\n## 四 哈希的实现有哪几种\n',
      'interview-log.md': `# 面经

## 一面

死锁条件，如何避免
孤儿进程，僵尸进程

## 死锁 举例

### 怎么避免

## redis为什么用单线程？

- 简单，避免死锁、数据竞争
- 不需要加锁，没有线程上下文切换的开销
`,
    });
    expect(notes.cards.some((card) => card.searchOnly && !card.answered && card.question === '死锁怎么避免？')).toBe(true);
    const grade = await createGrader({ kb: notes }).grade({ question: '什么是死锁？怎么避免？', answer: '死锁就是几个线程互相等对方手里的锁，谁都走不下去；按固定顺序加锁就能避免。' });
    // It had been graded against the Redis note as its own, which names 避免死锁 in passing.
    expect(grade.notice ?? '').toContain('没有正好对应');
  });

  it('grades a question naming every subject of a note whose title only names them against that note', async () => {
    // The seed note as written: "ceph和minio、cdn" is a bare title line over three short lines, beside a richer
    // "ceph存储图片的好处" that shares more of the question's words but answers something else.
    const file = 'image-service-project-qa.md';
    const notes = await buildNotesKnowledgeBase(seedNotes([file]));
    const choice = await createGrader({ kb: notes }).grade({
      question: '你们图片存储为什么选 Ceph 而没用 MinIO？另外 CDN 在这种场景里又起什么作用？',
      answer: 'Ceph 是强一致的，MinIO 只保证最终一致，而且 Ceph 功能更全。CDN 在离用户近的边缘节点缓存图片，回源少，省带宽。',
    });
    expect(choice.references[0]?.heading).toContain('ceph和minio、cdn');
    expect(choice.notice).toBeUndefined();
  });

  it('reads an English question through the glossary, and still finds no note for one the glossary barely reads', async () => {
    const file = 'cpp-backend-projects-and-internship.md';
    const notes = await buildNotesKnowledgeBase(seedNotes([file]));
    const grader = createGrader({ kb: notes });
    const coroutines = await grader.grade({
      question: "Stackful vs. stackless coroutines: what's the key difference?",
      answer: 'A stackful coroutine has its own stack, so it can suspend inside nested function calls; a stackless one can only yield at the top level of its own function.',
    });
    expect(coroutines.references[0]?.heading).toContain('无栈协程和有栈协程的区别');
    const oauth = await grader.grade({ question: 'Walk me through the OAuth2 authorization code flow.', answer: 'The client redirects to the authorization server, gets a code, and exchanges it for a token.' });
    expect(oauth.references.length === 0 || (oauth.notice ?? '') !== '').toBe(true);
  });
});

describe('which of two notes that both answer a question it is graded against', () => {
  it('prefers the note whose title asks what the question asks: how an election runs, not Raft\'s pros and cons', async () => {
    const notes = await buildNotesKnowledgeBase({
      'raft.md': `# 面试

## raft

### raft有什么优缺点？

Raft 的优点是容易理解、实现简单，领导者选举和日志复制分开讲清楚了；缺点是所有写请求都经过领导者，领导者容易成为瓶颈，选举期间集群不可用。

### 关键过程

#### 领导者选举

- 初始状态下所有节点都是跟随者。
- 跟随者在选举超时内没有收到领导者的心跳，就转为候选者，任期加一，给自己投票并向其他节点请求投票。
- 候选者收到多数节点的选票就成为领导者；票数相同则超时后重新选举。
`,
    });
    const grader = createGrader({ kb: notes });
    const grade = await grader.grade({ question: 'Raft 的领导者选举是怎么进行的？', answer: '节点一开始都是跟随者，选举超时没收到心跳就变成候选者，任期加一、给自己投票并向其他节点拉票，拿到多数票就成为领导者。' });
    expect(grade.references[0]?.heading).toMatch(/领导者选举$/u);
    expect(grade.score).toBeGreaterThanOrEqual(7);
  });
});

describe('which note a question is graded against', () => {
  it('takes the retriever\'s first acceptable note, not the one whose title the question happens to repeat', async () => {
    const notes = await buildNotesKnowledgeBase({
      'raft.md': `# Raft

## 说说你对日志复制的了解。

领导者接收客户端的写请求，把命令作为日志条目追加到本地日志，再通过 AppendEntries 并行发给所有跟随者。多数节点写入后，领导者提交这条日志并应用到状态机，再通知跟随者提交。

## 说说你对安全性的了解。

领导者在复制日志的过程中崩溃时，新选出的领导者会继续复制剩余的日志条目，覆盖跟随者上不一致的部分。只有日志至少和多数节点一样新的候选者才能当选，所以已提交的条目不会丢失。
`,
    });
    const grade = await createGrader({ kb: notes }).grade({
      question: '日志复制的过程中领导者崩溃了，剩余的日志条目之后由谁继续复制？',
      answer: '由新选出来的领导者接着复制剩下的条目，它会把跟随者上和自己不一致的部分覆盖掉。',
    });
    expect(grade.references[0]?.heading).toContain('安全性');
    expect(grade.notice).toBeUndefined();
  });

  it('finds the note of a spoken question whose own phrasing no note uses, and still none for a subject no note names', async () => {
    const notes = await buildNotesKnowledgeBase({
      ...sampleNotes,
      'mysql.md': `# MySQL

## 主从复制有什么好处？

主库负责写，从库负责读，读写分离后查询压力由从库分担。可以在从服务器上进行数据分析，不影响主库的性能。主库宕机时可以把从库提升为主库，提高可用性。

## 索引有什么用？

索引是帮助 MySQL 高效获取数据的有序数据结构，InnoDB 用 B+ 树组织索引，减少回表和磁盘 IO。
`,
    });
    const grader = createGrader({ kb: notes });
    const spoken = await grader.grade({
      question: '嗯，就是我想再追问一下哈，咱们刚刚聊到读写分离，那弄完以后，从库除了扛查询，还能不能顺手拿来跑跑报表、搞搞统计，又不拖累主库？',
      answer: '可以，报表和统计这种分析查询放到从库上跑，不会拖慢主库。',
    });
    expect(spoken.references[0]?.heading).toContain('主从复制');
    const uncovered = await grader.grade({ question: 'MySQL 的间隙锁和临键锁是用来解决什么问题的？', answer: '防止幻读。' });
    expect(uncovered.references.length === 0 || (uncovered.notice ?? '') !== '').toBe(true);
  });

  it('does not take a note naming one of two compared things as the answer to the comparison', async () => {
    const notes = await buildNotesKnowledgeBase({
      ...sampleNotes,
      'go.md': `# Go

## 介绍一下 go select

select 让一个 goroutine 同时等待多个 channel 操作，每个 case 必须是一个 channel 的收发；多个 case 同时就绪时随机选一个执行，都没就绪又没有 default 就阻塞。
`,
      'webserver.md': `# WebServer

## 介绍一下你的 web server

基于 epoll 的 reactor 模型，主线程监听连接，线程池处理请求，定时器清理不活跃连接。

## web server 的难点

压测时发现 epoll 的 ET 模式下没有读完缓冲区，连接一直挂着，后来循环读到 EAGAIN 解决。
`,
    });
    const grader = createGrader({ kb: notes });
    const compared = await grader.grade({ question: '说说 select 和 epoll 的区别', answer: 'select 每次都要把 fd 集合拷进内核再线性扫描，epoll 用红黑树管理 fd、就绪链表返回就绪事件。' });
    expect(compared.references.length === 0 || (compared.notice ?? '') !== '').toBe(true);
    const single = await grader.grade({ question: 'go 的 select 有什么用？', answer: '同时等待多个 channel，哪个就绪执行哪个，都没就绪就阻塞。' });
    expect(single.references[0]?.heading).toContain('select');
    expect(single.notice).toBeUndefined();
  });
});

describe('a question naming a concept in Chinese, a note naming it in English', () => {
  const notes = {
    'os.md': `# 操作系统

### 说说你对消息队列通信的了解。

消息队列是由消息的链表，存放在内核中并由消息队列标识符标识。消息队列克服了信号传递信息少、管道只能承载无格式字节流以及缓冲区大小受限等缺点。
`,
    'project.md': `# 项目

### 你的MQ是怎样实现高可用的？

基于 raft 的多数派原则，只要半数以上节点存活就能对外服务；leader 挂了，follower 超时后发起选举选出新的 leader。
`,
  };

  it('finds the question\'s 消息队列 in a note that says MQ', async () => {
    const kb = await buildNotesKnowledgeBase({ ...sampleNotes, ...notes });
    const card = (title: string) => kb.cards.find((item) => item.question.includes(title))!;
    const asked = askedTopic('你的消息队列是怎么做到高可用的？', kb.cards);
    // Only 高可用 and 你的 were found before: the question's 消息队列 is the MQ note's "MQ".
    expect(matchOf(asked, card('MQ是怎样实现高可用'), kb.cards)).toBeGreaterThan(matchOf(asked, card('消息队列通信'), kb.cards));
    expect(matchOf(asked, card('MQ是怎样实现高可用'), kb.cards)).toBeGreaterThanOrEqual(0.6);
  });

  it('does not read a note\'s Chinese word for a concept as the question\'s other Chinese word for it (分区 is not 分库分表)', async () => {
    const kb = await buildNotesKnowledgeBase({
      ...sampleNotes,
      'kafka.md': `# kafka\n\n### Kafka 的分区是怎么分配给消费者的？\n\n一个分区同一时刻只分配给组内一个消费者，消费者多于分区时多出来的空闲。\n`,
      'mysql.md': `# mysql\n\n### 为什么要 sharding？\n\n单表数据量过大时按用户 id 做 sharding，拆到多个库里。\n`,
    });
    const card = (title: string) => kb.cards.find((item) => item.question.includes(title))!;
    const asked = askedTopic('分库分表之后怎么做？', kb.cards);
    // Both notes name ~sharding; only the one that says it in English alone says the question's 分库分表.
    expect(matchOf(asked, card('sharding'), kb.cards)).toBeGreaterThan(matchOf(asked, card('分区是怎么分配'), kb.cards) + 0.2);
  });

  it('finds a mixed question\'s English word ("channel") in a note that says it in Chinese (通道), but not an English question\'s', async () => {
    const kb = await buildNotesKnowledgeBase({
      ...sampleNotes,
      'go.md': `# go\n\n### 关闭后的通道有哪些特点？\n\n对一个关闭的通道再发送值就会导致panic。对一个关闭的通道进行接收会一直获取值直到通道为空。对一个关闭的并且没有值的通道执行接收操作会得到对应类型的零值。\n`,
    });
    const closed = kb.cards.find((item) => item.question.includes('关闭后的通道'))!;
    const asked = askedTopic('生产者把一个 channel 关闭了，消费者继续接收会拿到什么？', kb.cards);
    expect(asked.englishConceptForms.get('~channel')).toEqual(['channel']);
    expect(matchOf(asked, closed, kb.cards)).toBeGreaterThanOrEqual(0.45);
    // An English question meets the notes through its concepts already; its words are not read again.
    expect(askedTopic('What happens when you receive from a closed channel?', kb.cards).englishConceptForms.size).toBe(0);
  });

  it('finds a question\'s English words no note writes ("empty", "field", "size") in a note that says them in Chinese', async () => {
    const kb = await buildNotesKnowledgeBase({
      ...sampleNotes,
      'go.md': `# go\n\n### 空结构体放在最后有什么影响？\n\n空的结构体作为最后一个字段时，编译器会给它补齐一个字节再按对齐填充，整个结构体的大小因此变大；放在前面或中间则不占空间。\n\n### Go 的 struct tag 有什么用？\n\nstruct tag 给字段附加元数据，比如 json 序列化时用的名字。\n`,
    });
    const card = (title: string) => kb.cards.find((item) => item.question.includes(title))!;
    const asked = askedTopic('为什么 empty struct 作为 last field 的时候 size 会变大？', kb.cards);
    // Read as its Chinese words, the question is about this note (0.45 is the finder's bar); on 为什么 and 变大 alone it was not.
    expect(matchOf(asked, card('空结构体'), kb.cards)).toBeGreaterThanOrEqual(0.45);
    expect(matchOf(asked, card('空结构体'), kb.cards)).toBeGreaterThan(matchOf(asked, card('struct tag'), kb.cards));
    // "struct" is written by a note: there the English word itself points, and its Chinese word is not read for it.
    const tagged = askedTopic('struct 的 tag 是做什么的？', kb.cards);
    expect(matchOf(tagged, card('struct tag'), kb.cards)).toBeGreaterThan(matchOf(tagged, card('空结构体'), kb.cards));
  });

  it('grades "你的消息队列是怎么做到高可用的？" against the MQ note, not the note on message-queue IPC', async () => {
    const kb = await buildNotesKnowledgeBase({ ...sampleNotes, ...notes });
    const grade = await createGrader({ kb }).grade({ question: '你的消息队列是怎么做到高可用的？', answer: '用 raft，多数派存活就能服务，leader 挂了就重新选举。' });
    expect(grade.references[0]?.heading).toContain('MQ是怎样实现高可用');
    expect(grade.score).toBeGreaterThanOrEqual(5);
  });
});
