/**
 * A bilingual glossary of general software-engineering interview vocabulary. Candidates write
 * notes in Chinese with English terms mixed in, and interviewers ask in either language, so a
 * question in English ("stackless coroutine") must reach a note in Chinese (无栈协程). Each entry
 * is one concept: its English surface forms (lowercase, singular) and Chinese forms. Text that
 * mentions any form gets the concept's token, on the document side and the query side alike.
 * The offline grader uses the same tokens to match an English answer against Chinese notes.
 *
 * This is general CS vocabulary, not a list of the seed notes' phrases; it is versioned because
 * the lexical embedder's output depends on it (see glossaryVersion).
 */
import { topicEntries } from './glossary-topics.ts';
import { normaliseText } from './tokenizer.ts';

const entries: ReadonlyArray<readonly [english: string, chinese: string]> = [
  // concurrency
  ['coroutine|goroutine|fiber', '协程'],
  ['stackful', '有栈'],
  ['stackless', '无栈'],
  ['symmetric', '对称'],
  ['asymmetric', '非对称'],
  ['suspend|yield', '挂起|让出'],
  ['resume', '恢复'],
  ['process', '进程'],
  ['thread|multithread|multithreading', '线程'],
  ['lock|mutex|mutual exclusion lock|mutex lock|acquire lock|acquire the lock|take the lock', '锁|互斥'],
  ['spinlock|spin lock', '自旋锁'],
  ['deadlock', '死锁'],
  ['semaphore', '信号量'],
  ['signal', '信号'],
  ['condition variable', '条件变量'],
  ['atomic|atomic operation', '原子'],
  ['concurrency|concurrent', '并发'],
  ['parallel|parallelism', '并行'],
  ['race condition|data race', '竞态|竞争'],
  ['scheduling|schedule|scheduler', '调度'],
  ['preemption|preemptive|preempt', '抢占'],
  ['context switch|context switching', '上下文切换'],
  ['thread pool', '线程池'],
  ['memory pool', '内存池'],
  ['memory model|memory order|relaxed|sequential consistency|sequentially consistent|acquire release|acquire-release', '内存模型|内存序|内存次序|宽松|先后一致|获取释放'],
  ['channel', '通道|管道'],
  ['pipe', '管道'],
  ['message queue|mq', '消息队列'],
  ['shared memory', '共享内存'],
  ['ipc|inter-process communication', '进程间通信|进程通信'],
  ['socket', '套接字'],
  ['producer', '生产者'],
  ['consumer', '消费者'],
  ['orphan process', '孤儿进程'],
  ['zombie process', '僵尸进程'],
  // operating systems
  ['kernel', '内核'],
  ['kernel mode|kernel space|privileged mode|supervisor mode', '内核态|特权'],
  ['user mode|user space', '用户态'],
  ['system call|syscall', '系统调用'],
  ['interrupt', '中断'],
  ['virtual memory', '虚拟内存'],
  ['physical memory', '物理内存'],
  ['paging', '分页'],
  ['page table', '页表'],
  ['page fault', '缺页'],
  ['memory', '内存'],
  ['memory leak', '内存泄漏|内存泄露'],
  ['heap', '堆'],
  ['stack', '栈'],
  ['stack frame', '栈帧'],
  ['escape analysis', '逃逸分析|内存逃逸'],
  ['garbage collection|garbage collector|gc', '垃圾回收'],
  ['tri-color marking|tricolor marking|three-color marking', '三色标记'],
  ['write barrier', '写屏障'],
  ['stop the world|stw', '暂停|停顿'],
  ['reference counting|reference count', '引用计数'],
  ['file descriptor|fd', '文件描述符'],
  ['zero copy', '零拷贝'],
  ['copy on write|cow', '写时复制'],
  ['i/o multiplexing|io multiplexing|multiplexing|multiplex', '多路复用'],
  ['blocking|block', '阻塞'],
  ['non-blocking|nonblocking', '非阻塞'],
  ['asynchronous|async', '异步'],
  ['synchronous|sync|synchronization', '同步'],
  ['cache|caching', '缓存'],
  ['cpu', '处理器'],
  ['cpu core|core count|number of cores|cores', '核心数|核数|cpu核'],
  ['multi-core|multicore|multiple cores', '多核'],
  ['cpu-bound|cpu bound|cpu-intensive|cpu intensive|compute-bound|compute-intensive', '计算密集|cpu密集|cpu 密集'],
  ['io-bound|io bound|i/o-bound|i/o bound|io-intensive|io intensive', 'io密集|i/o密集|io 密集|i/o 密集'],
  ['disk', '磁盘'],
  ['hardware', '硬件'],
  ['compile|compiler|compilation|build', '编译'],
  ['link|linker|linking', '链接'],
  ['binary|executable', '二进制|可执行文件'],
  ['source code|source', '源码|源代码'],
  ['dependency|dependencies', '依赖'],
  ['package manager', '包管理'],
  // languages
  ['interface|api', '接口'],
  ['inheritance|inherit', '继承'],
  ['polymorphism|polymorphic', '多态'],
  ['virtual function|virtual method', '虚函数'],
  ['vtable|virtual table|virtual function table', '虚函数表|虚表'],
  ['override|overriding', '重写|覆盖'],
  ['overload|overloading', '重载'],
  ['base class|parent class|superclass', '基类|父类'],
  ['derived class|subclass|child class', '派生类|子类'],
  ['pointer', '指针'],
  ['reference', '引用'],
  ['smart pointer', '智能指针'],
  ['constructor', '构造函数'],
  ['destructor', '析构函数'],
  ['template|generic|generics', '模板|泛型'],
  ['closure', '闭包'],
  ['slice', '切片'],
  ['array', '数组'],
  ['map|hashmap|hash map|hash table|mapping', '哈希表|映射'],
  ['struct', '结构体'],
  ['embedding|embedded struct', '嵌入|内嵌|组合'],
  ['method', '方法'],
  ['function', '函数'],
  ['variable', '变量'],
  ['loop|iterate|iteration|traverse|traversal', '循环|遍历'],
  ['value type', '值类型'],
  ['reference type', '引用类型'],
  ['zero value|default value', '零值|默认值'],
  ['allocate|allocation', '分配'],
  ['initialize|initialization|initialise|init', '初始化'],
  ['panic', '恐慌'],
  ['exception', '异常'],
  ['defer', '延迟调用|延迟执行'],
  ['select', '多路选择'],
  ['singleton', '单例'],
  ['observer pattern', '观察者模式'],
  ['design pattern', '设计模式'],
  // data structures and algorithms
  ['linked list|list|linked storage', '链表|链式存储'],
  ['queue', '队列'],
  ['priority queue|min heap|min-heap|max heap', '优先队列|小根堆|大根堆|最小堆'],
  ['tree', '树'],
  ['binary tree', '二叉树'],
  ['b+ tree|b+tree|btree|b-tree', 'b+树'],
  ['red-black tree|red black tree', '红黑树'],
  ['skip list|skiplist', '跳表'],
  ['hash|hashing', '哈希|散列'],
  ['consistent hashing|hash ring', '一致性哈希|哈希环|一致性hash'],
  ['virtual node', '虚拟节点'],
  ['bloom filter', '布隆过滤器'],
  ['sort|sorting', '排序'],
  ['binary search', '二分查找'],
  ['time complexity|complexity', '时间复杂度|复杂度'],
  ['timer', '定时器'],
  ['timing wheel|time wheel', '时间轮'],
  ['lru|least recently used', '最近最少使用'],
  ['lfu|least frequently used', '最不经常使用'],
  ['algorithm', '算法'],
  // networking
  ['network|networking', '网络'],
  ['handshake|three-way handshake', '握手|三次握手'],
  ['four-way handshake|connection termination|four-way wave', '四次挥手|挥手'],
  ['connection', '连接'],
  ['persistent connection|keep-alive|keepalive', '长连接|持久连接'],
  ['short connection', '短连接'],
  ['congestion control', '拥塞控制'],
  ['flow control', '流量控制'],
  ['sliding window', '滑动窗口'],
  ['retransmission|retransmit', '重传'],
  ['packet|segment', '数据包|报文'],
  ['port', '端口'],
  ['protocol', '协议'],
  ['request', '请求'],
  ['response', '响应'],
  ['browser', '浏览器'],
  ['server', '服务器|服务端'],
  ['client', '客户端'],
  ['proxy|reverse proxy', '代理|反向代理'],
  ['load balancing|load balancer', '负载均衡'],
  ['cross-origin|cors', '跨域'],
  ['half-open connection|half-open', '半连接|半开'],
  ['syn flood', 'syn洪泛|syn攻击'],
  ['attack', '攻击'],
  ['certificate', '证书'],
  ['encryption|encrypt', '加密'],
  ['decryption|decrypt', '解密'],
  ['symmetric encryption', '对称加密'],
  ['asymmetric encryption|public key|public-key encryption', '非对称加密|公钥'],
  ['authentication|login', '认证|鉴权|登录'],
  ['authorization', '授权'],
  ['session', '会话'],
  ['token', '令牌'],
  ['token bucket', '令牌桶'],
  ['leaky bucket', '漏桶'],
  ['stateless', '无状态'],
  ['stateful', '有状态'],
  ['expire|expiration|expiry|ttl', '过期|有效期'],
  ['signature', '签名'],
  ['routing|router|route', '路由'],
  ['middleware', '中间件'],
  ['domain name|dns', '域名'],
  // databases and caches
  ['database|db', '数据库'],
  ['transaction', '事务'],
  ['commit', '提交'],
  ['rollback|roll back', '回滚'],
  ['isolation level', '隔离级别'],
  ['index', '索引'],
  ['clustered index', '聚簇索引'],
  ['covering index', '覆盖索引'],
  ['inverted index', '倒排索引'],
  ['full-text index|full text search', '全文索引|全文检索'],
  ['primary key', '主键'],
  ['row lock|row-level lock', '行锁'],
  ['table lock', '表锁'],
  ['gap lock', '间隙锁'],
  ['optimistic lock|optimistic locking', '乐观锁'],
  ['pessimistic lock|pessimistic locking', '悲观锁'],
  ['distributed lock', '分布式锁'],
  ['mvcc|multi-version concurrency control', '多版本并发控制'],
  ['log', '日志'],
  ['flush|fsync|persist|flush to disk', '刷盘|落盘|持久化'],
  ['persistence|durability|persist|durable', '持久化'],
  ['replication|replica|master-slave replication|primary-replica replication', '复制|副本'],
  ['master-slave|primary-replica|leader-follower', '主从'],
  ['sharding|shard|partition', '分片|分区|分库分表'],
  ['read-write splitting', '读写分离'],
  ['slow query', '慢查询'],
  ['query', '查询'],
  // 'bufferpool': the grader reads 「buffer pool」 as one name (variant-spellings.ts).
  ['buffer pool|bufferpool', '缓冲池'],
  ['buffer', '缓冲'],
  ['prefetch|read-ahead|read ahead|readahead', '预读'],
  ['cache pollution', '缓存污染'],
  ['cache penetration', '缓存穿透'],
  ['cache breakdown|hotspot invalid|hot key|cache stampede', '缓存击穿|热点'],
  ['cache avalanche', '缓存雪崩'],
  ['cache warming|warm up|cache warm-up|preload', '缓存预热|预热'],
  ['eviction|evict', '淘汰'],
  ['single-threaded|single thread', '单线程|一个线程|单个线程'],
  ['hot data|hot key|hotspot|hot spot', '热点数据|热点'],
  ['inventory|stock', '库存'],
  ['flash sale|seckill', '秒杀'],
  ['order', '订单'],
  ['idempotent|idempotency', '幂等'],
  ['rate limiting|rate limit|throttling|throttle', '限流'],
  ['circuit breaker|circuit breaking', '熔断'],
  ['degradation|fallback|degrade', '降级'],
  ['peak shaving|load leveling', '削峰'],
  // distributed systems and cloud
  ['distributed', '分布式'],
  ['consensus', '共识'],
  ['consistency|consistent', '一致性|一致'],
  ['strong consistency|strongly consistent|linearizable|linearizability', '强一致|线性一致'],
  ['eventual consistency', '最终一致'],
  ['availability|highly available|high availability', '可用性|高可用'],
  ['partition tolerance', '分区容错'],
  ['fault tolerance|failover', '容错|故障转移'],
  ['leader', '领导者|主节点'],
  ['follower', '跟随者|从节点'],
  ['candidate', '候选者|候选人'],
  ['election|elect|leader election', '选举'],
  ['vote|voting', '投票'],
  ['heartbeat', '心跳'],
  // A majority is said as often in words as by name: 超过半数, 半数以上, 一半以上 (「赢过一半以上的节点」).
  ['majority|quorum|more than half', '多数派|过半|大多数|半数以上|一半以上|超过半数|超过一半|大于半数|大于一半|多于半数'],
  ['term', '任期'],
  ['log replication', '日志复制'],
  ['snapshot', '快照'],
  ['read index|readindex', '读索引'],
  ['lease', '租约'],
  ['read-only|read only', '只读'],
  ['node', '节点'],
  ['cluster', '集群'],
  ['service discovery|registry|service registry', '服务发现|注册中心'],
  ['microservice|microservices', '微服务'],
  ['monolith|monolithic', '单体|整体式'],
  ['container', '容器'],
  ['image|picture|photo', '图片|图像'],
  ['container image|docker image', '镜像'],
  ['pod', '容器组'],
  ['deployment|deploy', '部署'],
  ['scaling|scale out|autoscaling|scale up', '扩容|伸缩'],
  ['scheduler', '调度器'],
  ['control plane', '控制平面|控制面'],
  ['state', '状态'],
  ['close|closed', '关闭'],
  ['object storage', '对象存储'],
  ['storage', '存储'],
  ['rpc|remote procedure call', '远程过程调用'],
  ['serialization|serialize', '序列化'],
  ['deserialization|deserialize', '反序列化'],
  ['ephemeral node|ephemeral znode', '临时节点'],
  ['sequential node|sequential znode', '顺序节点|有序节点'],
  ['watch|watcher|listen|listener', '监听'],
  // products and their common abbreviations
  ['zookeeper|zk', '分布式协调'],
  ['kubernetes|k8s', '容器编排'],
  ['mysql|innodb', '关系型数据库'],
  ['golang|go', 'go语言'],
  ['jvm|java virtual machine', 'java虚拟机'],
  ['operating system|os', '操作系统'],
  ['qps|tps|queries per second', '每秒请求|每秒查询'],
  ['oom|out of memory', '内存溢出|内存不足'],
  // engineering practice
  ['performance', '性能'],
  ['bottleneck', '瓶颈'],
  ['flame graph', '火焰图'],
  ['profiling|profile', '性能分析'],
  ['benchmark|load test|stress test|pressure test', '压测|压力测试'],
  ['throughput', '吞吐|吞吐量'],
  ['latency|delay', '延迟|时延'],
  ['high concurrency', '高并发'],
  ['optimization|optimize', '优化'],
  ['overhead|cost', '开销'],
  ['regular expression|regex', '正则表达式|正则'],
  ['unit test|testing', '单元测试|测试'],
  ['debug|debugging|troubleshoot', '调试|排查'],
  ['monitoring|monitor', '监控'],
  ['logging', '日志记录'],
  ['upload', '上传'],
  ['download', '下载'],
  ['compression|compress', '压缩'],
  ['thumbnail', '缩略图'],
  ['advantage|advantages|pros', '优点|优势'],
  ['disadvantage|disadvantages|cons|drawback', '缺点|劣势'],
  ['difference|compare|comparison', '区别|对比'],
  ['fastest', '最快'],
  ['data', '数据'],
  ['exchange|communicate|communication', '通信|交换'],
  // grading vocabulary: what interview answers and data-structure notes name
  ['livelock', '活锁'],
  ['read-write lock|rwlock|rw lock', '读写锁'],
  ['lock contention', '锁竞争'],
  ['release lock|release the lock|unlock', '解锁'],
  ['thread safe|thread-safe|thread safety', '线程安全'],
  ['starvation|starve', '饥饿'],
  ['local queue|local run queue', '本地队列'],
  ['global queue|global run queue', '全局队列'],
  ['work stealing|steal', '任务窃取'],
  ['address space', '地址空间'],
  ['register', '寄存器'],
  ['isolate|isolation|isolated', '隔离'],
  ['crash', '崩溃'],
  ['destroy|destruction', '销毁'],
  ['memory alignment|alignment', '内存对齐'],
  ['mark and sweep|mark-sweep', '标记清除'],
  ['function pointer', '函数指针'],
  ['release|free', '释放'],
  ['page cache', '页缓存'],
  ['slow start', '慢启动'],
  ['congestion avoidance', '拥塞避免'],
  ['fast retransmit', '快速重传'],
  ['fast recovery', '快速恢复'],
  ['congestion window|cwnd', '拥塞窗口'],
  ['timeout|time out', '超时'],
  ['acknowledge|acknowledgement|ack', '确认'],
  ['sequence number', '序列号'],
  ['syn queue|half-open connection queue|half-open queue', '半连接队列'],
  ['accept queue', '全连接队列'],
  ['dns resolution|dns lookup', '域名解析'],
  ['attacker', '攻击者'],
  ['spoof|forge|fake', '伪造'],
  ['denial of service|dos', '拒绝服务'],
  ['cross-site scripting|xss', '跨站脚本'],
  ['cross-site request forgery|csrf', '跨站请求伪造'],
  ['defend|defense|defence|mitigate|mitigation', '防御'],
  ['lookup back to the table|table lookup', '回表'],
  ['leftmost prefix', '最左前缀'],
  ['dirty read', '脏读'],
  ['phantom read', '幻读'],
  ['non-repeatable read', '不可重复读'],
  ['crash recovery', '崩溃恢复'],
  ['hit', '命中'],
  ['miss|cache miss', '未命中'],
  ['background', '后台'],
  ['update|refresh', '更新'],
  ['concurrent requests', '并发请求'],
  ['oversell|overselling', '超卖'],
  ['retry', '重试'],
  ['ephemeral sequential node|ephemeral sequential znode', '临时顺序节点'],
  ['notify|notification', '通知'],
  ['orchestration', '编排'],
  ['vptr|virtual pointer|vtable pointer', '虚表指针'],
  ['pure virtual function', '纯虚函数'],
  ['dynamic binding|dynamic dispatch|late binding', '动态绑定'],
  ['static binding|early binding', '静态绑定'],
  ['reflection', '反射'],
  ['sequential storage|contiguous storage', '顺序存储'],
  ['head node|sentinel node|dummy node', '头节点'],
  ['predecessor|previous node', '前驱'],
  ['successor|next node', '后继'],
  ['push', '入栈|进栈|压栈'],
  ['pop', '出栈|弹出|退栈'],
  ['top of the stack|stack top', '栈顶'],
  ['enqueue', '入队|进队'],
  ['dequeue', '出队'],
  ['front of the queue|queue head', '队头|队首'],
  ['first in first out|fifo', '先进先出'],
  // Said of defers as often as of stacks: the one registered last runs first.
  ['last in first out|lifo', '后进先出|先进后出|后注册先执行|后注册的先执行|后注册的最先执行|先注册后调用|先注册后执行|先注册的后执行|最后注册的最先|后defer的先执行|先defer的后执行'],
  ['random access', '随机访问'],
  ['sequential list|array list', '顺序表'],
  ['doubly linked list', '双向链表'],
  ['search|lookup|find', '查找'],
  ['recursion|recursive', '递归'],
  ['space complexity', '空间复杂度'],
  ['insert|insertion', '插入'],
  ['delete|deletion|remove', '删除'],
  ['frequency|access count', '频率|频次'],
  ['count|counter', '计数'],
  ['decay', '衰减'],
  ['aging|ageing', '老化'],
  ['runtime|run time', '运行时'],
  ['object', '对象'],
  ['address', '地址'],
  ['offset', '偏移'],
  ['resource', '资源'],
  ['exhaust|exhausted|run out', '耗尽'],
  ['principle|mechanism', '原理'],
  ['byte order|endianness|endian', '字节序'],
  ['big endian|big-endian', '大端'],
  ['little endian|little-endian', '小端'],
  ['biased lock|biased locking', '偏向锁'],
  ['lightweight lock', '轻量级锁'],
  ['heavyweight lock', '重量级锁'],
  ['lock upgrade|lock escalation|lock inflation', '锁升级|锁膨胀'],
  ['granularity|fine-grained|coarse-grained', '粒度'],
  ['broadcast', '广播'],
  ['reliability|reliable', '可靠'],
];

export interface GlossaryConcept {
  /** Stable token for the concept, e.g. "~coroutine". */
  token: string;
  /** Space-padded, singularised word sequences, e.g. " stack frame ". */
  english: readonly string[];
  chinese: readonly string[];
}

const wordPattern = /[a-z0-9][a-z0-9+#]*/g;

/** Lowercase words, singularised, space-padded: the form both text and glossary are matched in. */
export function englishWords(text: string): string {
  return ` ${Array.from(text.matchAll(wordPattern), (match) => singular(match[0])).join(' ')} `;
}

const conceptOf = ([english, chinese]: readonly [string, string]): GlossaryConcept => {
  const englishForms = english.split('|').map((form) => normaliseText(form));
  return {
    token: `~${englishForms[0]!.replace(/[^a-z0-9+]+/g, '_')}`,
    english: englishForms.map(englishWords),
    chinese: chinese
      .split('|')
      .map((form) => normaliseText(form))
      .filter((form) => form !== ''),
  };
};

export const glossary: readonly GlossaryConcept[] = entries.map(conceptOf);

/**
 * The topic vocabulary (glossary-topics.ts) as concepts, for the grader's reading of an English answer only: the answer's
 * English words name them, and a Chinese note's point names them by its Chinese words (coverage.ts). Chinese text is never
 * given them: as concept units of every note and answer they changed which note an answer was graded against and which
 * subjects a clause was about (docs/grading.md, nineteenth session).
 */
const topicConcepts: readonly GlossaryConcept[] = topicEntries.map(conceptOf).map((concept) => ({ ...concept, chinese: concept.chinese.filter((form) => /[\u3400-\u9fff]/u.test(form)) }));
const topicConceptsByChinese: readonly GlossaryConcept[] = topicConcepts.map((concept) => ({ ...concept, english: [] }));
const topicConceptsByEnglish: readonly GlossaryConcept[] = topicConcepts.map((concept) => ({ ...concept, chinese: [] }));

/**
 * Bump when `entries` changes: embeddings built with another glossary are not comparable. 9: the majority forms added
 * without a bump (一半以上, 半数以上…) had left indexes built before them stale; tests/retrieval/index-fingerprint.test.ts now fails
 * until the version moves with the index.
 */
export const glossaryVersion = 10;

/** Crude English singular: enough to map "coroutines"/"processes"/"replicas" to the glossary. */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(?:ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * For a question asked mostly in English: the Chinese forms of the concepts it names, appended,
 * so it can match Chinese notes on their actual words ("stackless coroutine" also reads 无栈
 * 协程). Meant for queries: notes are not rewritten.
 */
export function withChineseTerms(text: string): string {
  const normalised = normaliseText(text);
  // A Chinese question with English terms mixed in (CPU, Redis) already uses the notes' words.
  if (!mostlyLatin(normalised)) return text;
  const englishText = englishWords(normalised);
  const additions: string[] = [];
  for (const concept of glossary) {
    if (concept.chinese.length === 0 || concept.chinese.some((form) => normalised.includes(form))) continue;
    if (concept.english.some((form) => englishText.includes(form))) additions.push(concept.chinese[0]!);
  }
  return additions.length ? `${text}\n${additions.join(' ')}` : text;
}

/**
 * Which concepts a text can mention at all, by the first character of each Chinese form and the
 * first word of each English form. Scanning all ~450 concepts with `includes` for every text was
 * most of the grader's time; the index narrows that to the few concepts whose forms could start
 * somewhere in the text, and the exact checks below decide as before (same tokens, same order).
 */
interface GlossaryIndex {
  byFirstCharacter: Map<string, number[]>;
  byFirstWord: Map<string, number[]>;
  /** Concepts with an English form of no words, which any text's word string could contain. */
  always: number[];
}

const glossaryIndexes = new Map<readonly GlossaryConcept[], GlossaryIndex>();

function indexGlossary(concepts: readonly GlossaryConcept[]): GlossaryIndex {
  const index: GlossaryIndex = { byFirstCharacter: new Map(), byFirstWord: new Map(), always: [] };
  const add = (map: Map<string, number[]>, key: string, position: number) => {
    const list = map.get(key) ?? [];
    if (list.at(-1) !== position) list.push(position);
    map.set(key, list);
  };
  concepts.forEach((concept, position) => {
    for (const form of concept.chinese) add(index.byFirstCharacter, String.fromCodePoint(form.codePointAt(0)!), position);
    for (const form of concept.english) {
      const first = form.trim().split(' ')[0];
      if (first) add(index.byFirstWord, first, position);
      else index.always.push(position);
    }
  });
  return index;
}

/** Positions of the concepts the index marks for a text, in glossary order. */
function candidateConcepts(normalised: string, englishText?: string, concepts: readonly GlossaryConcept[] = glossary): number[] {
  let glossaryIndex = glossaryIndexes.get(concepts);
  if (!glossaryIndex) glossaryIndexes.set(concepts, (glossaryIndex = indexGlossary(concepts)));
  const marked = new Uint8Array(concepts.length);
  for (const character of normalised) for (const position of glossaryIndex.byFirstCharacter.get(character) ?? []) marked[position] = 1;
  if (englishText !== undefined) {
    for (const position of glossaryIndex.always) marked[position] = 1;
    for (const word of englishText.split(' ')) for (const position of glossaryIndex.byFirstWord.get(word) ?? []) marked[position] = 1;
  }
  const candidates: number[] = [];
  marked.forEach((flag, position) => {
    if (flag) candidates.push(position);
  });
  return candidates;
}

/**
 * The Chinese forms of glossary concepts that occur in an already normalised text, in glossary
 * order (a form shared by two concepts appears twice), found through the same index.
 */
export function chineseFormsIn(normalised: string): string[] {
  return [...chineseFormsByConcept(normalised).values()].flat();
}

/** The Chinese forms of glossary concepts in an already normalised text, by the concept's token. */
export function chineseFormsByConcept(normalised: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const position of candidateConcepts(normalised)) {
    const concept = glossary[position]!;
    const forms = concept.chinese.filter((form) => normalised.includes(form));
    if (forms.length) found.set(concept.token, forms);
  }
  return found;
}

/** The English forms of glossary concepts in an already normalised text, by the concept's token, as written words. */
export function englishFormsByConcept(normalised: string): Map<string, string[]> {
  const englishText = englishWords(normalised);
  const found = new Map<string, string[]>();
  for (const position of candidateConcepts(normalised, englishText)) {
    const concept = glossary[position]!;
    const forms = concept.english.filter((form) => englishText.includes(form)).map((form) => form.trim());
    if (forms.length) found.set(concept.token, forms);
  }
  return found;
}

/**
 * Concept tokens for every glossary concept `text` mentions, in glossary order, each once.
 * English forms must match whole words (after singularising); Chinese forms match as substrings
 * because Chinese has no spaces and ICU may split them.
 */
export function conceptTokens(text: string): string[] {
  const normalised = normaliseText(text);
  return tokensIn(normalised, englishWords(normalised), glossary);
}

/** Topic concept tokens an English text names by their English words. */
export function topicTokensInEnglish(text: string): string[] {
  const normalised = normaliseText(text);
  return tokensIn(normalised, englishWords(normalised), topicConceptsByEnglish);
}

/** The Chinese words of the topic concepts an English text names: what its gloss adds (english-gloss.ts). */
export function topicWordsInChinese(text: string): string[] {
  const tokens = new Set(topicTokensInEnglish(text));
  return topicConcepts.flatMap((concept) => (tokens.has(concept.token) ? concept.chinese : []));
}

/**
 * Topic concept tokens of a Chinese text, named by their Chinese words: what an English answer is read against. Not one the
 * text also names in English ("SYN包" has SYN): the English word is already there to be matched, and counted twice it
 * drew answers listing TCP states to a note about SYN floods.
 */
export function topicTokensInChinese(text: string): string[] {
  const normalised = normaliseText(text);
  const namedInEnglish = new Set(topicTokensInEnglish(normalised));
  return tokensIn(normalised, '', topicConceptsByChinese).filter((token) => !namedInEnglish.has(token));
}

function tokensIn(normalised: string, englishText: string, concepts: readonly GlossaryConcept[]): string[] {
  const found: string[] = [];
  for (const position of candidateConcepts(normalised, englishText, concepts)) {
    const concept = concepts[position]!;
    const mentioned =
      concept.chinese.some((form) => normalised.includes(form)) ||
      concept.english.some((form) => englishText.includes(form));
    if (mentioned) found.push(concept.token);
  }
  return found;
}

/** Text mostly in Latin letters: a Chinese text with English terms mixed in (CPU, Redis) is not. */
function mostlyLatin(normalised: string): boolean {
  const latin = normalised.match(/[a-z]/g)?.length ?? 0;
  const han = normalised.match(/[\u3400-\u9fff]/gu)?.length ?? 0;
  return latin > 2 * han;
}
