import { describe, expect, it } from 'vitest';
import { isNonAnswer, nameableConcepts } from '../../src/interview/answer-gaps.ts';
import { parsePhasePlan } from '../../src/interview/phase-plan.ts';
import { item } from '../support/bigram-knowledge.ts';
import { loadPrompts, perfectAnswer } from '../support/interview-fixtures.ts';
import { makeHarness } from '../support/interview-harness.ts';

const owner = 'phase-owner';
const story = item({ id: 'story', question: '介绍一下订单系统项目。', answer: '- 用 Go 写的订单服务\n- Redis 预扣库存，MQ 异步落库', topics: ['project'] });
const intro = item({ id: 'intro', question: '自我介绍', answer: '- 后端工程师，做过订单系统', topics: ['behavioural'] });
const redis = item({ id: 'redis-persist', question: 'Redis 的持久化方式有哪些？', answer: '- RDB 快照：fork 子进程把内存数据写成二进制文件\n- AOF 日志：把每条写命令追加到文件', topics: ['redis'] });

describe('the phase plan is data', () => {
  it('the shipped plan runs every phase in an interview and only technical questions in practice and drill', () => {
    const plan = parsePhasePlan(loadPrompts()['interviewer-phases'] ?? '');
    expect(plan.interview.map((step) => step.phase)).toEqual(['opening', 'technical', 'project', 'closing']);
    expect(plan.practice.map((step) => step.phase)).toEqual(['technical']);
    expect(plan.drill.map((step) => step.phase)).toEqual(['technical']);
    expect(plan.interview.find((step) => step.phase === 'technical')?.followups).toBe(2);
  });

  it('a typo fails at startup with its line', () => {
    expect(() => parsePhasePlan('## interview\n- opening\n- tecnical\n')).toThrow(/line 3: unknown phase "tecnical"/);
    expect(() => parsePhasePlan('## interview\n- opening\n## practice\n- technical\n## drill\n- technical\n')).toThrow(/"interview" needs a technical phase/);
  });

  it('an interview runs opening → technical → project deep-dive → closing, and editing the file drops a phase', async () => {
    const { service } = makeHarness({ items: [intro, story, redis] });
    const { session, message } = await service.start(owner, { mode: 'interview', questions: 1 });
    expect(message.questionId).toBe('intro');
    // The introduction names the order system: the opening's one question is about it.
    const opening = await service.submit(session.id, owner, { answer: '我是后端工程师，做过一个订单系统。' });
    expect(opening).toMatchObject({ grade: null, next: { kind: 'followup' } });
    expect(opening.next.text).toContain('订单系统项目');
    const technical = await service.submit(session.id, owner, { answer: '我负责库存那块。' });
    expect(technical.next.questionId).toBe('redis-persist');
    let result = await service.submit(session.id, owner, { answer: perfectAnswer('redis-persist') });
    while (result.next.questionId === 'redis-persist') result = await service.submit(session.id, owner, { answer: '不知道' });
    // The deep-dive is on a project card the opening did not already ask about, so with one card the closing comes next.
    expect(result.next.text).toMatch(/想问|想了解/);

    const prompts = { ...loadPrompts(), 'interviewer-phases': '## interview\n- technical\n## practice\n- technical\n## drill\n- technical\n' };
    const bare = makeHarness({ items: [intro, story, redis], extra: { prompts } }).service;
    const started = await bare.start(owner, { mode: 'interview', questions: 1 });
    expect(started.message.questionId).toBe('redis-persist');
    const done = await bare.submit(started.session.id, owner, { action: 'skip' });
    expect(done.next.kind).toBe('done');
  });

  it('names the project the self-introduction mentioned by its name, however its card asks about it', async () => {
    for (const question of ['介绍一下你的订单系统项目。', '说说你做的订单系统项目。', '说说你对订单系统项目的了解。']) {
      const card = item({ id: 'story', question, answer: '- 用 Go 写的订单服务', topics: ['project'] });
      const { service } = makeHarness({ items: [intro, card, redis] });
      const { session } = await service.start(owner, { mode: 'interview', questions: 1 });
      const opening = await service.submit(session.id, owner, { answer: '我是后端工程师，做过一个订单系统。' });
      expect(opening.next.text, question).toContain('「订单系统项目」');
    }
  });

  it('asks about the project whose name the self-introduction says, not one that shares its skill words', async () => {
    const problem = item({ id: 'problem', question: '说说你做的Java c++ 数据结构不一致问题排查。', answer: '- Java 和 c++ 两边的数据结构对不上', topics: ['project'] });
    const rpc = item({ id: 'rpc', question: '介绍一下你的mprpc项目。', answer: '- 基于 protobuf 的 rpc 框架', topics: ['project'] });
    const skills = [
      item({ id: 'cpp-1', question: 'c++ 的虚函数是怎么实现的？', answer: '- c++ 用虚函数表实现多态', topics: ['cpp'] }),
      item({ id: 'cpp-2', question: 'c++ 的智能指针有哪些？', answer: '- c++ 有 unique_ptr 和 shared_ptr', topics: ['cpp'] }),
      item({ id: 'ds-1', question: '常用的数据结构有哪些？', answer: '- 数据结构有数组、链表、树', topics: ['cpp'] }),
    ];
    const { service } = makeHarness({ items: [intro, problem, rpc, redis, ...skills] });
    const { session } = await service.start(owner, { mode: 'interview', questions: 1 });
    const opening = await service.submit(session.id, owner, { answer: '我学过c++编程语言、数据结构与算法，做过一个项目，为了学习rpc实现了一个分布式的rpc框架。' });
    expect(opening.next.text).toContain('mprpc项目');

    const second = makeHarness({ items: [intro, problem, rpc, redis, ...skills] }).service;
    const started = await second.start(owner, { mode: 'interview', questions: 1 });
    const skillsOnly = await second.submit(started.session.id, owner, { answer: '我熟悉 c++ 和数据结构。' });
    expect(skillsOnly.next.text).not.toContain('问题排查');
  });

  it('the project deep-dive digs into the project the self-introduction led to, not another one from the notes', async () => {
    const projects = (prefix: string, name: string) => [
      item({ id: `${prefix}-intro`, question: `介绍一下${name}。`, answer: '- 背景和我的角色', topics: ['project'], source: 'projects.md', headingPath: ['项目', name, '介绍'] }),
      item({ id: `${prefix}-hard`, question: `${name}的难点是什么？`, answer: '- 难点和解决办法', topics: ['project'], source: 'projects.md', headingPath: ['项目', name, '难点'] }),
    ];
    const cards = [intro, redis, ...projects('order', '订单系统'), ...projects('server', 'web server'), ...projects('rpc', 'rpc 框架')];
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const { service } = makeHarness({ items: cards, seed });
      const { session } = await service.start(owner, { mode: 'interview', questions: 1 });
      const opening = await service.submit(session.id, owner, { answer: '我是后端工程师，做过一个 web server。' });
      expect(opening.next.text).toContain('web server');
      await service.submit(session.id, owner, { answer: '我负责网络层。' });
      const deepDive = await service.submit(session.id, owner, { action: 'skip' });
      expect(deepDive.next.questionId, `seed ${seed}`).toBe('server-hard');
    }
  });

  it('the project deep-dive asks why, what was hard, what you would change or numbers, ungraded', async () => {
    const other = item({ id: 'story-2', question: '介绍一下 web server 项目。', answer: '- epoll + 线程池\n- 定时器处理超时连接', topics: ['project'] });
    const { service } = makeHarness({ items: [intro, story, other, redis] });
    const { session } = await service.start(owner, { mode: 'interview', questions: 1 });
    let result = await service.submit(session.id, owner, { answer: '我是后端工程师。' });
    result = await service.submit(session.id, owner, { answer: '做过订单系统。' });
    result = await service.submit(session.id, owner, { action: 'skip' });
    expect(result.next.questionId).toMatch(/^story/);
    const deepDive = await service.submit(session.id, owner, { answer: '这个项目用 epoll 做的，QPS 大概 2 万。' });
    expect(deepDive.grade).toBeNull();
    expect(deepDive.next.kind).toBe('followup');
    // It had numbers, so it is asked why, what was hard or what would change.
    expect(deepDive.next.text).toMatch(/为什么|设计|难|棘手|坑|重新|不足|十倍/);
    const report = await service.report(session.id, owner);
    expect(report.questions.find((question) => question.phase === 'project')?.score ?? null).toBeNull();
  });
});

describe('non-answers and concepts', () => {
  it('tells "不知道", hedges, off-topic and empty answers from real attempts', () => {
    const [card] = [redis].map((entry) => ({ ...entry, keyPoints: [{ text: 'RDB 快照', concepts: ['rdb', '快照', 'fork'], weight: 1 }] }));
    for (const answer of ['不知道', '这个我不太清楚', 'RDB 我不太记得了', '我周末打篮球', '嗯……']) expect(isNonAnswer(card, answer, null), answer).toBe(true);
    expect(isNonAnswer(card, 'bgsave 会 fork 子进程写 RDB，不会阻塞主线程', null)).toBe(false);
  });

  it('names specific concepts as the note writes them, never vague words, fragments or what the question or answer already said', () => {
    const point = { text: '有三种状态：AOF 重写时 fork 子进程，系统不阻塞', concepts: ['系统', '有三种状态', 'aof', 'fork', '重写'], weight: 1 };
    expect(nameableConcepts(point, 'Redis 的 fork 是什么？')).toEqual(['AOF', '重写']);
    expect(nameableConcepts(point, '持久化', 'aof 我知道')).toEqual(['fork', '重写']);
    // A verb of sending or receiving names no idea: 「那ACK、收到呢？」 asked about nothing.
    const ack = { text: 'leader收到半数以上的ACK以后，leader更新内存数据', concepts: ['收到', 'ack'], weight: 1 };
    expect(nameableConcepts(ack, 'ZooKeeper节点数据是如何同步的？')).toEqual(['ACK']);
    const retry = { text: '减少传输失败后重试的流量及时间', concepts: ['减少', '重试'], weight: 1 };
    expect(nameableConcepts(retry, '分块上传与断点续传有什么区别？')).toEqual(['重试']);
  });

  it('never names a clause the segmenter cut ("协程有", "协程发生"), but keeps two-character words such as 私有', () => {
    const point = { text: '哪个协程发生了panic，就在哪个协程有的defer里recover；私有内存不共享', concepts: ['协程发生', '协程有', 'recover', '私有'], weight: 1 };
    expect(nameableConcepts(point, 'panic 怎么处理？')).toEqual(['recover', '私有']);
    const plain = { text: 'json 相比 xml 更简单易懂', concepts: ['相比', '易懂', 'json', 'xml'], weight: 1 };
    expect(nameableConcepts(plain, '为什么用 json？')).toEqual(['xml']);
  });

  it('names a name the note writes in two English words as one, and never a gloss of what is already named', () => {
    const shared = { text: '共享内存( shared memory )：映射一段能被其他进程访问的内存', concepts: ['共享内存', 'shared', 'memory', '映射'], weight: 1 };
    expect(nameableConcepts(shared, '说说你对共享内存通信的了解。')).toEqual(['映射']);
    const aging = { text: 'lfu aging（条件老化）优化：引入访问次数平均值', concepts: ['lfu', 'aging', '老化', '平均值'], weight: 1 };
    expect(nameableConcepts(aging, 'lfu缺点怎么解决？')).toEqual(['lfu aging', '平均值']);
    // Pieces that overlap in one written name are that name: not 「CPU密集、密集型任务这一块」.
    const bound = { text: 'CPU密集型任务：线程数一般等于核数，多了只会增加上下文切换', concepts: ['CPU密集', '密集型任务', '上下文切换'], weight: 1 };
    expect(nameableConcepts(bound, '多进程多线程多协程适用于哪些场景？')).toEqual(['CPU密集型任务', '上下文切换']);
    // A short Chinese noun written right after an English name is its head: not 「case、语句」.
    const select = { text: 'select机制最大的一条限制就是每个case语句里必须是一个IO操作', concepts: ['select', '机制', '限制', 'case', '语句', 'IO操作'], weight: 1 };
    expect(nameableConcepts(select, '介绍一下Go select。')[0]).toBe('case语句');
    // A point whose only nameable words are its examples is asked about by what they are examples of: not 「文件这一块」.
    const ceph = { text: '存储非结构化数据，如图片、文件，且适合读多写少的场景', concepts: ['存储', '数据', '图片', '文件'], weight: 1 };
    expect(nameableConcepts(ceph, 'Ceph存储图片有什么好处？')).toEqual(['非结构化数据']);
    // Examples beside a name of the point's own stay behind it.
    const threads = { text: '多线程适用于I/O密集型任务，如网络I/O、磁盘I/O等', concepts: ['I/O密集型任务', '网络', '磁盘'], weight: 1 };
    expect(nameableConcepts(threads, '多进程多线程多协程适用于哪些场景？')[0]).toBe('I/O密集型任务');
  });

  it('never names a word that relates things rather than names one ("用于", "关系", "不会")', () => {
    const pipe = { text: '管道用于有亲缘关系的进程之间通信，是半双工的，写满了不会丢数据', concepts: ['用于', '关系', '半双工', '不会', '亲缘'], weight: 1 };
    expect(nameableConcepts(pipe, '说说管道通信。')).toEqual(['半双工', '亲缘']);
    // Words of position point at other words: not 「如果从leader、前面的角度看」.
    const readIndex = { text: 'Leader 需要确认自己仍是 leader，并等待前面的日志都已提交', concepts: ['leader', '前面', '日志', '提交'], weight: 1 };
    expect(nameableConcepts(readIndex, 'Raft 如何实现从 follower 读取？')).not.toContain('前面');
    // Steps of something: not 「刚才没听你提到readIndex、步骤」 (a browser session).
    const steps = { text: 'Follower接收到只读指令后，向leader索要当前的readIndex值，后续步骤与leader处理只读请求相同', concepts: ['readIndex', '步骤', '只读'], weight: 1 };
    expect(nameableConcepts(steps, 'Raft 如何实现从 follower 读取？')).not.toContain('步骤');
  });
});
