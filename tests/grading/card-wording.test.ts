/**
 * Classes of card wording a candidate read badly, each on the corpus notes' own text: topics that were
 * asides, discourse words or fragments cut with "…", and openings that did not say why a card scored
 * what it did (issue 10 item 5).
 */
import { describe, expect, it } from 'vitest';
import { wordFeedback } from '../../src/grading/feedback.ts';
import { gradeOffline } from '../../src/grading/offline-grader.ts';
import { pointTopic } from '../../src/grading/point-topics.ts';
import { evidenceClause } from '../../src/grading/evidence-clause.ts';

// corpus/go-basics-qa.md, "说一下数组和切片的区别？" as written.
const arraysQuestion = '说一下数组和切片的区别？';
const arraysNote =
  '数组在go语言里面其实用的比较少，长度一旦定义就固定，还有go的数组是值类型，不像c语言的数组他底层是指向数组的第一个元素的指针，所以在go中赋值或者传参还会整体拷贝，效率和灵活性都不高；而切片就用的多了，他是动态数组，本质上切片是一个三元组，指针指向底层数组，当前数组长度len,容量cap,他是引用语义，传参不会复制底层数组，而且还能按需扩容，在cap不够用时，他会通过append函数进行追加。';
const arrayPoint = arraysNote.slice(0, arraysNote.indexOf('；') + 1);
const slicePoint = arraysNote.slice(arraysNote.indexOf('；') + 1);

describe('point topics name the claim, not an aside about it', () => {
  it('skips an aside on how much something is used and carries its subject to the claim', () => {
    expect(pointTopic(arrayPoint, arraysQuestion)).toBe('数组长度一旦定义就固定');
    expect(pointTopic(slicePoint, arraysQuestion)).toBe('切片是动态数组');
  });

  it('skips a pointer back at the note and a bracketed aside with commas in it', () => {
    const lru = 'lru没有采用上面描述的（用链表管理缓存占用内存空间，链表操作费时），是对结构体对象中加了一个时间字段，来记录最近访问的时间';
    // Was 「lru没有采用上面描述的」, then 「LRU链表操作费时做什么：…」 with the bracket's half read as a clause.
    expect(pointTopic(lru, 'Redis中LFU和LRU是怎么实现的？')).toBe('LRU是对结构体对象中加了一个时间字段');
  });

  it('names the body of a label that only says what kind of point it is ("工作原理：", "核心思想：")', () => {
    // Was 「没讲…；工作原理，这是笔记里的要点」.
    expect(pointTopic('工作原理：主服务器执行所有写操作，并记录这些操作在二进制日志中。', 'MySQL 主从模式是什么？')).toBe('工作原理：主服务器执行所有写操作');
  });

  it('leaves no space where a modifier was cut off the front', () => {
    expect(pointTopic('datafusion blaze 用自己的 protobuf 描述算子而不是社区通用的 substrait，容易与社区脱节，不易维护。', '除了 Gluten、Velox，业界还有哪些方案？')).toBe('protobuf 描述算子而不是社区通用的 substrait');
  });

  it('names the claim, not where the author saw it ("根据运行结果我们可以看出", "由此可见")', () => {
    expect(pointTopic('根据运行结果我们可以看出，一个nil的map可以读数据，但是不可以写入数据，否则会发生panic', 'nil map 能读写吗？')).toBe('一个nil的map可以读数据');
    expect(pointTopic('由此可见，bgsave 不会阻塞主线程', 'bgsave 会阻塞吗？')).toBe('bgsave 不会阻塞主线程');
  });

  it('does not read one property in a list as the effect of the first clause', () => {
    // Was "切片 为什么还能按需扩容：就用的多了": the slice's growth is not caused by how much it is used.
    expect(pointTopic(slicePoint, arraysQuestion)).not.toContain('为什么');
  });
});

describe('point topics without discourse words, examples and lead-ins', () => {
  // corpus/image-service-project-qa.md, 多进程/多线程/多协程 and 线程和协程的上下文切换.
  it('drops 然而, 相比之下 and 例如 instead of naming them with the next clause in brackets', () => {
    const question = '多进程、多线程、多协程的区别？';
    expect(pointTopic('然而，多线程需要处理好数据同步和锁的问题，否则可能会出现数据竞争和死锁。', question)).toBe('多线程需要处理好数据同步和锁的问题');
    expect(pointTopic('相比之下，协程的调度由应用程序进行，它通常只需要一个简单的调度算法', question)).toBe('协程的调度由应用程序进行');
    for (const topic of [
      pointTopic('例如，对于 B-tree 索引，数据库系统会从树的根节点开始，沿着树的路径向下搜索，直到找到匹配的叶节点。', '索引有什么用？索引流程'),
      pointTopic('然而，进程的创建和切换成本较高，且进程间通信(IPC)复杂。', question),
    ]) {
      expect(topic).not.toMatch(/^(?:例如|然而|相比之下)|（/u);
    }
  });

  it('drops a restatement\'s marker used as a label ("意思是说：", "也就是说：") instead of naming the point by it', () => {
    const question = '一个 TCP 连接中 HTTP 请求发送可以一起发送么？';
    expect(pointTopic('意思是说：两个请求的生命周期不能重叠，任意两个 HTTP 请求的时间在同一个 TCP 连接里不能重叠。', question)).toBe('两个请求的生命周期不能重叠');
    expect(pointTopic('也就是说：服务端必须按收到请求的顺序返回响应。', question)).not.toMatch(/^也就是说/u);
  });

  it('names a lead-in by what it introduces: its own subject, or the claim after an empty one', () => {
    // corpus/image-service-project-qa.md (倒排索引) and go-mysql-redis-ecommerce-qa.md (GC 触发).
    expect(pointTopic('倒排索引的主要思想是，对于每一个唯一的词，都有一个列表，列表中包含了包含这个词的所有文档。', '数据库存整本红楼梦，搜林黛玉，数据库怎么查？')).toBe('倒排索引的主要思想');
    const gc = pointTopic('官方的解释是，如果当前使用了 4M 内存，那么下次 GC 将会在内存达到 8M 的时候。', 'golang gc 什么时候触发？');
    expect(gc).not.toContain('官方的解释');
    expect(gc).toContain('8M');
  });

  it('cuts a long list after a whole item, not inside a word with "…"', () => {
    // corpus/os-network-k8s-microservices.md, 消息队列.
    const topic = pointTopic('消息队列克服了信号传递信息少、管道只能承载无格式字节流以及缓冲区大小受限等缺点。', '进程通信方法');
    expect(topic).toBe('消息队列克服了信号传递信息少等缺点');
    expect(topic).not.toContain('…');
  });

  it('names a label that repeats the question by its body, and drops list markers and glosses', () => {
    // corpus/os-network-k8s-microservices.md (消息队列, 无栈协程) and go-basics-qa.md (go select).
    expect(pointTopic('消息队列( message queue ) ： 消息队列是由消息的链表，存放在内核中并由消息队列标识符标识。', '说说你对消息队列通信的了解。')).toBe('消息队列是由消息的链表');
    expect(pointTopic('A. select机制用来处理异步IO问题', '介绍一下go select。')).toBe('select机制用来处理异步IO问题');
    expect(pointTopic('最大的区别就是是否可以在协程中调用的函数中挂起协程', '无栈协程和有栈协程的区别？')).toBe('区别在于是否可以在协程中调用的函数中挂起协程');
    // A label that is one of the things the question contrasts still names its point.
    // A body that only says when ("在选择了索引后") is no meaning for the label. corpus/image-service-project-qa.md, 索引流程.
    expect(pointTopic('读取索引：在选择了索引后，数据库系统会读取索引的数据。', '索引有什么用？索引流程')).toBe('读取索引');
    expect(pointTopic('多线程：线程是进程内的执行单元，同一进程内的线程共享内存空间', '多进程、多线程、多协程的区别？')).toBe('多线程');
  });

  it('names a point that is only the heading\'s ask by what it asks about', () => {
    expect(pointTopic('说说你对消息队列通信的了解', '进程通信方法')).toBe('消息队列通信');
    expect(pointTopic('步骤如下： - 父进程创建管道，得到两个文件描述符指向管道的两端', '进程通信方法')).toBe('步骤：父进程创建管道');
  });
});

describe('topics and quotes without the pieces a clause split leaves', () => {
  it('keeps no half of a bracket and no half of a connective', () => {
    // corpus/cpp-backend-projects-and-internship.md (raft) and go-mysql-redis-ecommerce-qa.md (GMP).
    expect(pointTopic('Raft算法是一种共识算法(做冗余实现高可用的，用于管理复制日志', '什么是raft算法')).toBe('Raft算法是一种共识算法');
    expect(pointTopic('这时候 M（系统线程）就会被会重新放内核队列中，等待新的一轮唤醒。', 'GMP 模型，为什么要有 P？')).not.toMatch(/^候/u);
  });

  it('quotes the clause about the point, not one that only shares its subject', () => {
    // corpus/cpp-backend-projects-and-internship.md, "为什么ZK可以用来做注册中心".
    expect(evidenceClause('ZK的watch机制可以做服务发现', 'zk 有临时节点，服务挂了 session 断了节点就删了，然后 watch 机制能通知消费者。')).toBe('然后 watch 机制能通知消费者');
  });
});

describe('the opening says why the card scored what it did', () => {
  it('says a score from shared words alone made no point, and names one point to start from', () => {
    const grade = gradeOffline({
      question: arraysQuestion,
      answer: '嗯，数组和切片嘛，都是go里面的东西，我觉得切片用得多一点吧。',
      references: [{ source: 'go-basics-qa.md', heading: '说一下数组和切片的区别？', text: arraysNote }],
    }).grade;
    expect(grade.score).toBeGreaterThan(0);
    expect(grade.keyPoints.every((point) => point.covered === 'no')).toBe(true);
    expect(grade.feedback.startsWith('回答用到了这道题的一些词，但没有一条能和笔记里的要点对上')).toBe(true);
    // One point to start from, not a list of everything missed, and no claim of points touched.
    expect(grade.feedback).not.toContain('没讲');
    expect(grade.feedback).not.toContain('触及');
    expect(grade.feedback.match(/讲起/gu)).toHaveLength(1);
  });

  it('tells an English answer to a Chinese note scored low that other words may not have matched', () => {
    const worded = wordFeedback({
      question: arraysQuestion,
      band: 'weak',
      points: [
        { text: arrayPoint, weight: 0.5, covered: 'no' },
        { text: slicePoint, weight: 0.5, covered: 'partial', evidence: 'slices are a view over an array with len and cap' },
      ],
      flags: [],
    });
    expect(worded.feedback).toContain('你用英文作答');
    expect(worded.feedback).not.toContain('离笔记里的答案还有明显差距');
    // A Chinese answer with the same coverage is told nothing about languages.
    const chinese = wordFeedback({ question: arraysQuestion, band: 'weak', points: [{ text: arrayPoint, weight: 0.5, covered: 'no' }, { text: slicePoint, weight: 0.5, covered: 'partial', evidence: '切片是引用底层数组的结构' }], flags: [] });
    expect(chinese.feedback).not.toContain('英文');
    // Matched on nothing at all, it still says why the card is low and that other words may be why.
    const nothing = wordFeedback({ question: arraysQuestion, band: 'weak', points: [{ text: arrayPoint, weight: 0.5, covered: 'no', evidence: 'arrays are values and slices are views' }, { text: slicePoint, weight: 0.5, covered: 'no' }], flags: [] });
    expect(nothing.feedback).toMatch(/^回答用到了这道题的一些词.*你用英文作答/u);
  });

  it('does not call an answer in the note\'s own English words English, however many points quote it', () => {
    // corpus/image-service-project-qa.md, the table of picture metadata; one quote under three points had read as 30 English letters.
    const fields = ['id（primary key）', '图片哈希值（unique key）', '状态（可用/删除）（key）'];
    const worded = wordFeedback({ question: '说说存放图片元信息的表。', band: 'fair', points: fields.map((text) => ({ text, weight: 1 / 3, covered: 'partial' as const, evidence: 'id（primary key） unique key key' })), flags: [] });
    expect(worded.feedback).not.toContain('英文');
  });

  it('lists a point as partly made once it earns a quarter of its weight, so a 6/10 card does not show every point missed', () => {
    const lruNote = 'lru是根据最近访问时间来进行缓存置换的，访问缓存后就将其放置到链表的头部，不是最近使用的就慢慢的调整到了尾部，优先置换尾部\n**实现**hash表记录key节点映射';
    const grade = gradeOffline({ question: 'lfu和lru的区别？', answer: 'lru 是根据最近访问时间来淘汰，lfu 根据访问频率来淘汰，lfu 要维护每个 key 的访问次数。', references: [{ source: 'cpp.md', heading: 'lru介绍', text: lruNote }] }).grade;
    expect(grade.score).toBeGreaterThan(5);
    expect(grade.keyPoints.find((point) => point.text.startsWith('lru是根据'))).toMatchObject({ covered: 'partial', evidence: 'lru 是根据最近访问时间来淘汰' });
    expect(grade.feedback).not.toContain('没有一条能和笔记里的要点对上');
  });

  it('says the same in an English session, in English', () => {
    // A score above nothing with no point even partly made (each earned under a quarter of its weight).
    const worded = wordFeedback({
      question: arraysQuestion,
      band: 'weak',
      points: [
        { text: arrayPoint, weight: 0.5, covered: 'no' },
        { text: slicePoint, weight: 0.5, covered: 'no' },
      ],
      flags: [],
      language: 'en',
    });
    expect(worded.feedback.startsWith('The answer uses some of the words of this topic but makes none of the key points')).toBe(true);
    expect(worded.feedback).not.toMatch(/You did not cover|没讲/u);
  });

  it('does not call a low-scoring answer far from the notes: it says how little could be matched', () => {
    const worded = wordFeedback({ question: arraysQuestion, band: 'weak', points: [{ text: arrayPoint, weight: 0.5, covered: 'no' }, { text: slicePoint, weight: 0.5, covered: 'partial', evidence: '切片是引用底层数组的结构' }], flags: [] });
    expect(worded.feedback.startsWith('回答里能和笔记要点对上的内容不多。')).toBe(true);
    expect(worded.feedback).not.toContain('差距');
  });
});

describe('point topics of goals and conditions', () => {
  it('names a point that opens on a goal by how to reach it, not as the reason for what came before', () => {
    // Was "为什么这样做：防御SYN Flood攻击" for the note's list of defences.
    expect(pointTopic('为了防御SYN Flood攻击，有一些方法可以使用，例如限制来自同一源IP的SYN包的数量，或者使用SYN cookies等技术。', 'SYN Flood 攻击的原理是什么？怎么防御？')).toBe('怎么防御SYN Flood攻击');
    expect(pointTopic('这样是为了减少创建子进程时的性能损耗，加快子进程的创建速度', 'save 和 bgsave 有什么区别？')).toBe('为什么这样做：减少创建子进程时的性能损耗');
  });

  it('reads "X，那么Y" as a condition, and names a condition that leans on the point before it by its outcome', () => {
    const question = '切片 append 的时候容量不够了是怎么扩容的？';
    expect(pointTopic('在现用数组长度+新增元素<=总容量，那么内部直接relice不会创建新数组；', question)).toBe('现用数组长度+新增元素<=总容量会怎样：内部直接relice不会创建新数组');
    // Was "大于会怎样：会创建一个是原来2倍大小的数组": "大于" names nothing on its own.
    expect(pointTopic('要是大于，那么说明底层数组不够用了，一般会创建一个是原来2倍大小的数组，然后把元数组的内容复制', question)).toBe('创建一个是原来2倍大小的数组');
  });
});

describe('point topics that judge, lead in, or carry markup', () => {
  const question = 'Go 里 new 和 make 有什么区别？';
  it('names a judgement by what it judges ("具有使用范围的局限性（仅支持…）", not "具有使用范围的局限性")', () => {
    expect(pointTopic('具有使用范围的局限性，仅支持 channel、map、slice 三种类型。', question)).toBe('具有使用范围的局限性（仅支持 channel、map、slice 三种类型）');
  });

  it('drops the lead-in "本质上在于" and a leading "就" of an outcome', () => {
    expect(pointTopic('本质上在于 make 函数在初始化时，会初始化 slice、chan、map 类型的内部数据结构，new 函数并不会。', question)).not.toMatch(/^在于/u);
    expect(pointTopic('查看自己的节点是不是第一个节点，如果是第一个节点，那么就上锁成功', '怎么用 ZooKeeper 实现分布式锁？')).not.toMatch(/：就/u);
  });

  it('names a defined term without the quotes around it ("什么是半连接", not "什么是半连接\"")', () => {
    expect(pointTopic('"半连接"（Half-Open Connection）是指 TCP 连接中的一种特殊状态。', '说说 TCP 的半连接。')).toBe('什么是半连接');
  });

  it('keeps the 如果 of a condition without its subject ("如果是第一个节点，获得锁", not "是第一个节点会怎样：…")', () => {
    expect(pointTopic('如果是第一个节点，就获得锁，通知客户端上锁成功。', '怎么用 ZooKeeper 实现分布式锁？')).toBe('如果是第一个节点，获得锁');
  });

  it('shows no backtick left over from a code fence opened inside a list item', () => {
    const note = '更进一步的区别：\n\n- ```\n  make\n  ```\n\n  - 能够创建类型所需的内存空间，返回引用类型的本身。\n  - 具有使用范围的局限性，仅支持 channel、map、slice 三种类型。';
    const grade = gradeOffline({ question, answer: 'make 只能用于 channel、map、slice。', references: [{ source: 'go.md', heading: 'make', text: note }] }).grade;
    for (const point of grade.keyPoints) expect(point.text).not.toContain('`');
    expect(grade.feedback).not.toContain('`');
  });
});

describe('a point that only restates the question', () => {
  const references = [{ source: 'n.md', heading: 'etcd', text: 'etcd 使用 Raft 协议的\nRaft 协议通过多数派复制日志，保证已提交的数据不会丢' }];
  const question = '说说 etcd 的 Raft 协议。';

  it('is neither listed nor named as missed, to a candidate who said just that', () => {
    const grade = gradeOffline({ question, answer: 'etcd 使用 Raft 协议的', references }).grade;
    expect(grade.keyPoints.map((point) => point.text)).toEqual(['Raft 协议通过多数派复制日志，保证已提交的数据不会丢']);
    expect(grade.feedback).not.toContain('etcd 使用 Raft 协议');
  });

  it('is shown when no point says more, so the card still has its point', () => {
    const grade = gradeOffline({ question, answer: '不知道', references: [{ source: 'n.md', heading: 'etcd', text: 'etcd 使用 Raft 协议的' }] }).grade;
    expect(grade.keyPoints).toHaveLength(1);
  });
});

describe('a clause quoted for the point it makes', () => {
  it('is not quoted again as evidence of a point it only touches', () => {
    const text = 'ZK实现一致性共三个阶段：\n- 选举leader:因为只有leader节点处理写操作\n- 数据同步:所有follower要与leader保持数据一致性\n- 请求广播:收到写请求的时候，会将写请求广播到所有follower节点，从而尽量使得所有节点的写操作是同时处理的';
    const grade = gradeOffline({ question: 'ZooKeeper是怎么实现一致性的？', answer: '共三个阶段 选举leader :因为只有leader节点处理写操作', references: [{ source: 'n.md', heading: 'ZK实现一致性', text }] }).grade;
    const made = grade.keyPoints.find((point) => point.covered === 'yes');
    expect(made?.evidence).toContain('选举leader');
    const touched = grade.keyPoints.filter((point) => point.covered === 'partial');
    expect(touched.length).toBeGreaterThan(0);
    for (const point of touched) expect(point.evidence, point.text).not.toBe(made?.evidence);
  });
});
