/**
 * Fixed topic taxonomy (docs/topics.md) and the rules that assign topics to an item. Heading
 * context weighs most, then the question, then the answer; an item may get several topics.
 */
import { topicIds, type TopicId } from '../core/types.ts';
import { escapeRegExp } from '../text/regexp.ts';

export const topicNames: Record<TopicId, string> = {
  go: 'Go 语言',
  cpp: 'C/C++ 语言',
  java: 'Java 语言',
  python: 'Python 语言',
  redis: 'Redis 与缓存',
  mysql: 'MySQL 与数据库',
  network: '计算机网络',
  os: '操作系统与 Linux',
  distributed: '分布式系统',
  cloud: '云原生（K8s/Docker）',
  mq: '消息队列',
  'system-design': '系统设计与架构',
  algorithms: '数据结构与算法',
  security: '安全与认证',
  blockchain: '区块链与 Web3',
  project: '项目与实习',
  behavioural: '综合与行为面',
};

/** keyword → weight. ASCII keywords match on word boundaries ("go" not in "google"). */
export const topicKeywords: Record<TopicId, Record<string, number>> = {
  go: {
    go: 3, golang: 3, goroutine: 3, gmp: 3, gin: 2, 'go-micro': 2, defer: 3, panic: 2, recover: 2,
    切片: 2, slice: 2, channel: 2, 'sync.map': 3, 'sync.mutex': 2, waitgroup: 3, 逃逸: 2,
    三色标记: 3, 写屏障: 2, gomaxprocs: 3, errgroup: 3, pprof: 2, mspan: 3, tcmalloc: 1,
    'interface{}': 2, 'for range': 2, 'for ... range': 2, singleflight: 2, 'go build': 3,
  },
  cpp: {
    'c++': 3, cpp: 3, 虚函数: 3, vtable: 3, stl: 2, 智能指针: 3, shared_ptr: 3, unique_ptr: 3,
    内存池: 2, 内存次序: 3, 内存模型: 1, muduo: 2, gdb: 2, coredump: 2, 析构: 2, 字节对齐: 2,
    folly: 2, malloc: 1, 对称协程: 2, 有栈协程: 2, 无栈协程: 2, shared_mutex: 2, wchar: 2, vcpkg: 2,
  },
  java: {
    java: 3, jvm: 3, 偏向锁: 3, 轻量级锁: 2, 重量级锁: 2, spring: 2, concurrenthashmap: 2,
    synchronized: 2, nio: 2, 垃圾回收: 1, 可达性: 2,
  },
  python: { python: 3, django: 3, flask: 3, gil: 3, pip: 1 },
  redis: {
    redis: 3, 缓存击穿: 3, 缓存穿透: 3, 缓存雪崩: 3, rdb: 3, aof: 3, bgsave: 3, zset: 3, 跳表: 2,
    memcached: 3, redlock: 3, setnx: 3, 缓存一致性: 2, 延迟双删: 3, 热点key: 2, 缓存: 1,
  },
  mysql: {
    mysql: 3, innodb: 3, 索引: 2, 'b+树': 3, redo: 3, redolog: 3, binlog: 3, undo: 2, 事务: 2,
    隔离级别: 3, sql: 2, 慢查询: 3, explain: 2, 主从复制: 2, 主从同步: 2, 主从模式: 2, 主从延迟: 2, 读写分离: 2, 'buffer pool': 3, mvcc: 3,
    行锁: 2, 行级锁: 2, 'left join': 3, 数据库: 1, 倒排索引: 1,
  },
  network: {
    tcp: 3, udp: 3, http: 2, https: 2, ssl: 2, tls: 2, 三次握手: 3, 四次挥手: 3, time_wait: 3,
    'time-wait': 3, socket: 2, 拥塞: 3, 滑动窗口: 3, websocket: 2, cookie: 1, session: 1, dns: 2,
    url: 1, syn: 2, 半连接: 2, 全连接: 2, 'keep-alive': 2, 字节序: 2, 大端: 1, 小端: 1, 状态码: 2,
    抓包: 2, 'io多路复用': 2, epoll: 2, 网络: 1, pipelining: 2, 长连接: 2, 请求行: 2, 请求头: 2, 报文: 2,
  },
  os: {
    进程: 2, 线程: 1, 操作系统: 3, 内核: 2, 内核态: 3, 用户态: 3, 管道: 2, 信号量: 2, 共享内存: 2,
    死锁: 2, 僵尸进程: 3, 孤儿进程: 3, 虚拟内存: 2, 分页: 2, 分段: 2, 页表: 2, fork: 2,
    内存管理: 2, 'io多路复用': 2, epoll: 2, select: 1, linux: 2, 上下文切换: 2, 系统调用: 3,
    文件描述符: 2, 内存泄漏: 1, 内存溢出: 1, 'cpu': 1, 协程: 1, 'ipc': 3, 调度: 1,
  },
  distributed: {
    分布式: 3, raft: 3, paxos: 3, zab: 3, zookeeper: 3, zk: 3, etcd: 2, 一致性hash: 3,
    一致性哈希: 3, 'cap': 2, 共识: 3, leader: 2, follower: 2, 脑裂: 3, 分布式锁: 3, rpc: 2,
    注册中心: 2, 服务发现: 2, mapreduce: 3, 两阶段提交: 3, '2pc': 3, ceph: 2, 强一致性: 2,
    最终一致性: 2, 选举: 2, 集群: 1, readindex: 3,
  },
  cloud: {
    k8s: 3, kubernetes: 3, docker: 3, pod: 3, kubelet: 3, 'kube-proxy': 3, apiserver: 3,
    'controller-manager': 3, operator: 2, informer: 3, istio: 3, 容器: 2, 云原生: 3, helm: 3,
    kubectl: 3, configmap: 3, dockerfile: 3, cni: 2, cri: 2, csi: 2, 'service mesh': 3,
  },
  mq: {
    消息队列: 3, mq: 3, rabbitmq: 3, kafka: 3, rocketmq: 3, amqp: 3, exchange: 1, 生产者: 2,
    消费者: 2, 削峰: 2, 'routing key': 3, 异步写入: 1,
  },
  'system-design': {
    系统设计: 3, 秒杀: 3, 高并发: 1, 架构: 2, 微服务: 2, 限流: 2, 熔断: 2, 降级: 2, 负载均衡: 1,
    设计一个: 2, 朋友圈: 2, 'qps': 1, 带宽: 2, 库存: 2, cdn: 2, 分库分表: 3, 设计模式: 3,
    观察者模式: 2, reactor: 2, 单例: 2, 扩展: 1, 'pv': 2, 场景题: 3, 直播: 2,
  },
  algorithms: {
    算法: 2, 排序: 2, 快排: 3, 堆排序: 3, 插入排序: 3, 二分: 2, 链表: 2, 红黑树: 3, 跳表: 1,
    哈希冲突: 3, topk: 3, leetcode: 3, 动态规划: 3, 贪心: 3, 复杂度: 2, 斐波那契: 3, 中位数: 2,
    螺旋矩阵: 3, n皇后: 3, 二叉: 2, lru: 2, lfu: 2, 布隆过滤器: 2, 智力题: 3, 数据结构: 2,
    hashcode: 2, 哈希: 1, 查找: 1, 有序数组: 2,
  },
  security: {
    加密: 2, 对称加密: 3, 非对称加密: 3, jwt: 3, token: 2, 鉴权: 3, 认证: 2, 攻击: 2,
    'syn flood': 3, xss: 3, csrf: 3, sql注入: 3, 盐值: 3, md5: 2, sha1: 2, 签名: 2, ddos: 3,
    校验: 1, 权限: 1,
  },
  blockchain: {
    区块链: 3, 比特币: 3, web3: 3, solana: 3, 符文: 3, mempool: 3, gas: 2, 以太坊: 3,
    智能合约: 3, 链上: 3, 全节点: 3, 去中心化: 3, 量化: 1,
  },
  project: {
    项目: 3, 实习: 3, webserver: 3, 'web server': 3, mprpc: 3, 压测: 2, 难点: 2, 线程池: 2,
    定时器: 2, 时间轮: 3, 双缓冲: 3, 火焰图: 3, 向量化: 3, udf: 3, spark: 2, gluten: 3, velox: 3,
    腾讯: 2, 你的mq: 3, 你在: 2, 你的: 1, 秒传: 3, 上传: 2, 聊天: 2, 群聊: 2, 表情包: 2,
    图片: 1, 业务: 1, 日志: 1, 爬虫: 2,
  },
  behavioural: {
    自我介绍: 3, 感触: 3, 困难: 2, 反问: 3, 为什么学: 3, 职业规划: 3, 团队: 2, 项目管理: 2,
    个人信息: 3, 体验: 2, 学习路线: 2, 导师: 2, 怎样的代码: 3, 沟通: 2, 加油: 1,
  },
};

interface CompiledKeyword {
  pattern: RegExp;
  weight: number;
}

function compile(keyword: string): RegExp {
  const escaped = escapeRegExp(keyword.toLowerCase());
  // ASCII keywords must not be glued to other ASCII letters; CJK keywords match anywhere.
  const before = /^[a-z0-9]/.test(keyword) ? '(?<![a-z])' : '';
  const after = /[a-z0-9]$/.test(keyword) ? '(?![a-z])' : '';
  return new RegExp(`${before}${escaped}${after}`, 'g');
}

const compiledKeywords: Array<[TopicId, CompiledKeyword[]]> = topicIds.map((topic) => [
  topic,
  Object.entries(topicKeywords[topic]).map(([keyword, weight]) => ({ pattern: compile(keyword), weight })),
]);

function countMatches(pattern: RegExp, text: string, cap: number): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (count < cap && pattern.exec(text) !== null) count++;
  return count;
}

/** Raw score per topic for an item; exported so callers (and tests) can inspect why. */
export function scoreTopics(input: { headingPath: string[]; question: string; answer: string }): Map<TopicId, number> {
  return scoresByPlace(input).total;
}

/** Score per topic in all of an item, and in its headings and question alone (`asked`), in one pass over the keywords. */
function scoresByPlace(input: { headingPath: string[]; question: string; answer: string }): { total: Map<TopicId, number>; asked: Map<TopicId, number> } {
  // The nearest enclosing heading says most about an item; outer ones ("面试 > 项目") less.
  const ancestors = input.headingPath.slice(0, -1);
  const nearest = (ancestors[ancestors.length - 1] ?? '').toLowerCase();
  const outer = ancestors.slice(0, -1).join(' ').toLowerCase();
  const question = input.question.toLowerCase();
  const answer = input.answer.toLowerCase();
  const total = new Map<TopicId, number>();
  const asked = new Map<TopicId, number>();
  for (const [topic, keywords] of compiledKeywords) {
    let inAsked = 0;
    let inAnswer = 0;
    for (const { pattern, weight } of keywords) {
      inAsked += weight * 3 * countMatches(pattern, nearest, 1);
      inAsked += weight * 1.5 * countMatches(pattern, outer, 1);
      inAsked += weight * 2 * countMatches(pattern, question, 2);
      inAnswer += weight * 0.5 * countMatches(pattern, answer, 4);
    }
    if (inAsked + inAnswer > 0) total.set(topic, inAsked + inAnswer);
    if (inAsked > 0) asked.set(topic, inAsked);
  }
  return { total, asked };
}

const maxTopicsPerItem = 3;

/** Technical topics whose strongest keywords (weight 3) the question itself contains. */
function namedInQuestion(question: string): Set<TopicId> {
  const lower = question.toLowerCase();
  const named = new Set<TopicId>();
  for (const [topic, keywords] of compiledKeywords) {
    if (!metaTopics.has(topic) && keywords.some(({ pattern, weight }) => weight >= 3 && countMatches(pattern, lower, 1) > 0)) named.add(topic);
  }
  return named;
}
const metaTopics = new Set<TopicId>(['project', 'behavioural']);
const minimumScore = 2;

/** Topics for one item, strongest first; empty when nothing matches (caller falls back). */
export function assignTopics(input: { headingPath: string[]; question: string; answer: string }): TopicId[] {
  const { total, asked } = scoresByPlace(input);
  const ranked = [...total.entries()].sort((a, b) => b[1] - a[1]);
  const best = ranked[0]?.[1] ?? 0;
  if (best < minimumScore) return [];
  // "项目 > 腾讯实习 > 什么是偏向锁" is about Java as much as about the internship, so technical
  // topics compete among themselves, not against the project/behavioural context.
  const bestTechnical = ranked.find(([topic]) => !metaTopics.has(topic))?.[1] ?? 0;
  // A question that names its subject ("redis中lfu和lru的实现方式") is about it, whatever its section says.
  const named = namedInQuestion(input.question);
  // What an item is about is in its question and headings; a topic only its answer's words name is kept only as its
  // strongest. A note on 分块上传与断点续传 that keeps chunk state in Redis had been drilled as 「Redis 与缓存」, and a Go
  // slice quiz with no heading in 「分布式系统」.
  return ranked
    .filter(([topic]) => asked.has(topic) || topic === ranked[0]?.[0])
    .filter(([topic, score]) => named.has(topic) || (score >= minimumScore && score >= (metaTopics.has(topic) ? best : bestTechnical) * 0.5))
    .slice(0, maxTopicsPerItem)
    .map(([topic]) => topic);
}

/** The most common first topic across a file's items, used for items nothing matched. */
export function majorityTopics(topicLists: TopicId[][]): TopicId[] {
  const counts = new Map<TopicId, number>();
  for (const topics of topicLists) {
    const first = topics[0];
    if (first) counts.set(first, (counts.get(first) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? [best[0]] : [];
}

export function isTopicId(value: string): value is TopicId {
  return (topicIds as readonly string[]).includes(value);
}
