/**
 * Sibling terms: families of CS interview terms whose members are alternatives of one kind (a TCP flag, a TCP state, an
 * isolation level…). A wrong answer often says the note's claim with one member exchanged for a sibling and the rest
 * of the clause paraphrased: "攻击者在四次挥手阶段不停地发送 FIN 包" for "攻击者会连续发送大量的SYN包", "连接卡在 TIME_WAIT 状态"
 * for "连接就会停留在'半开放'状态". Word overlap sees the same claim; knowing that FIN and SYN are two different flags
 * sees the exchange. The table is general interview knowledge, not read off any graded answer; a family is listed only
 * where naming one member for another is always a different claim (so 同步/异步 and 阻塞/非阻塞 alone, two dimensions that
 * combine, are no family, only the named IO models are; and 乐观/悲观 locks are a family apart from 共享/排他 locks).
 * Patterns leave out the compounds that are not the member (多线程, 主线程, 线程池): "Redis 主线程" names no choice
 * of thread over process, where "bgsave 在后台开一个线程" for "创建一个子进程" does. 栈/堆 is left out: an honest answer
 * sets them side by side in clauses of their own ("栈分配比堆快，…逃逸到堆上") that read as exchanges.
 */

export interface TermFamily {
  name: string;
  /** Each member: its name and the patterns (over normalised, lower-case text) that name it. */
  members: ReadonlyArray<{ name: string; patterns: readonly string[] }>;
}

/** An English word on its own: not part of a longer identifier (syn_sent is no SYN). */
const word = (text: string) => String.raw`(?<![a-z0-9_])${text}(?![a-z0-9_])`;

export const termFamilies: readonly TermFamily[] = [
  {
    name: 'tcp-flag',
    members: [
      { name: 'SYN', patterns: [word('syn')] },
      { name: 'ACK', patterns: [word('ack')] },
      { name: 'FIN', patterns: [word('fin')] },
      { name: 'RST', patterns: [word('rst')] },
    ],
  },
  {
    name: 'tcp-state',
    members: [
      { name: 'SYN_SENT', patterns: [word('syn[_-]sent')] },
      { name: 'SYN_RCVD', patterns: [word('syn[_-]rcvd'), word('syn[_-]received'), '半开放', '半连接状态'] },
      { name: 'FIN_WAIT_1', patterns: [word('fin[_-]wait[_-]?1')] },
      { name: 'FIN_WAIT_2', patterns: [word('fin[_-]wait[_-]?2')] },
      { name: 'CLOSE_WAIT', patterns: [word('close[_-]wait')] },
      { name: 'LAST_ACK', patterns: [word('last[_-]ack')] },
      { name: 'TIME_WAIT', patterns: [word('time[_-]wait')] },
    ],
  },
  {
    name: 'tcp-phase',
    members: [
      { name: '三次握手', patterns: ['三次握手', '3次握手'] },
      { name: '四次挥手', patterns: ['四次挥手', '4次挥手'] },
    ],
  },
  {
    name: 'isolation-level',
    members: [
      { name: '读未提交', patterns: ['读未提交', word('read uncommitted')] },
      { name: '读已提交', patterns: ['读已提交', '读提交', word('read committed')] },
      { name: '可重复读', patterns: ['可重复读', word('repeatable read')] },
      { name: '串行化', patterns: ['串行化', word('serializable')] },
    ],
  },
  {
    name: 'innodb-log',
    members: [
      { name: 'redo log', patterns: [word('redo\\s*log'), word('redo'), '重做日志'] },
      { name: 'undo log', patterns: [word('undo\\s*log'), word('undo'), '回滚日志'] },
      { name: 'binlog', patterns: [word('binlog'), word('bin\\s*log'), '归档日志', '二进制日志'] },
    ],
  },
  {
    name: 'redis-persistence',
    members: [
      { name: 'RDB', patterns: [word('rdb')] },
      { name: 'AOF', patterns: [word('aof')] },
    ],
  },
  {
    name: 'lock-sharing',
    members: [
      { name: '共享锁', patterns: ['共享锁', '(?<!读写)读锁', word('s\\s*锁')] },
      { name: '排他锁', patterns: ['排他锁', '独占锁', '(?<!读)写锁', word('x\\s*锁')] },
    ],
  },
  {
    name: 'lock-strategy',
    members: [
      { name: '乐观锁', patterns: ['乐观锁'] },
      { name: '悲观锁', patterns: ['悲观锁'] },
    ],
  },
  {
    name: 'epoll-mode',
    members: [
      { name: '水平触发', patterns: ['水平触发', word('lt')] },
      { name: '边缘触发', patterns: ['边缘触发', '边沿触发', word('et')] },
    ],
  },
  {
    name: 'raft-role',
    members: [
      { name: 'leader', patterns: [word('leader'), '领导者'] },
      { name: 'follower', patterns: [word('follower'), '跟随者'] },
      { name: 'candidate', patterns: [word('candidate'), '候选者', '候选人'] },
    ],
  },
  {
    name: 'gc-colour',
    members: [
      { name: '白色', patterns: ['白色'] },
      { name: '灰色', patterns: ['灰色'] },
      { name: '黑色', patterns: ['黑色'] },
    ],
  },
  {
    name: 'cache-problem',
    members: [
      { name: '缓存穿透', patterns: ['缓存穿透'] },
      { name: '缓存击穿', patterns: ['缓存击穿'] },
      { name: '缓存雪崩', patterns: ['缓存雪崩'] },
    ],
  },
  {
    name: 'cpu-mode',
    members: [
      { name: '用户态', patterns: ['用户态'] },
      { name: '内核态', patterns: ['内核态'] },
    ],
  },
  {
    name: 'lock-waiting',
    members: [
      { name: '自旋锁', patterns: ['自旋锁'] },
      { name: '互斥锁', patterns: ['互斥锁'] },
    ],
  },
  {
    name: 'k8s-component',
    members: [
      { name: 'apiserver', patterns: [word('(?:kube-)?api\\s*-?server')] },
      { name: 'etcd', patterns: [word('etcd')] },
      { name: 'scheduler', patterns: [word('(?:kube-)?scheduler')] },
      { name: 'controller-manager', patterns: [word('(?:kube-)?controller[\\s-]*manager')] },
      { name: 'kubelet', patterns: [word('kubelet')] },
      { name: 'kube-proxy', patterns: [word('kube-?proxy')] },
    ],
  },
  {
    name: 'execution-unit',
    members: [
      { name: '进程', patterns: ['(?<![多单])进程(?!池|间)'] },
      { name: '线程', patterns: ['(?<![多单主])线程(?!池|间|安全)'] },
      { name: '协程', patterns: ['(?<![多单])协程(?!池|间)'] },
    ],
  },
  {
    name: 'http-version',
    members: [
      { name: 'HTTP/1.0', patterns: [word('http\\s*/?\\s*1\\.0')] },
      { name: 'HTTP/1.1', patterns: [word('http\\s*/?\\s*1\\.1')] },
      { name: 'HTTP/2', patterns: [word('http\\s*/?\\s*2(?:\\.0)?')] },
      { name: 'HTTP/3', patterns: [word('http\\s*/?\\s*3(?:\\.0)?')] },
    ],
  },
  {
    // Ways processes talk to each other: "要通知接收进程某个事件已经发生，用的是消息队列" gives 信号's use to another way.
    name: 'ipc',
    members: [
      { name: '管道', patterns: ['(?<!命名)管道'] },
      { name: '命名管道', patterns: ['命名管道', word('fifo')] },
      { name: '消息队列', patterns: ['消息队列'] },
      { name: '共享内存', patterns: ['共享内存'] },
      { name: '信号量', patterns: ['信号量', word('semaphore')] },
      { name: '信号', patterns: ['信号(?!量)'] },
    ],
  },
  {
    name: 'io-model',
    members: [
      { name: '阻塞 IO', patterns: ['(?<![非同])阻塞\\s*i/?o', word('bio')] },
      { name: '非阻塞 IO', patterns: ['(?<!同步)非阻塞\\s*i/?o', word('nio')] },
      { name: 'IO 多路复用', patterns: ['i/?o\\s*多路复用'] },
      { name: '异步 IO', patterns: ['异步\\s*i/?o', word('aio')] },
    ],
  },
];

/** Names that hold a member's pattern without naming it: the attack is no flag, the lock is both kinds. */
const notMembers = /syn\s*flood|syn\s*cookies?|读写锁/gu;

const compiled = termFamilies.map((family) => family.members.map((member) => new RegExp(member.patterns.join('|'), 'gu')));

export interface Mention {
  family: number;
  member: number;
  /** The text that names it. */
  text: string;
  at: number;
}

/** The family members a normalised text names, in text order. */
export function familyMentions(normalised: string): Mention[] {
  const text = normalised.replace(notMembers, (found) => ' '.repeat(found.length));
  const mentions: Mention[] = [];
  compiled.forEach((members, family) =>
    members.forEach((pattern, member) => {
      for (const match of text.matchAll(pattern)) mentions.push({ family, member, text: match[0], at: match.index ?? 0 });
    }),
  );
  return mentions.sort((a, b) => a.at - b.at);
}
