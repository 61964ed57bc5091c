import { describe, expect, it } from 'vitest';
import { calibrate, defaultScoringParameters, scoreAnswer } from '../../src/grading/offline-scorer.ts';

const question = '进程和线程有什么区别？';
const reference = `- 进程是操作系统资源分配的基本单位，线程是 CPU 调度的基本单位。
- 每个进程有独立的地址空间；同一进程内的线程共享地址空间、文件描述符等资源，但各自有独立的栈和寄存器。
- 进程切换需要切换页表和地址空间，开销大；线程切换只需保存和恢复寄存器与栈，开销小。
- 进程之间相互隔离，一个进程崩溃一般不影响其他进程；一个线程崩溃可能导致整个进程退出。
- 进程间通信需要借助管道、消息队列、共享内存等机制，线程间可以直接读写共享变量，但需要加锁同步。`;

const answers = {
  paraphrase:
    '进程是分配资源的单位，而线程才是被 CPU 调度执行的单位。每个进程都有自己独立的虚拟地址空间，同一个进程里的多个线程共用这个地址空间和打开的文件，不过每个线程有自己的栈和寄存器。因为切换进程要换页表，所以代价比线程切换大得多。进程之间是隔离的，某个进程挂了不会拖垮别的进程，但线程崩溃会让整个进程退出。进程通信要用管道、消息队列或者共享内存，线程之间直接共享变量就行，只是要加锁。',
  partial: '进程是资源分配的单位，线程是调度的单位。线程切换比进程切换开销小。',
  english:
    'A process is the unit of resource allocation while a thread is the unit of CPU scheduling. Each process has its own address space; threads in the same process share the address space and file descriptors, but each thread has its own stack and registers. Switching processes means switching page tables, so a context switch between processes costs more than between threads. Processes are isolated from each other, while a crashing thread can take down the whole process. Processes communicate through pipes, message queues or shared memory; threads share memory directly but need a lock.',
  stuffing: '进程、线程、地址空间、页表、寄存器、栈、管道、消息队列、共享内存、锁、调度、资源分配。',
  offTopic: 'Redis 的持久化有 RDB 和 AOF 两种方式，RDB 定期生成快照，AOF 记录每一条写命令，重启时重放恢复数据。',
  echo: '进程和线程的区别就是进程和线程不一样，它们是有区别的。',
  dontKnow: '这个我不太清楚，没怎么接触过。',
};

const score = (answer: string, q = question, references = [reference]) => scoreAnswer({ question: q, answer, references }).score;

describe('scoreAnswer on a Chinese reference', () => {
  it('scores a correct paraphrase high and above a partial answer', () => {
    expect(score(answers.paraphrase)).toBeGreaterThanOrEqual(8);
    const partial = score(answers.partial);
    expect(partial).toBeGreaterThan(2);
    expect(partial).toBeLessThan(score(answers.paraphrase) - 2);
  });

  it('scores an English answer by its content through shared terms and the glossary', () => {
    expect(score(answers.english)).toBeGreaterThanOrEqual(6);
    expect(score(answers.english)).toBeGreaterThan(score(answers.partial));
  });

  it('scores a Chinese answer to an English note by the concepts they share', () => {
    const note = 'A deadlock happens when two or more threads each hold a lock and wait for a lock held by another thread, so none of them can proceed.';
    const deadlock = '什么是死锁？';
    expect(score('两个线程各自持有对方需要的锁并互相等待，谁也无法继续执行。', deadlock, [note])).toBeGreaterThanOrEqual(4);
    expect(score('Redis 的持久化有 RDB 和 AOF 两种方式，RDB 定期生成快照。', deadlock, [note])).toBeLessThanOrEqual(1);
  });

  it('scores an English answer that makes half the points about half', () => {
    const sentences = answers.english.split(/(?<=\.)\s+/);
    const first = score(sentences.slice(0, 1).join(' '));
    const half = score(sentences.slice(0, 2).join(' '));
    expect(first).toBeGreaterThanOrEqual(1.5);
    expect(first).toBeLessThanOrEqual(6);
    expect(half).toBeGreaterThan(first);
    expect(half).toBeLessThanOrEqual(7.5);
    expect(score(answers.english) - half).toBeGreaterThanOrEqual(2);
  });

  it('keeps "I don\'t know", empty, off-topic and question-echo answers at 0–1', () => {
    for (const answer of [answers.dontKnow, '', '   ', '不知道', "I don't know.", answers.offTopic, answers.echo]) {
      expect(score(answer), answer).toBeLessThanOrEqual(1);
    }
    expect(scoreAnswer({ question, answer: answers.dontKnow, references: [reference] }).flags).toContain('dontknow');
    expect(scoreAnswer({ question, answer: answers.offTopic, references: [reference] }).flags).toContain('offtopic');
  });

  it('does not call an answer off-topic when it talks about what the question names in its own words', () => {
    const timers = '你的 WebServer 里实现过有序链表、时间堆、时间轮三种定时器，它们有什么区别？高并发场景下你会选哪个？';
    const note = `我认为主要的区别就是在高并发场景下的更改数据结构，所需要加的锁粒度

**详细：**
**双有序链表**每次增加定时器或者给定时器延长时间需要调整链表，因此需要对整个链表进行加锁，调整的时间复杂度是O(n)，
**时间堆**也需要对整个堆进行上锁，但是其调整的时间复杂度是O(logn)，
**时间轮**定时器调整的时候不需要对整个时间轮进行上锁，仅需要锁住涉及到的槽位即可，可以精细化锁粒度。`;
    const ownWords = '三种结构在找谁先到期这件事上都没问题，不同之处主要在改动的时候得把多大一片圈起来、不让别的线程碰。排好序的双向链表，新来一个定时器，或者某个连接又活跃了要往后推超时时间，就得从头往后找插入位置，花的时间跟元素个数成正比，而且找和挪的过程中整条链都不能让别人动。小根堆把这个代价降到了对数级，但上浮下沉会牵扯整棵树，照样得把整个堆圈起来。时间轮像个钟表盘，每一格挂着这一格到期的那些定时器，改动只发生在相关的那一两格上，所以只要把那几格圈起来，其他格子别的线程照常用，并发度最高。所以请求多、连接多的时候我会用时间轮。';
    const onTopic = scoreAnswer({ question: timers, answer: ownWords, references: [note] });
    // Little of the note's wording is there, so relevance alone would call it off-topic (it says 不同之处, not 区别 or 差别, which is folded to 区别).
    expect(onTopic.relevance).toBeLessThan(defaultScoringParameters.offTopicRelevance);
    expect(onTopic.flags).not.toContain('offtopic');
    expect(scoreAnswer({ question: timers, answer: answers.offTopic, references: [note] }).flags).toContain('offtopic');
  });

  it('reads a majority said in words as the majority a terse answer names', () => {
    const question = 'ZooKeeper的leader领导选举流程是怎样的？';
    const note = '- 首先投票给自己\n- 两两PK，赢家不做操作，输家将票改投赢家\n- 如果有节点PK赢过一半以上的节点，则直接被选为leader';
    const terse = scoreAnswer({ question, answer: '先比 zxid 再比 myid，过半就当选。', references: [note] });
    // 过半 is 「一半以上」: the answer had shared no word with the note and was called off-topic.
    expect(terse.flags).not.toContain('offtopic');
    expect(terse.points.find((point) => point.spec.text.includes('一半以上'))?.coverage.found).toBeGreaterThan(0);
  });

  it('does not call an answer off the question when it opens by answering the question\'s yes/no ask in its own words', () => {
    // corpus/go-mysql-redis-ecommerce-qa.md, 「两个 interface {} 能不能比较」.
    const asked = '两个 interface{} 能不能用 == 比较？';
    const note = 'Go 语言 中的 空接口 在保存不同的值后，可以和其他 变量 一样使用 == 进行比较操作。';
    const right = scoreAnswer({ question: asked, answer: '能比较。先比动态类型，类型一样再比动态值；动态值是 map、slice 这种不可比较的类型时运行时会 panic。', references: [note] });
    // It had been told 「回答的内容和题目关系不大」.
    expect(right.flags).not.toContain('offtopic');
    expect(scoreAnswer({ question: asked, answer: '今天天气不错，我们去吃火锅吧。', references: [note] }).flags).toContain('offtopic');
    // Echoing the ask's verb alone is no answer to it.
    expect(scoreAnswer({ question: asked, answer: '能力这个东西，主要看火锅底料的配方。', references: [note] }).flags).toContain('offtopic');
  });

  it('scores a bare list of the right terms low', () => {
    const result = scoreAnswer({ question, answer: answers.stuffing, references: [reference] });
    expect(result.flags).toContain('list-of-terms');
    expect(result.score).toBeLessThanOrEqual(3);
  });

  it('scores the right terms named in a sentence but never explained low, below a partial answer', () => {
    const named = '进程和线程的区别主要就是资源分配、CPU 调度、地址空间、页表、寄存器这些东西，再加上锁和信号量，把这些弄清楚就没问题了。';
    const result = scoreAnswer({ question, answer: named, references: [reference] });
    expect(result.flags).toContain('list-of-terms');
    expect(result.score).toBeLessThanOrEqual(3);
    expect(result.score).toBeLessThan(score(answers.partial));
    const explained = '进程有独立的地址空间、页表、文件描述符，同一进程内的线程共享地址空间，但各自有独立的栈和寄存器。';
    expect(scoreAnswer({ question, answer: explained, references: [reference] }).flags).not.toContain('list-of-terms');
  });

  it('scores the verbatim note high even when the note itself is a bare list', () => {
    const strategies = 'FIFO\n\nLFU\n\nLRU\n\nTTL\n\nRandom';
    expect(score(strategies, '缓存失效策略', [strategies])).toBeGreaterThanOrEqual(9);
    const scaling = '答：1-主备 2-读写分离 3-集群 4-负载均衡 5-查询缓存 6-raid';
    const result = scoreAnswer({ question: '百万级Mysql怎么处理', answer: scaling, references: [scaling] });
    expect(result.flags).not.toContain('list-of-terms');
    expect(result.score).toBeGreaterThanOrEqual(9);
  });

  it('gives no credit for padding or repetition', () => {
    const base = score(answers.partial);
    const filler = '嗯，这个问题我觉得非常重要，在实际工作中也经常遇到，大家都应该好好掌握，面试里也很常见。';
    expect(score(answers.partial + filler.repeat(8))).toBeLessThanOrEqual(base);
    expect(score(Array(5).fill(answers.partial).join(''))).toBeLessThanOrEqual(base);
  });

  it('does not count words the question already contains', () => {
    const result = scoreAnswer({ question, answer: '进程 线程 区别', references: ['进程和线程的区别在于资源分配与调度。'] });
    expect(result.coverage).toBeLessThan(0.3);
  });

  it('lets the best of several alternative references decide, and reports it', () => {
    const other = '线程共享进程的内存，创建和切换都比进程便宜。';
    const result = scoreAnswer({ question, answer: '线程共享进程内存，所以线程的创建和切换比进程便宜。', references: [reference, other] });
    expect(result.referenceIndex).toBe(1);
    expect(result.score).toBeGreaterThan(score('线程共享进程内存，所以线程的创建和切换比进程便宜。'));
  });
});

describe('true/false questions', () => {
  const judge = '请判断以下叙述是否正确，并做出解释：栈底元素是不能删除的元素';
  const ref = '错误。栈中元素可以从栈顶开始依次出栈删除，直到最后删除栈底元素。';

  it('gives the opposite verdict at most 1 however much it shares with the note', () => {
    expect(score('正确。栈中元素只能从栈顶依次出栈删除，所以栈底元素不能删除。', judge, [ref])).toBeLessThanOrEqual(1);
  });

  it('credits the right verdict even with a short explanation', () => {
    expect(score('不正确，当上面的元素都出栈以后，栈底元素也可以被删除。', judge, [ref])).toBeGreaterThanOrEqual(6);
  });
});

describe('questions that ask for a quantity', () => {
  const count = '有n个节点并且高度为n的二叉树的个数是多少？';
  const ref = '每个分支节点都只有一个子节点，可以是左子节点也可以是右子节点。分支节点共有n-1个，因此这种树共有2^(n-1)种。';

  it('credits the note\'s result in any spelling as most of the answer', () => {
    for (const answer of ['2^(n-1)', '2的n-1次方种', 'pow(2, n-1)']) {
      const result = scoreAnswer({ question: count, answer, references: [ref] });
      expect(result.flags, answer).toContain('right-result');
      expect(result.score, answer).toBeGreaterThanOrEqual(8);
    }
  });

  it('gives a different result no such credit, and the derivation still adds to the right one', () => {
    const wrong = scoreAnswer({ question: count, answer: '每个节点只有一个孩子，所以一共有2^n-1个', references: [ref] });
    expect(wrong.flags).not.toContain('right-result');
    expect(wrong.score).toBeLessThan(6.5);
    expect(wrong.score).toBeLessThan(score('2^(n-1)', count, [ref]) - 2);
    const explained = score('除根节点外每个节点都可以是左孩子或右孩子，分支节点有n-1个，所以共有2^(n-1)种。', count, [ref]);
    expect(explained).toBeGreaterThanOrEqual(score('2^(n-1)', count, [ref]));
  });

  it('needs every result of the note, and only when the question asks for one', () => {
    const two = '在等概率下平均移动n/2个元素；在给定概率下平均移动(2n+1)/3个元素。';
    const asked = '插入一个元素平均要移动多少个元素？两种概率下各是多少？';
    expect(scoreAnswer({ question: asked, answer: 'n/2', references: [two] }).flags).not.toContain('right-result');
    expect(scoreAnswer({ question: asked, answer: 'n/2，(2*n+1)/3', references: [two] }).flags).toContain('right-result');
    const notAsked = '顺序表和链表各有什么特点？';
    const note = '顺序表支持随机访问，按下标访问为O(1)；链表插入删除方便，但查找要从头遍历，为O(n)。';
    expect(scoreAnswer({ question: notAsked, answer: 'O(1) 和 O(n)', references: [note] }).flags).not.toContain('right-result');
  });
});

describe('calibrate', () => {
  it('is monotone from 0 to 10 and reaches 10 at complete coverage', () => {
    let previous = -1;
    for (let coverage = 0; coverage <= 1.0001; coverage += 0.05) {
      const value = calibrate(coverage);
      expect(value).toBeGreaterThanOrEqual(previous);
      previous = value;
    }
    expect(calibrate(0)).toBe(0);
    expect(calibrate(1)).toBe(10);
    expect(calibrate(2)).toBe(10);
    expect(calibrate(-1)).toBe(0);
  });

  it('is graded and mildly concave: half the content earns a little over half the score', () => {
    expect(calibrate(0.5)).toBeGreaterThan(5);
    expect(calibrate(0.5)).toBeLessThan(6.5);
    expect(calibrate(0.25)).toBeGreaterThan(2);
    expect(calibrate(0.25)).toBeLessThan(4);
  });
});
