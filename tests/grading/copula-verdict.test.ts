import { describe, expect, it } from 'vitest';
import { copulaVerdict, readCopulaAsk } from '../../src/grading/copula-verdict.ts';
import { subQuestionVerdict } from '../../src/grading/sub-question-verdict.ts';
import { gradeOffline } from '../../src/grading/offline-grader.ts';

// Notes written for these tests, in the shapes interview notes take: a comparison in labelled lines, a prose sentence.
const protocols = ['TCP：面向连接，可靠传输，有拥塞控制。', 'UDP：无连接，不保证可靠，首部只有 8 字节。'].join('\n');
const maps = 'go的map并发访问是不安全的，多个协程同时读写会直接 fatal error，需要加锁或者用 sync.Map。';
const pipelining = '虽然 HTTP/1.1 规范中规定了 Pipelining，但是浏览器里 HTTP1.1 默认不开启它，因为有队头阻塞。';

describe('copula asks (X 是 Y 吗)', () => {
  it('reads what the note says of the subject on its own line, not what it says of the other thing', () => {
    const question = 'UDP 是面向连接的吗？为什么？';
    // 「面向连接」 is said on TCP's line; UDP's says its opposite.
    expect(copulaVerdict(question, [protocols], '不是，UDP 是无连接的，发之前不用握手。', 'no')).toBe('agree');
    expect(copulaVerdict(question, [protocols], '不是，UDP 是无连接的，发之前不用握手。', undefined)).toBe('agree');
    expect(copulaVerdict(question, [protocols], 'UDP 跟 TCP 一样是面向连接的，要先建连。', undefined)).toBe('disagree');
    expect(copulaVerdict(question, [protocols], '是的。', 'yes')).toBe('disagree');
  });

  it('reads a denial written inside the predicate', () => {
    const question = 'Go 的 map 是并发安全的吗？';
    expect(subQuestionVerdict(question, [maps], '不是。')).toBe('agree');
    expect(subQuestionVerdict(question, [maps], '是的，map 自带锁，可以随便并发读写。')).toBe('disagree');
    const asked = 'Pipelining 在浏览器里是默认开启的吗？';
    expect(subQuestionVerdict(asked, [pipelining], '对，默认就开着。')).toBe('disagree');
    expect(subQuestionVerdict(asked, [pipelining], '默认是关闭的，代理和队头阻塞都是问题。')).toBe('agree');
  });

  it('leaves alone what is not a plain copula ask, and notes that do not say', () => {
    // Presupposes pipelining exists; asks nothing of it.
    expect(readCopulaAsk('HTTP/1.1不是有pipelining吗，为什么浏览器默认都不开？')).toBeUndefined();
    expect(readCopulaAsk('Redis 是单线程还是多线程的吗？')).toBeUndefined();
    expect(readCopulaAsk('epoll 是什么？')).toBeUndefined();
    // How it is done is not what is asked: 「用来传数据」 asks 传数据.
    expect(readCopulaAsk('进程间通信里的信号量是用来传数据的吗？')?.predicate).toBe('传数据');
    // The note names the predicate only of TCP; nothing of QUIC.
    expect(copulaVerdict('QUIC 是面向连接的吗？', [protocols], '是的。', 'yes')).toBeUndefined();
    // 「同步锁运行」 holds 运行 and says nothing of 运行时.
    const escape = '同步消除：如果对象上有同步锁，但在运行时只有一个线程访问，逃逸分析后的机器码会去掉同步锁运行。';
    expect(copulaVerdict('逃逸分析是在运行时做的吗？', [escape], '是的。', 'yes')).toBeUndefined();
    expect(copulaVerdict('逃逸分析是在运行时做的吗？', [`${escape}\n逃逸分析在编译阶段完成。`], '是的。', 'yes')).toBe('disagree');
  });

  it('reads an A-not-A ask whose subject is a clause of its own as X 会 Y 吗', () => {
    const question = 'MySQL 执行 ALTER TABLE 加索引的时候，会不会锁表？';
    const note = 'MySQL 5.6 以后 ALTER TABLE 加索引走 Online DDL，大部分情况下不会锁表，读写可以继续。';
    expect(subQuestionVerdict(question, [note], '不会，5.6 以后是 Online DDL，加索引期间还能读写。')).toBe('agree');
    expect(subQuestionVerdict(question, [note], '会，加索引要锁整张表，期间写不进去。')).toBe('disagree');
    // Only for a subject the yes/no reader cannot name.
    expect(readCopulaAsk(question)).toBeUndefined();
    expect(readCopulaAsk(question, true)?.predicate).toBe('锁表');
  });

  it('reads what the why-heading of a note takes for granted as a line of the note', () => {
    // A note under 「redis为什么用单线程？」 explains why, and never says that it is.
    const why = ['- 简单，避免死锁、数据竞争', '- 效率高，多线程切换可能会抵消并行带来的性能提升。'].join('\n');
    const question = 'Redis 是单线程的吗？';
    expect(subQuestionVerdict(question, [why], '处理命令是单线程的，所以不用加锁。')).toBeUndefined();
    expect(subQuestionVerdict(question, [why], '处理命令是单线程的，所以不用加锁。', undefined, ['redis用单线程'])).toBe('agree');
    expect(subQuestionVerdict(question, [why], '不是，Redis 是多线程的。', undefined, ['redis用单线程'])).toBe('disagree');
    const references = [{ source: 'redis.md', heading: 'redis > redis为什么用单线程？', text: why }];
    const right = gradeOffline({ question, answer: '处理命令是单线程的，所以不用加锁，也没有线程切换的开销。', references });
    // It had scored 1.7: the answer's words are none of the note's.
    expect(right.grade.score).toBeGreaterThanOrEqual(5);
  });

  it('fails the wrong verdict and credits the right one, where both had scored alike', () => {
    const references = [{ source: 'net.md', heading: '网络 > TCP 和 UDP', text: protocols }];
    const question = 'UDP 是面向连接的吗？为什么？';
    const right = gradeOffline({ question, answer: '不是，UDP 是无连接的，不握手直接发，也不保证可靠。', references });
    const wrong = gradeOffline({ question, answer: '是的，UDP 也是面向连接的，只是不保证可靠。', references });
    expect(wrong.grade.score).toBeLessThanOrEqual(1);
    expect(right.grade.score).toBeGreaterThanOrEqual(6);
  });
});
