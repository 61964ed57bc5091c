import { describe, expect, it } from 'vitest';
import { focusOn } from '../../src/grading/section-focus.ts';
import { readStances, withoutRetractions } from '../../src/grading/answer-signals.ts';
import { coverPoint, viewAnswer } from '../../src/grading/coverage.ts';
import { saysInChinese, withChineseGloss } from '../../src/grading/english-gloss.ts';
import { extractAllKeyPoints } from '../../src/grading/key-points.ts';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';
import { profileText, stemWord } from '../../src/grading/text-analysis.ts';

describe('a note of labelled parts: a short label on a line of its own, then what it is about (note-blocks.ts)', () => {
  const note = `网关的组成：

Router：
 按路径和请求头把请求匹配到上游服务，匹配不上就返回 404，规则变更后热加载不用重启。

RateLimiter：
 按用户和接口维度做令牌桶限流，超过配额的请求直接拒绝并返回 429，配额保存在 Redis 里。

Auditor：
 把每个请求的调用方、耗时和结果写进审计日志，异步批量落盘，供安全团队追查。`;
  const heading = 'gateway > 网关由哪些部分组成';
  const question = '网关是怎么做限流的？超过配额的请求会怎样？';

  it('gives each labelled paragraph its label as a section', () => {
    const all = extractAllKeyPoints(note, 0);
    expect(all.filter((point) => point.section.includes('RateLimiter')).length).toBeGreaterThanOrEqual(1);
    expect(all.filter((point) => point.section.includes('Router')).length).toBeGreaterThanOrEqual(1);
  });

  it('grades a question about one part on that part, so the other parts are not missed', () => {
    const focused = focusOn(question, extractAllKeyPoints(note, 0), heading);
    expect(focused.length).toBeGreaterThanOrEqual(1);
    expect(focused.every((point) => point.section.includes('RateLimiter'))).toBe(true);
    const answer = '限流是按用户和接口用令牌桶做的，配额放在 Redis，超了的请求直接拒掉，返回 429。';
    expect(scoreAnswer({ question, answer, references: [note], headings: [heading] }).score).toBeGreaterThanOrEqual(8);
  });

  it('keeps the whole note for a question about all of it', () => {
    const all = extractAllKeyPoints(note, 0);
    expect(focusOn('网关由哪几部分组成？各自负责什么？', all, heading)).toHaveLength(all.length);
  });
});

describe('a question about a part of an overview note that no heading names (answer-coverage.ts)', () => {
  const note = `#### 内存管理

go 程序启动时申请一块大内存，并划分成 spans、bitmap、arena 区域。

mcache 作为线程私有资源，资源来源于 mcentral，私有内存不足再从全局申请。

#### 垃圾回收

Go 使用三色标记法，配合写屏障，让标记和用户程序并发执行。

缺点：需要 STW，停掉所有的 goroutine 专心做垃圾回收，程序会短时间暂停。

#### GC性能优化

GC 性能与对象数量负相关，所以优化的思路之一就是减少对象分配个数，比如对象复用。

**逃逸分析的作用：**

1. 逃逸分析的好处是为了减少GC的压力，不逃逸的对象分配在栈上，当函数返回时就回收了资源。
2. 逃逸分析完后可以确定哪些变量可以分配在栈上，栈的分配比堆快，性能好。`;
  const heading = 'go > 聊聊你对gc的理解';
  const question = 'Go 的逃逸分析是做什么的？为什么要尽量避免变量逃逸？';

  it('is graded on the section whose text holds the question, so the rest of the overview is not missed', () => {
    const focused = focusOn(question, extractAllKeyPoints(note, 0), heading);
    expect(focused.length).toBeGreaterThanOrEqual(2);
    expect(focused.every((point) => point.section.includes('GC性能优化'))).toBe(true);
    const answer = '逃逸分析就是编译器判断变量能不能分配在栈上，确定不了作用域就逃逸到堆上。要避免是因为栈分配比堆快，函数返回就回收，减少 GC 的压力。';
    expect(scoreAnswer({ question, answer, references: [note], headings: [heading] }).score).toBeGreaterThanOrEqual(8);
  });

  it('keeps the whole note for a question every section answers a part of', () => {
    const all = extractAllKeyPoints(note, 0);
    expect(focusOn('说说三色标记、STW 和逃逸分析分别是什么？', all, heading)).toHaveLength(all.length);
  });

  it('does not credit an answer about another section of the note', () => {
    const answer = 'Go 用三色标记法，配合写屏障让标记和用户程序并发执行，STW 的时候会停掉所有 goroutine。';
    expect(scoreAnswer({ question, answer, references: [note], headings: [heading] }).score).toBeLessThanOrEqual(3);
  });
});

describe('an English answer to a Chinese note (coverage.ts, english-gloss.ts)', () => {
  const question = 'Redis 的 save 和 bgsave 有什么区别？';
  const note = `save 是和操作命令在同一个线程里面，如果有大key写入RDB文件，会造成阻塞。

bgsave 是创建一个子进程来写入RDB文件，不会造成阻塞。

通过 fork 创建的子进程会和父进程共享同一片内存数据，因为子进程会复制父进程的页表。`;
  const points = extractAllKeyPoints(note, 0);
  const questionUnits = new Set(profileText(question).units.keys());
  const options = { pointMade: 0.4, crossLingualPointMade: 1, sameLanguageConcepts: 0.5 };
  const english =
    'save writes the RDB file in the same thread that executes commands, so a big key blocks the server. bgsave forks a child process to write it instead; the child copies the parent page table and shares the same memory, so nothing blocks.';

  it('reads the point through the words of its relation, not only the terms both languages share', () => {
    const view = viewAnswer(english);
    const save = coverPoint(points[0]!, view, questionUnits, options);
    expect(save.observable).toBe(1);
    expect(save.recall).toBeGreaterThanOrEqual(0.2);
    expect(save.evidence).toContain('same thread');
    const fork = coverPoint(points[2]!, view, questionUnits, options);
    expect(fork.evidence).toContain('page table');
    expect(scoreAnswer({ question, answer: english, references: [note] }).score).toBeGreaterThanOrEqual(7);
  });

  it('gives an English answer about something else nothing for it', () => {
    const unrelated = 'An index is a B+ tree: the database walks from the root to the leaf page that holds the key, so lookups need few disk reads.';
    const view = viewAnswer(unrelated);
    // "database" glosses to 数据库, which shares 数据 with the fork point: a stray word is no reading of it,
    // so every point stays measured on the terms both languages share (observable below 1).
    for (const point of points) expect(coverPoint(point, view, questionUnits, options).observable).toBeLessThan(1);
    expect(scoreAnswer({ question, answer: unrelated, references: [note] }).score).toBeLessThanOrEqual(2);
  });

  it('leaves Chinese answers as they were read', () => {
    expect(viewAnswer('save 在主线程里写 RDB 会阻塞').glossed).toBeUndefined();
    expect(withChineseGloss('the child shares the same memory')).toMatch(/同一/);
  });

  it('stems a doubled consonant to the word it doubles (deferred → defer), and glosses after / before', () => {
    expect(stemWord('deferred')).toBe(stemWord('defer'));
    expect(stemWord('committed')).toBe(stemWord('commit'));
    expect(stemWord('mapped')).toBe(stemWord('map'));
    // Words whose own spelling doubles the letter keep it.
    expect(stemWord('called')).toBe('call');
    expect(stemWord('passed')).toBe('pass');
    expect(stemWord('stuffed')).toBe('stuff');
    const gloss = withChineseGloss('They run after the return statement, before the caller gets the value.').split('\n')[1]!.split(' ');
    expect(gloss).toEqual(expect.arrayContaining(['之后', '之前']));
  });

  it('glosses a possessive as its noun: "the parent\'s page tables" names the parent (父)', () => {
    expect(withChineseGloss("it only copies the parent's page tables").split('\n')[1]!.split(' ')).toContain('父');
  });

  it('glosses superlatives and pairing: "the fastest IPC … pair it with a semaphore"', () => {
    const gloss = withChineseGloss('Shared memory is the fastest IPC, but pair it with a semaphore.');
    expect(gloss).toContain('最快');
    expect(gloss).toContain('配合');
  });

  it('glosses how coroutines are explained: "yields at any call depth … after the callee returns"', () => {
    const gloss = withChineseGloss('A stackful coroutine yields at any call depth; a stackless one only after the callee returns.');
    // 「可以在任意调用层级进行让出」, 「只能等待其函数返回后才能让出」, 「会生成被调函数的栈帧」.
    expect(gloss).toContain('让出');
    expect(gloss).toContain('层级');
    expect(gloss).toContain('被调函数');
  });

  it('glosses inflected verbs the glossary names only in their base form: scheduled, wrapped, synchronized, mapped', () => {
    const gloss = withChineseGloss('Regular workloads are not scheduled there; the value is wrapped in an interface, synchronized and mapped into memory.');
    for (const word of ['调度', '业务', '封装', '同步', '映射']) expect(gloss).toContain(word);
  });
});

describe('an English answer explained in ordinary words (english-gloss-words.ts)', () => {
  const question = '连接池的连接耗尽了，新的请求会怎样？';
  const note = `连接池会复用已经建立的连接，避免每次请求都重新建立连接。

空闲连接超过最大空闲时间会被关闭，并从池中移除。

池中连接耗尽时，新的请求会阻塞等待，等待超时后返回错误。`;
  const english =
    'Idle connections that stay idle longer than the maximum idle time are closed and removed from the pool. When every connection is in use, a new request is blocked and waits; once it waits past the timeout it returns an error.';

  it('reads the general words of the explanation (idle, pool, blocked) in the Chinese the note uses', () => {
    const gloss = withChineseGloss(english);
    for (const word of ['空闲', '池', '阻塞', '最大']) expect(gloss).toContain(word);
    const points = extractAllKeyPoints(note, 0);
    const exhausted = points.find((point) => point.text.includes('耗尽'))!;
    const options = { pointMade: 0.4, crossLingualPointMade: 1, sameLanguageConcepts: 0.5 };
    // Without a gloss for "blocked" (the glossary reads "block" only as written) the point was 0.43.
    expect(coverPoint(exhausted, viewAnswer(english), new Set(profileText(question).units.keys()), options).recall).toBeGreaterThanOrEqual(0.5);
  });
});

describe('a spoken answer that corrects itself (answer-signals.ts)', () => {
  const question = '一条更新语句，redo log 和 binlog 按什么顺序写？';
  const note = '更新时先写 redo log 并处于 prepare 状态，然后写 binlog，最后把 redo log 改成 commit 状态，这就是两阶段提交。';
  const corrected = '嗯，先写 binlog，再写 redo log，不对，反了，是先写 redo log，处于 prepare 状态，再写 binlog，最后 redo log 改成 commit，两阶段提交。';
  const clean = '先写 redo log，处于 prepare 状态，再写 binlog，最后 redo log 改成 commit，两阶段提交。';

  it('takes back the sentence a correction interrupts, so what was withdrawn is neither credit nor a contradiction', () => {
    expect(readStances(corrected).asserted).not.toContain('先写 binlog');
    const graded = scoreAnswer({ question, answer: corrected, references: [note] });
    expect(graded.flags).not.toContain('contradiction');
    expect(graded.score).toBeCloseTo(scoreAnswer({ question, answer: clean, references: [note] }).score, 0);
    // Withdrawing a whole previous sentence: "…。不对，…" opens the correction.
    expect(withoutRetractions(['save 不会阻塞。', '不对，', 'save 会阻塞主线程。'])).toEqual(['save 会阻塞主线程。']);
  });

  it('keeps 不对 as a verdict when it opens the answer, and 不对称 as a word', () => {
    expect(readStances('不对，可以一边入栈一边出栈').asserted).toContain('可以一边入栈一边出栈');
    expect(withoutRetractions(['HTTPS 握手用非对称加密，', '不对称加密只在握手时用。'])).toHaveLength(2);
  });
});

describe('a Chinese answer to an English note (coverage.ts, english-gloss.ts)', () => {
  const question = 'Redis 内存满了以后有哪些淘汰策略？';
  const note = `## Redis eviction
- Runs when memory exceeds \`maxmemory\`.
- noeviction (default): writes get an error, reads still work.
- LRU/LFU are approximate: sample a few keys (default 5), evict the best.`;
  const questionUnits = new Set(profileText(question).units.keys());
  const points = extractAllKeyPoints(note, 0);
  const noeviction = points.find((point) => point.text.startsWith('noeviction'))!;

  it('finds the point\'s English words said in Chinese', () => {
    const answer = viewAnswer('默认是 noeviction，写命令直接报错，读还是可以的。');
    const coverage = coverPoint(noeviction, answer, questionUnits, { pointMade: 0.4, crossLingualPointMade: 1 });
    expect(coverage.recall).toBeGreaterThanOrEqual(0.35);
    expect(coverage.evidence).toContain('报错');
    expect(saysInChinese(stemWord('errors'), '写命令直接报错')).toBe(true);
  });

  it('finds nothing of the kind in an answer about something else', () => {
    const answer = viewAnswer('持久化有 RDB 和 AOF 两种，RDB 定期生成快照，AOF 记录每一条写命令。');
    expect(coverPoint(noeviction, answer, questionUnits, { pointMade: 0.4, crossLingualPointMade: 1 }).recall).toBeLessThan(0.2);
  });
});

describe('a heading that shares only the question\'s plain words (answer-coverage.ts)', () => {
  const note = `#### 内存管理

全局维护一块大内存，每个 P 维护一块小的私有内存，私有内存不足再从全局申请。

- mheap 管理整个堆的页
- mcentral 管理多个 span 供线程申请使用
- mcache 作为线程私有资源，资源来源于 mcentral
- 小对象分配时先从 mcache 拿，不够再去 mcentral 拿，各自的角色分工明确

#### 触发时机

##### 内存分配量达到阈值时触发

每次内存分配时都会检查当前内存分配量是否已达到阈值，达到则立即启动回收。

##### 定期触发

后台每两分钟强制触发一次回收。`;
  const heading = 'go > 聊聊你对回收的理解';

  it('loses to the section whose heading and text hold clearly more of the question', () => {
    const focused = focusOn('Go 的内存分配大致是怎么管理的？mcache、mcentral 这些各自是什么角色？', extractAllKeyPoints(note, 0), heading);
    expect(focused.length).toBeGreaterThanOrEqual(2);
    expect(focused.every((point) => point.section.includes('内存管理'))).toBe(true);
  });

  it('still wins when the question asks what it names', () => {
    const focused = focusOn('内存分配量达到阈值时会怎样？', extractAllKeyPoints(note, 0), heading);
    expect(focused.every((point) => point.section.includes('内存分配量达到阈值时触发'))).toBe(true);
  });
});

describe('short forms of the same terms (text-analysis.ts variantSpellings, glossary.ts)', () => {
  it('reads "CPU 密集", 核数 and "IO 密集" as the note\'s 计算密集, 核心数 and I/O密集', () => {
    const note = '计算密集型任务线程数与CPU核心数相等，I/O密集型任务线程更多';
    const covered = (answer: string) => coverPoint({ text: note, profile: profileText(note), weight: 1 } as never, viewAnswer(answer), new Set()).recall;
    expect(covered('CPU 密集的任务，线程数和核数一样，IO 密集型任务线程更多')).toBeGreaterThanOrEqual(0.75);
    expect(covered('普通的任务，线程数和桌数一样，网络型任务线程更多')).toBeLessThan(0.4);
  });

  it('reads a common misspelling of an English term as the term ("yeild" in a note is yield)', () => {
    expect(profileText('只能yeild到调用者').units.has('yield')).toBe(true);
    expect(profileText('the follower must recieve the entry').units).toEqual(profileText('the follower must receive the entry').units);
    expect(profileText('yielding').units.has('yield')).toBe(true);
  });
});

describe('spoken set-ups said for their names (variant-spellings.ts)', () => {
  const note = '百万级 MySQL 怎么处理：主备 读写分离；集群 负载均衡；查询缓存 raid';
  const question = 'MySQL 数据量到百万级以后怎么处理？';

  it('reads "一主一备…写走主库、读走从库" as 主备 and 读写分离', () => {
    const spoken = scoreAnswer({ question, answer: '我会先弄一主一备，然后让写走主库、读走从库，把压力分开。', references: [note] });
    const named = scoreAnswer({ question, answer: '我会先做主备，然后读写分离，把压力分开。', references: [note] });
    const point = (result: typeof spoken) => result.points.find((each) => each.spec.text.includes('读写分离'))!;
    expect(point(spoken).coverage.recall).toBeGreaterThanOrEqual(point(named).coverage.recall * 0.9);
  });
});

describe('a Q：/A： note answers each question with its own answer (note-blocks.ts, answer-coverage.ts)', () => {
  const note = 'Q：Session 认证怎么工作？\nA：登录成功后服务端生成 session ID，把用户信息存在服务端，只把 ID 通过 Cookie 发给浏览器。每次请求带上 Cookie，服务端按 ID 查出用户。\n\nQ：JWT 怎么工作？\nA：登录后服务端把用户 ID、过期时间等 claims 放进 payload，用密钥签名后交给客户端。之后请求放在 Authorization 头里，服务端只验签名和过期时间，不查任何存储。\n\nQ：JWT 的主要缺点？\nA：服务端不保存 token，所以签发后在过期前无法单独作废，只能把有效期设短或维护黑名单。payload 只是编码不是加密，不能放敏感信息。';

  it('grades a question that asks what one Q asks on that Q\'s answer, when the topic words tie', () => {
    const answer = '服务端不保存 token，签发后过期前没法单独作废，只能把有效期设短或者维护黑名单；而且 payload 只是编码不是加密，不能放敏感信息。';
    const result = scoreAnswer({ question: 'JWT 的主要缺点是什么？', answer, references: [note] });
    expect(result.points.map((point) => point.spec.text.slice(0, 8))).toEqual(['服务端不保存 t', 'payload ']);
    expect(result.score).toBeGreaterThanOrEqual(9);
  });
});
