import { describe, expect, it } from 'vitest';
import { gradeOffline } from '../../src/grading/offline-grader.ts';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';
import { choiceVerdict } from '../../src/grading/choice-verdict.ts';
import { askedPredicate, leadingYesNo, polarityAbout, polarityOfPredicate, subQuestionVerdict, yesNoSubject } from '../../src/grading/sub-question-verdict.ts';

const question = 'TCP 建立连接为什么要三次握手？UDP 有没有握手过程？';
const reference =
  'TCP 三次握手是为了确认双方的发送和接收能力都正常，并同步双方的初始序列号，防止已失效的连接请求被误当成新连接。UDP 没有握手过程，它是无连接的，直接发送数据报。';
const explanation = '三次握手是让两边都确认对方能收能发，顺便交换初始序号，旧的连接请求也不会被误认。';

const score = (answer: string) => scoreAnswer({ question, answer, references: [reference] });

describe('the subject and the yes or no of a yes/no ask inside a question', () => {
  it('takes the subject from the clause of the ask, without scene-setting words', () => {
    expect(yesNoSubject(question)).toBe('udp');
    expect(yesNoSubject('冒泡排序中关键字可能反向移动，试举例说明之。快速排序过程中有没有这种现象？')).toBe('快速排序');
    expect(yesNoSubject('在 Redis 中，事务是否支持回滚？')).toBe('事务');
    // No named subject before the ask: nothing to compare.
    expect(yesNoSubject('能否将节点从链表中删去？')).toBeUndefined();
    expect(yesNoSubject('进程和线程有什么区别？')).toBeUndefined();
    // A list marker is not part of the subject; an embedded 是否 (判断…是否, 影响…是否) is not an ask.
    expect(yesNoSubject('二、http能不能一次连接多次请求，不等后端返回')).toBe('http');
    expect(yesNoSubject('9. 判断 channel 是否已经被关闭')).toBeUndefined();
    expect(yesNoSubject('这种数据一致性的实现效果会直接影响订单是否能够成功履约。')).toBeUndefined();
  });

  it('reads the clause after the subject, and the next one when the first only sets the scene', () => {
    expect(polarityAbout('在快速排序过程中，不会出现关键字反向移动的现象。', '快速排序')).toBe('no');
    expect(polarityAbout('快速排序中也有这种现象。', '快速排序')).toBe('yes');
    expect(polarityAbout('快速排序无此现象', '快速排序')).toBe('no');
    expect(polarityAbout('快速排序不存在这种情况，划分后基准就在最终位置。', '快速排序')).toBe('no');
    // 不断 is not a negation.
    expect(polarityAbout('快速排序会不断把元素换到基准两侧。', '快速排序')).toBe('yes');
    expect(polarityAbout('冒泡排序会反向移动。', '快速排序')).toBeUndefined();
    // A part of the subject is another subject; the scene of it is not.
    expect(polarityAbout('Redis 的事务不支持回滚。', 'redis')).toBeUndefined();
    expect(polarityAbout('Redis 的事务不支持回滚，但 Redis 支持事务。', 'redis')).toBe('yes');
    expect(polarityAbout('快速排序的过程中不会出现这种现象。', '快速排序')).toBe('no');
  });

  it('agrees or disagrees only when the note and the answer both say yes or no', () => {
    expect(subQuestionVerdict(question, [reference], 'UDP 不需要握手，直接发。')).toBe('agree');
    expect(subQuestionVerdict(question, [reference], 'UDP 也有握手过程。')).toBe('disagree');
    expect(subQuestionVerdict(question, [reference], explanation)).toBeUndefined();
    expect(subQuestionVerdict('进程和线程有什么区别？', [reference], 'UDP 也有握手过程。')).toBeUndefined();
  });
});

describe('scoring the yes/no ask inside a question', () => {
  it('gives a terse answer with the right yes or no the credit of the conclusion (scored 8 before)', () => {
    const right = score(`${explanation}UDP 不需要握手，直接发。`);
    expect(right.flags).toContain('right-verdict');
    expect(right.score).toBeGreaterThanOrEqual(9);
    expect(right.score).toBeGreaterThan(score(explanation).score);
  });

  it('gives the opposite yes or no at most 1 however much of the explanation is right (scored 7.3 before)', () => {
    const wrong = score(`${explanation}UDP 也有握手过程。`);
    expect(wrong.flags).toContain('wrong-verdict');
    expect(wrong.score).toBeLessThanOrEqual(1);
    const card = gradeOffline({ question, answer: `${explanation}UDP 也有握手过程。`, references: [{ source: 'network.md', heading: 'TCP 三次握手', text: reference }] }).grade;
    expect(card.feedback).toContain('结论与笔记相反');
    expect(card.feedback).not.toContain('判断题');
  });
});

describe('a bare yes or no, and what the ask predicates', () => {
  const redoQuestion = '一个事务还没提交的时候，它的 redo log 有没有可能已经被持久化到磁盘？什么情况下会？';
  const redoNote =
    'InnoDB 有一个后台线程，每隔 1 秒轮询一次，调用 write 将 redolog buffer 中的日志写到文件系统的 page cache，然后调用 fsync 持久化到磁盘。事务执行中间过程的 redolog 都是直接写在 redolog buffer 中的，也就是说，一个没有提交的事务的 redolog，也是有可能会被后台线程一起持久化到磁盘的。';

  it('takes the subject without its pronoun, and the predicate without its modal words', () => {
    expect(yesNoSubject(redoQuestion)).toBe('redolog');
    expect(askedPredicate(redoQuestion)).toEqual(expect.arrayContaining(['持久', '磁盘']));
  });

  it('reads the note\'s yes from every clause that states the predicate, and an answer\'s opening "不可能。"', () => {
    expect(polarityOfPredicate(redoNote, askedPredicate(redoQuestion)!)).toBe('yes');
    expect(leadingYesNo('不可能。未提交事务的 redo log 只会待在 buffer 里。')).toBe('no');
    expect(leadingYesNo('会的，后台线程每秒都会刷。')).toBe('yes');
    expect(leadingYesNo('可能是后台线程吧')).toBeUndefined();
    // An English answer to the Chinese question opens the same way: a wrong "Yes." to a pipelining ask had scored 10.
    expect(leadingYesNo('No. Uncommitted redo stays in the redo log buffer.')).toBe('no');
    expect(leadingYesNo('Yes, the background thread flushes it every second.')).toBe('yes');
    expect(leadingYesNo('Nothing is flushed before commit.')).toBeUndefined();
    expect(leadingYesNo('Yesterday we saw it flushed.')).toBeUndefined();
    expect(subQuestionVerdict(redoQuestion, [redoNote], 'No. Uncommitted redo only sits in the redo log buffer; it reaches disk at commit.')).toBe('disagree');
    expect(subQuestionVerdict(redoQuestion, [redoNote], '不可能。未提交事务的 redo log 只会待在 redo log buffer 里，只有 commit 的那一刻才会写盘。')).toBe('disagree');
    expect(subQuestionVerdict(redoQuestion, [redoNote], '有可能。后台线程每秒把 redo log buffer 写到 page cache 再 fsync，会把没提交事务的日志一起持久化到磁盘。')).toBe('agree');
  });

  it('reads an opening "会。" as the answer to the first ask, not to a yes/no ask after it', () => {
    const question = '冒泡排序中有的关键字会朝与最终排序相反的方向移动吗？试举例说明。快速排序有没有这种现象？';
    const note = '在冒泡排序过程中，确实可能出现某些关键字朝着与最终排序相反的方向移动。在快速排序过程中，不会出现关键字朝着与最终排序相反的方向移动的现象。';
    expect(subQuestionVerdict(question, [note], '会。例如 [2, 9, 5, 6, 3] 一趟后 5、6 朝反方向移动了。快速排序没有这种现象。')).toBe('agree');
    expect(subQuestionVerdict(question, [note], '会。例如 [2, 9, 5, 6, 3] 一趟后 5、6 朝反方向移动了。快速排序也有这种现象。')).toBe('disagree');
    expect(subQuestionVerdict('快速排序过程中有没有这种现象？', [note], '没有。快排每次划分后元素只会靠近最终位置。')).toBe('agree');
  });

  it('reads a question ending in 吗 as a yes/no ask, and an opening "不会，" as its no, not as not knowing', () => {
    const question = '事务还没提交时，它的 redo log 有可能被持久化到磁盘吗？';
    expect(yesNoSubject(question)).toBe('redolog');
    expect(askedPredicate(question)).toEqual(expect.arrayContaining(['持久', '磁盘']));
    expect(askedPredicate('redo log 文件写满了，能直接覆盖写吗？')).toBeDefined();
    // "不会" opening an answer reads as "I can't" to the stance reader; before a 会/能 ask it is the answer's no.
    const wrong = scoreAnswer({ question, answer: '不会，redo log 只有在 commit 那一刻才写盘，没提交的一直待在 buffer 里。', references: [redoNote] });
    expect(wrong.flags).toContain('wrong-verdict');
    expect(wrong.score).toBeLessThanOrEqual(1);
    const right = scoreAnswer({ question, answer: '会，后台每秒刷盘时会一起带走', references: [redoNote] });
    expect(right.flags).toContain('right-verdict');
    expect(right.score).toBeGreaterThanOrEqual(5);
  });

  it('gives no verdict when the note says both', () => {
    expect(polarityOfPredicate('主线程不会阻塞。fork 子进程的时候主线程会阻塞。', ['主线', '线程', '阻塞'])).toBeUndefined();
  });
});

describe('a choice the question asks for ("半连接还是全连接")', () => {
  const acceptQuestion = '服务端调用 accept() 的时候，拿到的连接是处于半连接还是全连接状态？队列为空时会怎样？';
  const acceptNote = '当调用 accept() 函数时，通常是在 "全连接" 状态，也就是说，三次握手已经完成。accept() 函数会从已完成连接的队列中取出一个连接。如果已完成连接的队列为空，那么 accept() 函数会阻塞。';

  it('compares the alternative each text picks in its first clause about the asked thing', () => {
    expect(choiceVerdict(acceptQuestion, [acceptNote], 'accept 是从半连接队列里取连接的，取出来以后再回 ACK。')).toBe('disagree');
    expect(choiceVerdict(acceptQuestion, [acceptNote], 'SYN 来了先放半连接队列，握手完成后进全连接队列，accept 取的时候已经是全连接了。')).toBe('agree');
    expect(choiceVerdict(acceptQuestion, [acceptNote], 'accept 拿到的不是半连接，三次握手已经完成了。')).toBe('agree');
    expect(choiceVerdict('进程和线程有什么区别？', [acceptNote], 'accept 是从半连接队列里取的。')).toBeUndefined();
  });

  it('reads 还是 before a verb as "still", which offers no choice', () => {
    const question = '你的 web server 加了 LFU 缓存以后，后台改了文件前端还是看到旧版本，这算不算 bug？';
    const note = '我在后台更改了文件，前端访问仍然是历史的版本。但是本项目的前端并没有提供修改文件的内容的功能，因此不能算是bug';
    const answer = '大家可能觉得前端看到旧文件肯定是 bug，但严格说不算：我们前端根本不提供修改文件的功能，只有我在后台手动改才会出现。';
    expect(choiceVerdict(question, [note], answer)).toBeUndefined();
    expect(scoreAnswer({ question, answer, references: [note] }).flags).not.toContain('wrong-verdict');
  });

  it('reads a note\'s list items as sentences, and only a clause about what the ask predicates', () => {
    // corpus/cpp-backend-projects-and-internship.md, "ZK实现一致性".
    const zab = [
      '共三个阶段',
      '1. **选举leader**:因为只有leader节点处理写操作',
      '2. **数据同步**:所有follower要与leader保持数据一致性',
      '3. **请求广播**:收到写请求的时候，会将写请求广播到所有follower节点，从而尽量使得所有节点的写操作是同时处理的',
    ].join('\n');
    const asked = 'ZooKeeper 集群里，follower 能自己处理写请求吗？';
    const predicate = askedPredicate(asked);
    // Run together, item 2 reached item 3's 写请求; read alone, its 要 is about keeping in step, not handling writes; and 所有 is "all", not 有.
    expect(polarityAbout(zab, 'follower', predicate)).toBeUndefined();
    expect(polarityAbout('会将写请求广播到所有follower节点，从而尽量使得所有节点的写操作是同时处理的', 'follower', predicate)).toBeUndefined();
    // A correct 「不能」 had been failed as the wrong verdict.
    expect(subQuestionVerdict(asked, [zab], '不能，写操作只有 leader 处理，所以 ZAB 先选 leader，写请求再由它广播给 follower。')).toBeUndefined();
    expect(polarityAbout('follower 也能处理写请求。', 'follower', predicate)).toBe('yes');
    expect(polarityAbout('follower 不能处理写请求，要转给 leader。', 'follower', predicate)).toBe('no');
  });

  it('reads no choice the question sets aside with 除了', () => {
    const question = 'Go 的逃逸分析除了决定变量放栈上还是堆上，跟锁有没有关系？';
    const note = '逃逸分析的目的是决定内存分配到堆还是栈。没有发生逃逸的变量由编译器分配到栈上。同步消除：对象上有同步锁，但运行时只有一个线程访问，逃逸分析后的机器码会去掉同步锁。';
    expect(choiceVerdict(question, [note], '有关系，叫同步消除。它主要还是决定放哪：逃逸的放堆上，没逃逸的放栈上。')).toBeUndefined();
    expect(choiceVerdict('Go 的逃逸分析决定变量放栈上还是堆上？', [note], '没有逃逸的变量放在堆上。')).toBe('disagree');
  });

  it('fails the wrong pick like a wrong verdict', () => {
    const wrong = scoreAnswer({ question: acceptQuestion, answer: 'accept 是从半连接队列里取连接的，取出来以后由 accept 负责回 ACK 完成握手；队列为空时会阻塞。', references: [acceptNote] });
    expect(wrong.flags).toContain('wrong-verdict');
    expect(wrong.score).toBeLessThanOrEqual(1);
  });

  it('reads 自带 / 具备 as having, as 有 is', () => {
    const question = 'Nginx 有没有健康检查的能力？后端挂了会怎么处理？';
    const note = 'Nginx 有被动健康检查：请求失败达到 max_fails 次后，在 fail_timeout 内不再把请求转给这台后端。';
    expect(subQuestionVerdict(question, [note], 'Nginx 自带健康检查，失败次数够了就先不往那台后端转。')).toBe('agree');
    expect(subQuestionVerdict(question, [note], 'Nginx 具备健康检查，失败多了就摘掉那台后端。')).toBe('agree');
    expect(subQuestionVerdict(question, [note], 'Nginx 不具备健康检查，后端挂了请求照样转过去。')).toBe('disagree');
  });
});
