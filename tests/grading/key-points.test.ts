import { describe, expect, it } from 'vitest';
import { extractAllKeyPoints, extractKeyPoints } from '../../src/grading/key-points.ts';

const texts = (markdown: string) => extractKeyPoints(markdown).map((point) => point.text);

describe('extractKeyPoints', () => {
  it('takes bullets and numbered steps as separate points, without their markers', () => {
    const points = texts(`TCP 建立连接需要三次握手：

1. 客户端发送 SYN 报文，进入 SYN_SENT 状态。
2. 服务端回复 SYN+ACK 报文，进入 SYN_RCVD 状态。
3. 客户端再发送 ACK 报文，双方进入 ESTABLISHED。

- 三次握手可以防止已失效的连接请求被服务端误当成新连接。`);
    expect(points).toEqual([
      'TCP 建立连接需要三次握手： 客户端发送 SYN 报文，进入 SYN_SENT 状态。',
      '服务端回复 SYN+ACK 报文，进入 SYN_RCVD 状态。',
      '客户端再发送 ACK 报文，双方进入 ESTABLISHED。',
      '三次握手可以防止已失效的连接请求被服务端误当成新连接。',
    ]);
  });

  it('splits prose into sentences and merges fragments too short to be a point', () => {
    const points = texts('进程是资源分配的基本单位。线程是调度的基本单位。注意：\n同一进程内的线程共享地址空间和文件描述符。对。');
    expect(points).toEqual(['进程是资源分配的基本单位。', '线程是调度的基本单位。', '注意： 同一进程内的线程共享地址空间和文件描述符。 对。']);
  });

  it('drops a sentence that only announces the list, but keeps a label merged with its content', () => {
    const points = texts(`Kubernetes 中创建一个 Pod 涉及多个组件之间联动，主要流程如下：

1. 客户端提交 Pod 的配置信息到 kube-apiserver。
2. Kube-scheduler 挑选出更适合运行 Pod 的节点。

缓存失效策略：
- 定期删除和惰性删除配合使用。`);
    expect(points).toEqual([
      'Kubernetes 中创建一个 Pod 涉及多个组件之间联动',
      '客户端提交 Pod 的配置信息到 kube-apiserver。',
      'Kube-scheduler 挑选出更适合运行 Pod 的节点。',
      '缓存失效策略： 定期删除和惰性删除配合使用。',
    ]);
    for (const announcement of ['Redis 的持久化有以下两种方式：', '为了解决缓存击穿的问题，常见的几种策略包括：', 'It works as follows:']) {
      const items = texts(`${announcement}\n\n- 设置热点数据永不过期，由后台任务刷新。\n- 用互斥锁保证只有一个线程回源加载。`);
      expect(items, announcement).toEqual(['设置热点数据永不过期，由后台任务刷新。', '用互斥锁保证只有一个线程回源加载。']);
    }
    // Labels stay merged with what they name; content before an announcement stays a point.
    expect(texts('第三步：\n\n- 客户端再发送 ACK 报文，连接建立。')).toEqual(['第三步： 客户端再发送 ACK 报文，连接建立。']);
    expect(texts('假设输出序列为 Y，对于输入序列 X，按如下过程进行操作：\n\n1. X 中元素全部依次压入 S1 栈。')).toEqual(['X 中元素全部依次压入 S1 栈。']);
    expect(texts('控制平面包括：\n\n- kube-apiserver、etcd、scheduler 和 controller-manager。')).toEqual(['控制平面包括： kube-apiserver、etcd、scheduler 和 controller-manager。']);
    expect(texts('偏向锁是为了在低竞争时提高性能，但有时会导致性能损失，主要原因有以下几点：\n\n- 撤销偏向锁需要等到全局安全点。')).toEqual([
      '偏向锁是为了在低竞争时提高性能，但有时会导致性能损失',
      '撤销偏向锁需要等到全局安全点。',
    ]);
  });

  it('reads a line led by bold as a statement of its own, not as a "*" bullet', () => {
    const points = texts('**详细：**\n**双有序链表**每次增加定时器都要调整链表，需要对整个链表加锁，\n**时间堆**也需要对整个堆上锁，但调整的复杂度是 O(logn)，');
    expect(points).toEqual(['双有序链表每次增加定时器都要调整链表，需要对整个链表加锁', '时间堆也需要对整个堆上锁，但调整的复杂度是 O(logn)']);
    expect(texts('*强调的开头* 不是列表项，而是一句完整的话。')).toEqual(['强调的开头 不是列表项，而是一句完整的话。']);
  });

  it('keeps points whole claims: a long sentence is never cut after a connective, labels that state nothing are dropped', () => {
    // corpus/go-mysql-redis-ecommerce-qa.md, the for … range question: the label went, the claim stays whole.
    expect(texts('**解析：**\n\ngolang 的 `for ... range` 语法中，`stu` 变量会被复用，每次循环会将集合中的值复制给这个变量，因此，会导致最后`m`中的`map`中储存的都是`stus`最后一个`student`的值。')).toEqual([
      'golang 的 for ... range 语法中，stu 变量会被复用，每次循环会将集合中的值复制给这个变量，因此，会导致最后m中的map中储存的都是stus最后一个student的值。',
    ]);
    // The same explanation at length: the cut falls before 因此, which opens the next piece instead of ending this one.
    const long = texts('golang 的 for ... range 语法中，stu 变量会被复用，每次循环会将集合中的值复制给这个变量，取到的始终是同一个变量的地址，因此，循环结束之后 map 里所有的指针都指向同一个变量，它的值是切片里最后一个元素，修复的方法是在循环体里先复制一份 stu 的副本，再取它的地址，或者直接用下标取切片元素的地址。');
    expect(long[0]).toBe('golang 的 for ... range 语法中，stu 变量会被复用，每次循环会将集合中的值复制给这个变量，取到的始终是同一个变量的地址');
    expect(long[1]).toMatch(/^因此，循环结束之后/u);
    for (const point of long) expect(point).not.toMatch(/[，,]$/u);
  });

  it('reads a line that leads into the next ("…的处理办法是") as part of it, and arithmetic in brackets as arithmetic', () => {
    // corpus/go-mysql-redis-ecommerce-qa.md, "raft 如何实现从 follower 读取？" and the 30 万 PV question.
    const raft = texts('Raft对只读操作的处理办法是\n\n只读请求最终也必须依靠Leader来执行，如果是Follower接收请求的，那么必须转发。\n记录下当前日志的commitIndex => readIndex');
    expect(raft[0]).toBe('Raft对只读操作的处理办法是 只读请求最终也必须依靠Leader来执行，如果是Follower接收请求的，那么必须转发。');
    const pv = texts('1. 一天30万的页面访问(PV),转换为每秒访问量(QPS): 30万/(24 × 60 × 60)秒 = 3.47个请求每秒\n2. 知道了一秒大概是3.47个请求，将请求化整，就是4个请求每秒.');
    expect(pv[0]).toBe('一天30万的页面访问(PV),转换为每秒访问量(QPS): 30万/(24 × 60 × 60)秒 = 3.47个请求每秒');
  });

  it('drops stray marks a point was cut with: an unmatched opening quote, a lone letter after the full stop, emoji shortcodes', () => {
    expect(texts('**时间轮**定时器调整的时候不需要对整个时间轮进行上锁，仅需要锁住涉及到的槽位即可，可以精细化锁粒度。S')).toEqual(['时间轮定时器调整的时候不需要对整个时间轮进行上锁，仅需要锁住涉及到的槽位即可，可以精细化锁粒度。']);
    expect(texts('“ 调用 schedlock 方法来获取全局锁。')).toEqual(['调用 schedlock 方法来获取全局锁。']);
    expect(texts(':heavy_check_mark: defer的执行顺序在return之后，但是在返回值返回给调用方之前。')).toEqual(['defer的执行顺序在return之后，但是在返回值返回给调用方之前。']);
    expect(texts('"半连接"是指 TCP 连接中的一种特殊状态。')).toEqual(['"半连接"是指 TCP 连接中的一种特殊状态。']);
  });

  it('turns table rows into "first cell：header value；…" points and skips header and separator', () => {
    const points = texts(`| 隔离级别 | 脏读 | 不可重复读 |
|---|---|---|
| 读未提交 | 可能 | 可能 |
| 可重复读 | 不可能 | 不可能 |`);
    // "读未提交：可能；可能" said nothing of what is possible.
    expect(points).toEqual(['读未提交：脏读 可能；不可重复读 可能', '可重复读：脏读 不可能；不可重复读 不可能']);
    expect(texts(`| 命令 | 作用 |\n|---|---|\n| bgsave | fork 子进程写 RDB 文件 |`)).toEqual(['bgsave：fork 子进程写 RDB 文件']);
  });

  it('keeps a comparison table\'s values under their column headers', () => {
    const note = `| 操作 | nil的channel | 正常channel | 已关闭channel |
| --- | --- | --- | --- |
| <-ch (读) | 阻塞 | 成功或阻塞 | 读到零值 |
| ch<- (写) | 阻塞 | 成功或阻塞 | panic |`;
    expect(texts(note)[0]).toBe('<-ch (读)：nil的channel 阻塞；正常channel 成功或阻塞；已关闭channel 读到零值');
    // Each row stays its own point though the headers make the rows share most of their words.
    expect(texts(note)).toHaveLength(2);
  });

  it('drops code blocks, images and link targets but keeps link text and inline code', () => {
    const points = texts('使用 `sync.Mutex` 保护共享变量，参考[官方文档](https://go.dev/doc)。\n\n```go\nmu.Lock()\n```\n\n![图](https://x/y.png)');
    expect(points).toEqual(['使用 sync.Mutex 保护共享变量，参考官方文档。']);
  });

  it('keeps O(1) and other parenthesised numbers intact while splitting inline enumerations', () => {
    const points = texts('单链表不可以。双链表可以，时间复杂度为O(1)。①需要额外的指针空间；②插入删除方便。');
    expect(points).toContain('双链表可以，时间复杂度为O(1)。');
    expect(points).toContain('需要额外的指针空间；');
    expect(points.some((point) => point.includes('O('))).toBe(true);
    expect(points.every((point) => !point.includes('①'))).toBe(true);
  });

  it('counts near-duplicate statements once', () => {
    expect(texts('栈是后进先出的线性表。\n\n栈是后进先出的线性表！')).toHaveLength(1);
  });

  it('weights bold and early points above late asides, and normalises weights to 1', () => {
    const points = extractKeyPoints(
      '- **每个 P 有自己的本地运行队列**，减少了全局锁竞争。\n- 调度时优先从本地队列获取可运行的 G。\n- 例如某个 P 空闲时可以从其他 P 偷取一半的 G 来运行。',
    );
    const [bold, plain, example] = points;
    expect(bold!.weight).toBeGreaterThan(plain!.weight);
    expect(plain!.weight).toBeGreaterThan(example!.weight);
    expect(points.reduce((sum, point) => sum + point.weight, 0)).toBeCloseTo(1, 6);
  });

  it('never makes a rhetorical question inside a note a key point', () => {
    const points = extractKeyPoints('那为什么不直接把队列放在 M 上呢？\n因为 M 的数量会随着阻塞的系统调用不断增加。');
    expect(points.map((point) => point.text)).toEqual(['因为 M 的数量会随着阻塞的系统调用不断增加。']);
  });

  it('returns no points for an empty reference', () => {
    expect(extractKeyPoints('   \n\n')).toEqual([]);
  });
});

describe('citations', () => {
  it('a "参考链接 [title](url)" line is a pointer elsewhere, not a key point', () => {
    const points = extractKeyPoints(
      '用协程包装需要等待的事件，事件没处理完时注册监听然后让出，由调度器切给别的协程。\n\n参考链接 [协程和io多路复用的结合](https://example.com/video\n)',
    ).map((point) => point.text);
    expect(points.some((text) => text.includes('参考链接'))).toBe(false);
    expect(points.join('')).toContain('注册监听');
  });

  it('a sentence that explains something keeps its point even when it carries a link', () => {
    const points = extractKeyPoints('epoll 使用红黑树管理监听的文件描述符，详见 [man epoll](https://man7.org/epoll.7.html) 的说明。').map((point) => point.text);
    expect(points.join('')).toContain('红黑树');
  });
});

describe('a long point is cut at commas outside its brackets', () => {
  it('keeps an aside in brackets whole', () => {
    const note = 'Properties: roughly time-ordered (good for B-tree primary keys, unlike random UUIDv4), no central coordinator on the hot path, 8 bytes instead of 16, which matters for indexes that are kept in memory on every node of the cluster.';
    const points = extractAllKeyPoints(note).map((point) => point.text);
    expect(points.some((text) => text.includes('(good for B-tree primary keys, unlike random UUIDv4)'))).toBe(true);
    expect(points.some((text) => text.startsWith('unlike'))).toBe(false);
  });
});

describe('a numbered outline nests by its numbers', () => {
  it('hangs 1.1 under 1. and a bullet right under 1.1 under 1.1, whatever the indentation', () => {
    const outline = '容器隔离\n1. 分工\n1.1 namespace —— 管能看到什么（隔离视图）\n- 进程只看到自己命名空间里的资源\n1.2 cgroup —— 管能用多少（限制资源）\n- CPU、内存、IO、进程数的配额与统计\n2. namespace 常见类型\n- PID：容器内进程号从 1 开始\n- NET：独立网卡、路由表、端口';
    const points = extractAllKeyPoints(outline);
    const leadOf = (text: string) => points.find((point) => point.text.includes(text))?.lead;
    expect(leadOf('配额与统计')).toContain('cgroup');
    expect(leadOf('自己命名空间')).toContain('namespace —— 管能看到什么');
    expect(leadOf('PID')).toBe('namespace 常见类型');
    // The outline's numbers are not part of its points.
    expect(points.some((point) => /^\d+\.\d/u.test(point.text))).toBe(false);
  });
});

describe('notes in other people\'s formats', () => {
  it('drops YAML front matter and reads an Obsidian callout\'s title as a heading, not as part of a point', () => {
    const note = '---\ntags: [mysql, index]\naliases: 最左前缀\n---\n> [!note] 最左前缀\n> 联合索引按 a、b、c 依次排序，只有从最左列开始连续匹配才能用上索引。\n> 只查 b 或 c 用不上。';
    expect(texts(note)).toEqual(['联合索引按 a、b、c 依次排序，只有从最左列开始连续匹配才能用上索引。', '只查 b 或 c 用不上。']);
  });

  it('reads Q：/A： lists: the question line is a heading and the answer label is not part of the answer', () => {
    const note = 'Q：redo log 的作用？\nA：redo log 是物理日志，宕机后用它重做，保证持久性。\nQ：binlog 呢？\nA：binlog 是 Server 层的逻辑日志，用于主从复制。';
    expect(texts(note)).toEqual(['redo log 是物理日志，宕机后用它重做，保证持久性。', 'binlog 是 Server 层的逻辑日志，用于主从复制。']);
    // Without a question line "A：" is an ordinary label.
    expect(texts('A：先执行的那个事务')).toEqual(['A：先执行的那个事务']);
  });

  it('ends a cheat sheet\'s statement at each line, and reads "4.0+" as a version, not item 4', () => {
    const note = 'RDB -> 某时刻全量快照, 会丢最后一次快照后的数据\nbgsave -> fork 子进程写, 父进程靠 COW 继续服务\n4.0+ 混合持久化 -> RDB 头 + AOF 增量';
    expect(texts(note)).toEqual(['RDB -> 某时刻全量快照, 会丢最后一次快照后的数据；', 'bgsave -> fork 子进程写, 父进程靠 COW 继续服务；', '4.0+ 混合持久化 -> RDB 头 + AOF 增量']);
  });

  it('still joins hard-wrapped English prose into one statement', () => {
    expect(texts('The scheduler picks a node for each pod\nby filtering and then scoring the nodes.')).toEqual(['The scheduler picks a node for each pod by filtering and then scoring the nodes.']);
  });
});

describe('a sentence that only sends the reader elsewhere', () => {
  it('is no point, with its link or without it', () => {
    const note = '私有内存不足再从全局申请。\n\n更多说明参阅引用说明[1](#fn-1)\n\n详见下文\n\nSee also the runtime docs.';
    expect(extractAllKeyPoints(note, 0).map((point) => point.text)).toEqual(['私有内存不足再从全局申请。']);
    expect(extractAllKeyPoints('更多说明参阅引用说明', 0).map((point) => point.text)).toEqual([]);
  });
});

describe('a story sentence with an aside', () => {
  it('keeps its facts as a point, without the aside', () => {
    const note = '上线前压测时，接口一直超时，当时这个问题折磨了我一晚上，最后用 pprof 抓了火焰图，发现是正则解析请求头太慢，换成手写解析后延迟降了一半。';
    const texts = extractAllKeyPoints(note, 0).map((point) => point.text);
    expect(texts.some((text) => text.includes('pprof') && text.includes('正则'))).toBe(true);
    expect(texts.some((text) => text.includes('折磨'))).toBe(false);
  });

  it('drops a short remark that is only narration', () => {
    expect(extractAllKeyPoints('这个问题折磨了我一晚上。\n\n换成手写解析后延迟降了一半。', 0).map((point) => point.text)).toEqual(['换成手写解析后延迟降了一半。']);
  });
});

describe('a sentence that opens talking', () => {
  it('is the author\'s log, dropped whole: its first clause is no aside to lose', () => {
    const note = '第二题:给个string，求最长不重复子串，长度上面写250，我三个for循环段错误了。\n\nGo 的 map 并发读写会直接 panic。';
    expect(extractAllKeyPoints(note, 0).map((point) => point.text)).toEqual(['Go 的 map 并发读写会直接 panic。']);
  });
});

describe('an enumeration numbered with hyphens', () => {
  it('reads "1-主备 2-读写分离 3-集群" as items, not one run of text', () => {
    const texts = extractKeyPoints('答：1-主备 2-读写分离 3-集群 4-负载均衡 5-查询缓存 6-raid').map((point) => point.text).join(' | ');
    expect(texts).not.toMatch(/\d-/u);
    expect(texts).toContain('读写分离');
  });

  it('leaves a range and a hyphenated name alone', () => {
    expect(extractKeyPoints('一般开 3-5 个副本，状态从 fin-wait-1 到 fin-wait-2。').map((point) => point.text).join(' ')).toContain('3-5');
  });
});

describe('items of one list that say the same of different things', () => {
  it('keeps both, though they share most of their words', () => {
    const note = '- 关闭已经关闭的channel会导致panic，所以在closer不知道channel是否已经关闭的情况下去关闭channel是很危险的\n- 发送值到已经关闭的channel会导致panic，所以如果sender在不知道channel是否已经关闭的情况下去向channel发送值是很危险的';
    expect(extractKeyPoints(note).map((point) => point.text.slice(0, 4))).toEqual(['关闭已经', '发送值到']);
  });

  it('still counts a point the note repeats in another place once', () => {
    const note = '- 关闭已经关闭的channel会导致panic\n\n总之，关闭已经关闭的channel会导致panic。';
    expect(extractKeyPoints(note)).toHaveLength(1);
  });
});

describe('a table row and a short line it contains', () => {
  it('keeps the row, which says more than the line it repeats', () => {
    const note = ['锁有三种状态：', '', '1. free，空闲', '2. held，被持有', '3. broken，已损坏', '', '| 操作 | 空闲的锁 | 被持有的锁 | 已损坏的锁 |', '| --- | --- | --- | --- |', '| lock | 成功 | 阻塞 | panic |', '| broken（损坏） | 已损坏 | 已损坏 | panic |'].join('\n');
    const points = extractKeyPoints(note).map((point) => point.text);
    expect(points.some((point) => point.startsWith('broken（损坏）'))).toBe(true);
  });
});

describe('a label line over a chain of arrows', () => {
  it('names the chain, as a label with a colon does', () => {
    const note = ['- 主库复制流程', '', '  binlog dump -> relay log -> SQL thread -> 从库数据', '', '  半同步复制：', '', '  写 binlog -> 等一个从库 ACK -> 返回客户端'].join('\n');
    expect(extractKeyPoints(note).map((point) => point.text)).toEqual(['主库复制流程： binlog dump -> relay log -> SQL thread -> 从库数据', '半同步复制： 写 binlog -> 等一个从库 ACK -> 返回客户端']);
  });

  it('leaves a list of bare names as it is', () => {
    expect(extractKeyPoints('- FIFO\n- LFU\n- LRU -> 最近最少使用').map((point) => point.text)).not.toContain('LFU：');
  });
});
