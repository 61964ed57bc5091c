import { describe, expect, it } from 'vitest';
import { wordFeedback } from '../../src/grading/feedback.ts';
import { buildGrade } from '../../src/grading/grade-builder.ts';
import { pointTopic } from '../../src/grading/point-topics.ts';
import { evidenceClause } from '../../src/grading/evidence-clause.ts';
import { gradeOffline } from '../../src/grading/offline-grader.ts';
import { rdbNote, rdbQuestion } from './rdb-note.ts';

const reference = { source: 'redis.md', heading: 'redis > RDB', text: rdbNote };
// corpus/go-mysql-redis-ecommerce-qa.md, "RDB是怎么进行操作？" as written (image link dropped).
const corpusRdbNote = `redis 一般会有两个命令生产RDB，一个是\`save\`，另一个是\`bgsave\`，区别在于\`是否阻塞主线程\`

- save 是和操作命令在同一个线程里面，如果有大key写入RDB文件，会造成阻塞。

- bgsave是创建一个子进程来写入RDB文件，不会造成阻塞。

**RDB和everysec模式的AOF区别就是一个是全量，一个是增量**

那么在bgsave中，通过\`fork\`函数创建的子进程会和父进程共享同一片内存数据，因为在\`fork\`的时候，**子进程会复制父进程的页表数据，而这两个进程的\`页表数据一摸一样\`也就表示\`会指向同一片物理内存地址。\`** 这样是为了减少创建子进程时的性能损耗，加快子进程的创建速度，\`毕竟创建子进程的过程中，是会阻塞主线程的。\``;
// corpus/image-service-project-qa.md, "redis为什么用单线程？".
const singleThreadNote = '- 简单，避免死锁、数据竞争\n- 效率高，充分利用cpu。多线程切换可能会抵消并行带来的性能提升。\n- 每个操作都是原子性的。';
const honestRdbAnswer = 'save 在主线程里写 RDB 会阻塞；bgsave fork 子进程写，子进程复制页表共享内存，不阻塞主线程。';

/** Words that name no concept on their own: feedback that lists them is a bag of tokens. */
const bareWords = ['函数', '性能', 'key', '进程', 'rdb', '数据', '方法', '并行'];

/** The topics a sentence of the card names: "讲到了A、B。" → [A, B]. */
function topicsIn(feedback: string, lead: RegExp): string[] {
  return feedback
    .split('。')
    .map((sentence) => lead.exec(sentence)?.[1])
    .filter((list): list is string => Boolean(list))
    .flatMap((list) => list.split(/[；]|、(?![^（]*）)/u).map((topic) => topic.trim()));
}

/** The card's wording classes: no bag of tokens, no note sentence pasted, nothing both said and missed. */
function expectNaturalCard(feedback: string, note: string) {
  const said = [...topicsIn(feedback, /^讲到了(.+)$/u), ...topicsIn(feedback, /^(.+?)(?:只提了一句，没讲透|还可以再展开一点)$/u)];
  const missed = [...topicsIn(feedback, /^没讲(.+?)，这是笔记里的要点$/u), ...topicsIn(feedback, /^还可以补充(.+)$/u)];
  for (const topic of [...said, ...missed]) expect(bareWords).not.toContain(topic.toLowerCase());
  for (const topic of missed) expect(said.some((other) => other.includes(topic) || topic.includes(other))).toBe(false);
  // No whole sentence of the note is pasted into the card.
  for (const sentence of note.split(/[。\n]/u).map((line) => line.replace(/^[-*\s]+|[`*]/gu, '').trim()).filter((line) => line.length >= 20)) expect(feedback).not.toContain(sentence);
}

describe('card wording (issue 10 item 5)', () => {
  it('names each point by its subject and what it claims, from the point\'s own structure', () => {
    expect(pointTopic('save 是和操作命令在同一个线程里面，如果有大key写入RDB文件，会造成阻塞。', rdbQuestion)).toBe('save 为什么会造成阻塞：和操作命令在同一个线程里面');
    expect(pointTopic('bgsave是创建一个子进程来写入RDB文件，不会造成阻塞。', rdbQuestion)).toBe('bgsave 为什么不会造成阻塞：创建一个子进程来写入RDB文件');
    expect(pointTopic('redis 一般会有两个命令生产RDB，一个是save，另一个是bgsave，区别在于是否阻塞主线程', rdbQuestion)).toBe('区别在于是否阻塞主线程');
    expect(pointTopic('这样是为了减少创建子进程时的性能损耗，加快子进程的创建速度', rdbQuestion)).toBe('为什么这样做：减少创建子进程时的性能损耗');
    expect(pointTopic('那么在bgsave中，通过fork函数创建的子进程会和父进程共享同一片内存数据，因为在fork的时候', rdbQuestion)).toBe('子进程会和父进程共享同一片内存数据');
    expect(pointTopic('简单，避免死锁、数据竞争', 'Redis 为什么用单线程？')).toBe('简单（避免死锁、数据竞争）');
    expect(pointTopic('多线程切换可能会抵消并行带来的性能提升。', 'Redis 为什么用单线程？')).toBe('多线程切换会抵消并行带来的性能提升');
    expect(pointTopic('如果只有两次握手，已经失效的历史连接请求到达服务端时，服务端会误建立连接、浪费资源。', 'TCP 为什么三次握手')).toBe('只有两次握手会怎样：服务端会误建立连接、浪费资源');
    expect(pointTopic('引用计数：对每个对象维护一个引用计数，当引用计数为0时回收该对象。', 'GC 算法')).toBe('引用计数');
    expect(pointTopic('好处： 负载均衡：读写分离', 'MySQL 主从有什么好处？')).toBe('好处：负载均衡（读写分离）');
    expect(pointTopic('缺点：不能很好的处理循环引用', 'GC 算法')).toBe('缺点：不能很好的处理循环引用');
    expect(pointTopic('解析： golang 的 for ... range 语法中，stu 变量会被复用', '以下代码有什么问题')).not.toMatch(/解析/u);
  });

  it('words the card of an honest save/bgsave answer by concepts: no token bag, nothing said and missed', () => {
    const grade = gradeOffline({ question: `Redis 的 ${rdbQuestion}`, answer: honestRdbAnswer, references: [{ source: 'redis.md', heading: 'RDB是怎么进行操作？', text: corpusRdbNote }] }).grade;
    expectNaturalCard(grade.feedback, corpusRdbNote);
    // The issue's own example: the save point said in other words ("在主线程里写 RDB 会阻塞") earns part
    // of its weight, and the card lists it as partly made with that clause, not as missed.
    const savePoint = grade.keyPoints.find((point) => point.text.startsWith('save 是和操作命令'));
    expect(savePoint).toMatchObject({ covered: 'partial', evidence: 'save 在主线程里写 RDB 会阻塞' });
    // The point comparing RDB with AOF is named as a concept, but the question compares save with bgsave: it is not called missed.
    expect(pointTopic('RDB和everysec模式的AOF区别就是一个是全量，一个是增量', rdbQuestion)).toBe('RDB和everysec模式的AOF的区别');
    expect(grade.feedback).not.toContain('AOF');
    expect(grade.feedback).not.toMatch(/fork、函数|进程、性能/u);
  });

  it('words the single-thread card by concepts ("多线程切换会抵消并行带来的性能提升", not "并行、性能")', () => {
    const grade = gradeOffline({ question: 'Redis 为什么用单线程？', answer: 'Redis 用单线程是因为简单，避免了锁和上下文切换，效率高。', references: [{ source: 'redis.md', heading: 'redis为什么用单线程？', text: singleThreadNote }] }).grade;
    expectNaturalCard(grade.feedback, singleThreadNote);
    // "避免了锁和上下文切换" earns part of the point on thread switching; what is missed is named whole.
    expect(grade.feedback).toContain('多线程切换会抵消并行带来的性能提升只提了一句');
    expect(grade.feedback).toContain('没讲每个操作都是原子性的');
    expect(grade.feedback).not.toMatch(/并行、性能/u);
  });

  it('says a score earned by the right yes or no alone came from the conclusion, not from scattered words', () => {
    const points = [{ text: 'Etcd(可以不在master节点)：担任数据中心的角色，保存了整个群集的状态；', weight: 1, covered: 'no' as const }];
    const verdict = wordFeedback({ question: 'etcd 一定要部署在 master 节点上吗？', band: 'fair', points, flags: ['right-verdict'] });
    // It had said 「分数只来自这些零散的用词」 beside a 6 earned by 「不一定」.
    expect(verdict.feedback).toMatch(/^结论和笔记一致/u);
    expect(verdict.feedback).not.toContain('零散的用词');
    const words = wordFeedback({ question: 'etcd 一定要部署在 master 节点上吗？', band: 'weak', points, flags: [] });
    expect(words.feedback).toContain('零散的用词');
  });

  it('words the card in English when the session is in English', () => {
    const worded = wordFeedback({
      question: 'Redis 为什么用单线程？',
      band: 'fair',
      points: [
        { text: '简单，避免死锁、数据竞争', weight: 0.4, covered: 'yes' },
        { text: '每个操作都是原子性的。', weight: 0.3, covered: 'no' },
      ],
      flags: [],
      language: 'en',
    });
    expect(worded.feedback).toBe('You made some of the key points, but the answer is not complete yet. You covered 「简单（避免死锁、数据竞争）」. You did not cover 「每个操作都是原子性的」, a key point in your notes.');
    expect(worded.strengths).toEqual(['Covered: 简单（避免死锁、数据竞争）']);
  });

  it('says what was said and what the note says instead for a contradicted point', () => {
    const grade = gradeOffline({ question: rdbQuestion, answer: 'bgsave 是在主线程中写入RDB文件，会造成阻塞；save 是创建一个子进程来写入，不会造成阻塞。', references: [reference] }).grade;
    expect(grade.score).toBeLessThanOrEqual(2);
    expect(grade.feedback).toMatch(/你说「.+」，但笔记里是「.+」/u);
    expect(grade.strengths).toEqual([]);
  });

  it('quotes clauses without their punctuation, the note\'s row label or an opening connective', () => {
    const worded = wordFeedback({
      question: 'Redis 和 Memcached 有什么区别？',
      band: 'weak',
      points: [{ text: '多线程：单线程模型，无法充分利用多核 CPU', weight: 1, covered: 'no', wrong: { said: 'Redis 是多线程模型，', notes: '多线程：单线程模型，' } }],
      flags: ['contradiction'],
    });
    expect(worded.feedback).toContain('你说「Redis 是多线程模型」，但笔记里是「单线程模型」。');
    const sentence = wordFeedback({ question: 'q', band: 'weak', points: [{ text: '链接', weight: 1, covered: 'no', wrong: { said: '先链接， 然后再编译主包', notes: '链接：链接器把对象文件链接在一起' } }], flags: ['contradiction'] });
    expect(sentence.feedback).toContain('你说「先链接，然后再编译主包」，但笔记里是「链接器把对象文件链接在一起」');
    // A clause the note joined to its sentence with a connective is quoted as the claim it makes.
    const joined = wordFeedback({ question: 'q', band: 'weak', points: [{ text: '写屏障', weight: 1, covered: 'no', wrong: { said: 'STW的时间反而更长', notes: '但是可以大大减少STW的时间。' } }], flags: ['contradiction'] });
    expect(joined.feedback).toContain('你说「STW的时间反而更长」，但笔记里是「可以大大减少STW的时间」。');
  });

  it('never lists a point as half-made on a full-marks card, and praises nothing after a guard fired', () => {
    const complete = wordFeedback({ question: 'q', band: 'excellent', points: [{ text: 'bgsave 创建子进程写 RDB', weight: 1, covered: 'partial' }], flags: [] });
    expect(complete.feedback).not.toContain('没讲透');
    const offTopic = wordFeedback({ question: 'q', band: 'none', points: [{ text: 'bgsave 创建子进程写 RDB', weight: 1, covered: 'yes' }], flags: ['offtopic'] });
    expect(offTopic.strengths).toEqual([]);
    expect(offTopic.feedback).not.toContain('讲到了');
  });

  it('lists a point as covered exactly when the score counts it as made', () => {
    const grade = gradeOffline({ question: rdbQuestion, answer: 'save 在主线程里写 RDB 会阻塞；bgsave fork 子进程写，子进程复制页表共享内存，不阻塞主线程。', references: [reference] }).grade;
    expect(grade.keyPoints.some((point) => point.covered === 'yes')).toBe(true);
    expect(grade.score).toBeGreaterThanOrEqual(6);
  });
});

describe('card names', () => {
  it('names a labelled list by its subject and never names a topic as both said and missing', () => {
    expect(pointTopic('值类型分别有：int系列、float系列、bool、string、数组和结构体', 'Go 的类型')).toBe('值类型');
    const worded = wordFeedback({
      question: 'ZooKeeper 的写请求怎么同步？',
      band: 'fair',
      points: [
        { text: 'leader将日志发送给follower', weight: 0.4, covered: 'yes' },
        { text: 'follower持久化以后返回ACK给leader', weight: 0.3, covered: 'partial' },
        { text: 'leader收到半数以上的ACK以后更新内存数据', weight: 0.3, covered: 'no' },
      ],
      flags: [],
    });
    expectNaturalCard(worded.feedback, '');
    expect(worded.feedback).toContain('讲到了leader将日志发送给follower。');
  });
});

describe('score, band, lists and sentences agree', () => {
  it('does not open with "抓住了大部分要点" when no point is listed as made', () => {
    const worded = wordFeedback({
      question: 'Redis 为什么用单线程？',
      band: 'good',
      points: [
        { text: '简单，避免死锁、数据竞争', weight: 0.5, covered: 'partial' },
        { text: '效率高，充分利用cpu。', weight: 0.5, covered: 'partial' },
      ],
      flags: [],
    });
    expect(worded.feedback.startsWith('回答涉及了笔记的大部分要点，但每一点都只说了一部分。')).toBe(true);
    expect(worded.strengths).toEqual([]);
  });

  it('does not claim "大部分要点" when one point of three is made and the others only touched', () => {
    const points = [
      { text: '共三个阶段 选举leader:因为只有leader节点处理写操作', weight: 0.33, covered: 'yes' as const, evidence: '共三个阶段 选举leader :因为只有leader节点处理写操作' },
      { text: '数据同步:所有follower要与leader保持数据一致性', weight: 0.32, covered: 'partial' as const },
      { text: '请求广播:收到写请求的时候，会将写请求广播到所有follower节点', weight: 0.35, covered: 'partial' as const },
    ];
    const worded = wordFeedback({ question: 'ZooKeeper是怎么实现一致性的？', band: 'good', points, flags: [] });
    expect(worded.feedback.startsWith('回答讲清楚了其中一部分要点，其余几点只是带过。')).toBe(true);
    expect(worded.feedback).not.toContain('大部分要点');
    // The made stage is named by its label, not by the reason after it or the lead line counting the stages.
    expect(worded.feedback).toContain('讲到了选举leader。');
    // One of two made, the other not touched, is not most of them either.
    const half = wordFeedback({ question: 'Ceph存储图片有什么好处？', band: 'good', points: [{ text: '完全兼容s3和swift的restful api', weight: 0.5, covered: 'yes' as const }, { text: '存储非结构化数据，如图片、文件，且适合读多写少的场景', weight: 0.5, covered: 'no' as const }], flags: [] });
    expect(half.feedback.startsWith('回答讲清楚了一部分要点，但还有要点没讲到。')).toBe(true);
    // Two of three made is most of them.
    const most = wordFeedback({ question: 'ZooKeeper是怎么实现一致性的？', band: 'good', points: points.map((point, index) => (index === 1 ? { ...point, covered: 'yes' as const } : point)), flags: [] });
    expect(most.feedback.startsWith('回答抓住了大部分要点，思路清楚。')).toBe(true);
  });

  it('opens a card judged wrong with why, not with how few points it touched', () => {
    const worded = wordFeedback({
      question: 'ZooKeeper 的写请求是怎么同步的？',
      band: 'weak',
      points: [
        { text: 'leader将日志发送给follower', weight: 0.5, covered: 'yes' },
        { text: '半数以上follower返回ACK后，leader将commit指令发送给从节点', weight: 0.5, covered: 'no', wrong: { said: 'leader 先广播 commit，再去等 ACK', notes: '将commit指令发送给从节点' } },
      ],
      flags: ['contradiction', 'mostly-wrong'],
    });
    expect(worded.feedback.startsWith('回答里的主要说法和笔记相反，这道题按答错处理。')).toBe(true);
    expect(worded.feedback).not.toContain('只触及了很少的要点');
    expect(worded.feedback.match(/按答错处理/gu)).toHaveLength(1);
    expect(worded.feedback).toContain('你说「leader 先广播 commit，再去等 ACK」');
  });

  it('shows every point that earned score, even when a long note has more points than a card shows', () => {
    // Twelve heavy points the answer misses and one light one it half makes, as a long note's last
    // example ("例如，对于 B-tree 索引 …") answered in English: the card scored 6 beside eight ✘.
    const missed = Array.from({ length: 12 }, (_, index) => ({ text: `第${index + 1}个要点`, weight: 0.1, covered: 'no' as const }));
    const made = { text: '例如，对于 B-tree 索引，数据库系统会从树的根节点开始向下搜索，直到找到匹配的叶节点。', weight: 0.05, covered: 'partial' as const, evidence: 'B+ tree is shallow and wide' };
    const grade = buildGrade({ score: 6, points: [...missed.slice(0, 6), made, ...missed.slice(6)], flags: [], references: [], grader: 'offline', fallback: false });
    expect(grade.keyPoints).toHaveLength(8);
    expect(grade.keyPoints.filter((point) => point.covered !== 'no').map((point) => point.text)).toEqual([made.text]);
    // Still in note order.
    expect(grade.keyPoints.map((point) => point.text).indexOf(made.text)).toBe(6);
  });

  it('lists as strengths only points the lists show as made, and never a partial point as a strength', () => {
    const grade = gradeOffline({ question: 'Redis 为什么用单线程？', answer: 'Redis 用单线程是因为简单，避免了锁和上下文切换，效率高。', references: [{ source: 'redis.md', heading: 'redis为什么用单线程？', text: singleThreadNote }] }).grade;
    const made = grade.keyPoints.filter((point) => point.covered === 'yes').length;
    expect(grade.strengths.length).toBe(Math.min(3, made));
    expect(grade.strengths.every((strength) => !grade.gaps.some((gap) => gap.slice(gap.indexOf('：')) === strength.slice(strength.indexOf('：'))))).toBe(true);
  });
});

describe('evidence quotes', () => {
  it('quotes the clause of the answer that is about the point, not the window around it', () => {
    const window = 'save 在主线程里写 RDB 会阻塞； bgsave fork 子进程写， 子进程复制页表共享内存，';
    expect(evidenceClause('bgsave是创建一个子进程来写入RDB文件，不会造成阻塞。', window)).toBe('bgsave fork 子进程写');
    expect(evidenceClause('save 是和操作命令在同一个线程里面，如果有大key写入RDB文件，会造成阻塞。', window)).toBe('save 在主线程里写 RDB 会阻塞');
    // corpus/cpp-backend-projects-and-internship.md, "ZK节点数据是如何同步的": the clause led by the point's subject.
    const zk = 'follower 收到写会转给 leader。 leader 把请求作为一个 proposal 发给所有 follower； follower 先把日志持久化，';
    expect(evidenceClause('leader将日志发送给follower', zk)).toBe('leader 把请求作为一个 proposal 发给所有 follower');
  });

  it('shows each point of a graded card with its own clause and no trailing punctuation', () => {
    const grade = gradeOffline({ question: `Redis 的 ${rdbQuestion}`, answer: honestRdbAnswer, references: [{ source: 'redis.md', heading: 'RDB是怎么进行操作？', text: corpusRdbNote }] }).grade;
    const bgsave = grade.keyPoints.find((point) => point.text.startsWith('bgsave是创建一个子进程'));
    expect(bgsave?.evidence).toBe('bgsave fork 子进程写');
    for (const point of grade.keyPoints) if (point.evidence) expect(point.evidence).not.toMatch(/[，,；;、：:\s]$/u);
  });
});

describe('topics of points the notes word as definitions, introductions and lead-ins', () => {
  it('says what a definition, an introduced list and a lead-in line are about', () => {
    // corpus/image-service-project-qa.md (缓存雪崩, 缓存击穿) and go-mysql-redis-ecommerce-qa.md (raft 从 follower 读取).
    expect(pointTopic('缓存雪崩是指在缓存系统中，如果大量的数据同时过期，而查询数据量巨大，缓存系统受不了压力进而崩溃', '什么是缓存雪崩？怎么解决？')).toBe('什么是缓存雪崩');
    expect(pointTopic('解决缓存雪崩的常见策略有：设置不同的过期时间，让缓存失效的时间点尽量均匀；', '什么是缓存雪崩？怎么解决？')).toBe('解决缓存雪崩的常见策略：设置不同的过期时间');
    expect(pointTopic('Raft对只读操作的处理办法是 只读请求最终也必须依靠Leader来执行，如果是Follower接收请求的，那么必须转发。', 'raft 如何实现从 follower 读取？')).toBe('只读请求最终也必须依靠Leader来执行');
  });
});

describe('the card in the session\'s language', () => {
  it('words an English session\'s card in English, naming the points in the note\'s own words', () => {
    const grade = gradeOffline({ question: 'Redis 为什么用单线程？', answer: 'Redis is single-threaded because it is simple: no locks, no deadlocks or data races.', references: [{ source: 'redis.md', heading: 'redis为什么用单线程？', text: singleThreadNote }], language: 'en' }).grade;
    expect(grade.feedback).not.toMatch(/[讲没这是]/u);
    expect(grade.feedback).toMatch(/You did not cover 「(?:每个操作都是原子性的|多线程切换会抵消并行带来的性能提升)」/u);
    expect([...grade.strengths, ...grade.gaps].every((line) => /^(?:Covered|Not covered|Not explained fully|Said the opposite): /u.test(line))).toBe(true);
  });
});

describe('a card that scores nothing praises nothing', () => {
  it('names no strength on a 0/10 card whose wrong points outweighed what it got right', () => {
    const worded = wordFeedback({
      question: 'Redis 为什么采用单线程模型？',
      band: 'none',
      points: [
        { text: '简单，避免死锁、数据竞争', weight: 0.4, covered: 'yes' },
        { text: '每个操作都是原子性的。', weight: 0.3, covered: 'no', wrong: { said: '每个操作都不是原子性的', notes: '每个操作都是原子性的' } },
        { text: '效率高，充分利用cpu。', weight: 0.3, covered: 'no' },
      ],
      flags: ['contradiction'],
    });
    expect(worded.strengths).toEqual([]);
    expect(worded.feedback).not.toContain('讲到了');
    // What was right is not called missing either.
    expect(worded.feedback).not.toContain('没讲简单');
    expect(worded.feedback).toContain('你说「每个操作都不是原子性的」，但笔记里是「每个操作都是原子性的」。');
    // It opens with why the points it made earned nothing, not with "no point matched" beside its ✔ marks.
    expect(worded.feedback.startsWith('回答里有说法和笔记相反')).toBe(true);
    expect(worded.feedback).not.toContain('没有给出能对上笔记要点的内容');
  });

  it('still says no point matched when nothing was made, contradicted or not', () => {
    const worded = wordFeedback({
      question: 'Redis 为什么采用单线程模型？',
      band: 'none',
      points: [
        { text: '简单，避免死锁、数据竞争', weight: 0.5, covered: 'no' },
        { text: '每个操作都是原子性的。', weight: 0.5, covered: 'no', wrong: { said: '每个操作都不是原子性的', notes: '每个操作都是原子性的' } },
      ],
      flags: ['contradiction'],
    });
    expect(worded.feedback.startsWith('这次回答没有给出能对上笔记要点的内容')).toBe(true);
  });
});

describe('a swap is quoted with whom each side says it of', () => {
  it('names the bucket the answer gave the other bucket\'s behaviour to, and the bucket the note gives it', () => {
    const note = 'Q：令牌桶和漏桶的区别？\nA：令牌桶：系统按固定速率 r 往桶里放令牌，桶里最多存 b 个；请求来了拿到令牌就放行。桶里攒满令牌时，可以一下子放过最多 b 个请求，所以允许一定突发。\n漏桶：请求先进一个容量固定的队列，出口以恒定速率流出处理，队列满了就丢。不管进来多猛，出去永远是匀速，不允许突发。';
    const answer = '漏桶呢，桶里攒满令牌时可以一下子放过最多 b 个请求，所以允许一定突发。令牌桶的话，请求先进一个固定容量的队列，出口以恒定速率流出。';
    const grade = gradeOffline({ question: '令牌桶和漏桶最大的区别在哪？', answer, references: [{ source: 'limit.md', heading: '限流', text: note }] }).grade;
    expect(grade.score).toBeLessThanOrEqual(2);
    expect(grade.feedback).toMatch(/你说「漏桶[^」]*」，但笔记里是「令牌桶 /u);
  });
});
