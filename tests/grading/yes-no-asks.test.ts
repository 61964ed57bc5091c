import { describe, expect, it } from 'vitest';
import { polarityOfPredicate, subQuestionVerdict, yesNoSubject } from '../../src/grading/sub-question-verdict.ts';

describe('yes/no asks in the other shapes candidates are asked them', () => {
  it('reads the ask of 支不支持, 算不算 and their kind', () => {
    const question = 'Memcached 支不支持数据持久化？服务器重启后数据会怎样？';
    const note = 'Memcached 不支持持久化，所有数据都存储在内存中，一旦服务器重启，所有数据都会丢失。';
    expect(yesNoSubject(question)).toBe('memcached');
    expect(subQuestionVerdict(question, [note], '不支持，数据全在内存里，重启就没了。')).toBe('agree');
    expect(subQuestionVerdict(question, [note], '支持，它会定期把数据刷到磁盘上，重启后能恢复。')).toBe('disagree');
    expect(yesNoSubject('数组的长度算不算类型的一部分？')).toBe('数组的长度');
  });

  it('takes the subject of an ask that opens its clause from the clause before', () => {
    expect(yesNoSubject('切片作为参数传进函数，会不会把底层数组也拷贝一份？')).toBe('切片作为参数传进函数');
    // A clause of its own before an ask with its own subject changes nothing.
    expect(yesNoSubject('数据量很大的时候，快速排序有没有这种现象？')).toBe('快速排序');
  });

  it('reads an ask whose subject is too long to name on what it predicates', () => {
    const question = '阻塞队列析构的时候如果还有线程等在上面，需不需要先唤醒条件变量？为什么？';
    const note = '发现是阻塞到了条件变量，它没有接受到唤醒，析构不了。最后在阻塞队列析构的时候，先唤醒条件变量。';
    expect(yesNoSubject(question)).toBeUndefined();
    expect(subQuestionVerdict(question, [note], '需要，不然等在条件变量上的线程永远醒不过来，析构就卡住了。')).toBe('agree');
    expect(subQuestionVerdict(question, [note], '不需要，析构的时候条件变量自己就释放了。')).toBe('disagree');
  });

  it('reads 对 / 不对 / 没错 opening an answer as its verdict', () => {
    const question = 'Redis 的事务支不支持回滚？';
    const note = 'Redis 的事务不支持回滚，命令出错以后已经执行的命令不会撤销。';
    expect(subQuestionVerdict(question, [note], '对，支持，出错会整体回滚。')).toBe('disagree');
    expect(subQuestionVerdict(question, [note], '不对，不支持回滚。')).toBe('agree');
  });

  it('reads no verdict off what a long subject in the ask\'s own clause leaves out', () => {
    // The note says 管道 is a 通信方式; the question asks whether any two processes can use it.
    const note = '匿名管道( pipe )：管道是一种半双工的通信方式，而且只能在具有亲缘关系的进程间使用。';
    expect(subQuestionVerdict('匿名管道算是任意两个进程之间都能用的通信方式吗？', [note], '对，算。拿到文件描述符随便两个进程都能用。')).toBeUndefined();
  });

  it('answers an ask that negates its own words the other way round', () => {
    const question = '匿名管道能不能用在两个没有亲缘关系的进程之间？';
    const note = '匿名管道( pipe )：管道是一种半双工的通信方式，数据只能单向流动，而且只能在具有亲缘关系的进程间使用。';
    expect(subQuestionVerdict(question, [note], '不能，只能在父子这种有亲缘关系的进程之间用。')).toBe('agree');
    expect(subQuestionVerdict(question, [note], '能，拿到读写两端的文件描述符就能通信，跟亲缘关系无关。')).toBe('disagree');
  });

  it('reads a negation inside what is asked as the note reads it', () => {
    // The note negates 用到 as the ask does: "No" says the memory cannot be reclaimed, as the note does.
    const question = '从大切片里截一小段长期持有，GC 能不能回收大数组里没用到的那部分内存？为什么？';
    const note = '因为底层数组还被引用着，他会导致GC无法回收未用到的大部分内存。解决方法：通过copy到新的slice来释放原始大数组的引用。';
    expect(subQuestionVerdict(question, [note], 'No, it can\'t. The small slice still references the whole array.')).toBe('agree');
    expect(subQuestionVerdict(question, [note], 'Yes, the GC frees the part outside len and cap.')).toBe('disagree');
  });

  it('reads a predicate the note states over two clauses of one sentence', () => {
    const question = '调用 accept() 拿到的连接，是不是已经完成三次握手的全连接？';
    const note = '当调用 accept() 函数时，通常是在 "全连接" 状态，也就是说，三次握手已经完成，TCP 连接已经建立。';
    expect(subQuestionVerdict(question, [note], '是的，三次握手已经完成了。')).toBe('agree');
    expect(subQuestionVerdict(question, [note], '不是，accept 拿到的还是半连接。')).toBe('disagree');
  });

  it('reads no verdict off a clause that states the predicate of another thing the sentence sets beside the subject', () => {
    const question = '协程切换需不需要在用户态和内核态之间来回切换？为什么？';
    const note = '上下文切换：协程只发生在用户态，线程需要在用户态和内核态之间进行切换。';
    // 需要…切换 is said of threads: "需要" had agreed with the note, a wrong answer scoring 9.5.
    expect(subQuestionVerdict(question, [note], '需要，协程底层还是跑在线程上，每次都要进内核。')).toBeUndefined();
    // Said of the subject, the same clause is read.
    expect(subQuestionVerdict('线程切换需不需要在用户态和内核态之间来回切换？', [note], '需要，线程切换要进内核。')).toBe('agree');
  });

  it('gives no verdict where the note says both, each under its own condition', () => {
    const note = '如果超过cap，就会创建新的底层数组，把原来的元素拷过去。没超过的话直接reslice，不会创建新数组。';
    const predicate = ['创建', '底层', '数组'];
    expect(polarityOfPredicate(note, predicate)).toBeUndefined();
    // One side alone is read.
    expect(polarityOfPredicate('如果超过cap，就会创建新的底层数组。', predicate)).toBe('yes');
  });
});

describe('a one-word ask about a subject the note names in other words', () => {
  const question = '两个 interface {} 能不能比较';
  const note = 'Go 语言中的空接口在保存不同的值后，可以和其他变量一样使用 == 进行比较操作。';

  it('reads the note\'s yes on the ask\'s word, and the answer\'s on the same word (it had scored 0)', () => {
    expect(yesNoSubject(question)).toBe('interface{}');
    expect(subQuestionVerdict(question, [note], '可以用 == 比较。')).toBe('agree');
    expect(subQuestionVerdict(question, [note], '能比较，先比动态类型，再比动态值。')).toBe('agree');
    expect(subQuestionVerdict(question, [note], '不能比较，interface 之间没法用 == 比。')).toBe('disagree');
  });

  it('leaves a note that names the subject as the question does to the subject\'s own reading', () => {
    const named = 'interface{} 的比较要看动态类型：动态类型不可比较时会 panic。';
    expect(subQuestionVerdict(question, [named], '可以用 == 比较。')).toBeUndefined();
  });

  it('reads "怎么看…有没有逃逸" as asking how to check, not whether', () => {
    expect(yesNoSubject('Go 编译器按什么来决定一个变量放栈上还是堆上？怎么看一个变量有没有逃逸？')).toBeUndefined();
  });
});
