import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/core/types.ts';
import { cardsOf, realBank, realCardAt as real } from './corpus-fixture.ts';

const asked = (cards: readonly Card[], question: string): Card => {
  const found = cards.find((card) => card.question === question && !card.searchOnly);
  if (!found) throw new Error(`no card asks ${question}; have ${cards.map((card) => card.question).join(' | ')}`);
  return found;
};

const searchOnlyText = (source: string): string => realBank().cards.filter((card) => card.source === source && card.searchOnly).map((card) => card.reference).join('\n');

describe('a reference ends where the note moves on to another section', () => {
  it('gives the answer under "第一个问题" to the first listed question, with what follows up to the next ordinal', () => {
    const cards = cardsOf(
      [
        '## HTTP',
        '',
        '三个问题',
        '',
        'TCP 连接在一个 HTTP 请求完成后会断开吗？',
        '',
        '一个 TCP 连接可以对应几个 HTTP 请求？',
        '',
        '为什么刷新页面不需要重新建立 SSL 连接？',
        '',
        '第一个问题',
        'HTTP1.0 是短连接，请求完成就断开。',
        '',
        '如何验证两次请求用的是同一个 TCP 连接？',
        '',
        '第二次请求没有握手和 SSL 的开销。',
        '',
        '第二个问题',
        '一个 TCP 连接可以对应几个 HTTP 请求？',
        '',
        '维持连接时可以发送多个请求。',
      ].join('\n'),
    );
    const first = asked(cards, 'TCP 连接在一个 HTTP 请求完成后会断开吗？');
    expect(first.reference).toContain('HTTP1.0 是短连接');
    expect(first.reference).toContain('没有握手和 SSL 的开销');
    expect(first.reference).not.toContain('第一个问题');
    expect(first.followups.map((followup) => followup.question)).toEqual(['如何验证两次请求用的是同一个 TCP 连接？']);
    // The list's copy of an answered question does not compete with its card in search.
    expect(cards.filter((card) => card.reference.includes('请求完成后会断开吗'))).toEqual([]);
    expect(cards.find((card) => card.question === '一个 TCP 连接可以对应几个 HTTP 请求？' && card.answered)?.reference).toBe('维持连接时可以发送多个请求。');
  });

  it('does not read a line left by an image as a wide gap', () => {
    const [card] = cardsOf('exchange交换机\n\n- 决定消息路由到哪个队列\n\n工作模式\n\n![fanout](img/fanout.png)\n\nfanout广播，发给所有绑定的队列\n');
    expect(card!.reference).toContain('fanout广播');
  });

  it('keeps "第一个问题 …" answers out of the last listed question and out of the answer above the list', () => {
    const cards = cardsOf(
      [
        'HTTP 各版本',
        'http1.0 是短连接，请求完成就断开。',
        'http1.1 默认 keep-alive 长连接。',
        '三个问题',
        '一个 TCP 连接可以对应几个 HTTP 请求？',
        '',
        '浏览器对同一 Host 建立 TCP 连接的数量有没有限制？',
        '',
        '第一个问题',
        '维持连接时，一个 TCP 连接可以发送多个 HTTP 请求。',
      ].join('\n'),
    );
    const versions = cards.find((card) => card.reference.includes('keep-alive'))!;
    expect(versions.reference).not.toContain('三个问题');
    expect(versions.reference).not.toContain('可以对应几个');
    const last = asked(cards, '浏览器对同一 Host 建立 TCP 连接的数量有没有限制？');
    expect(last.reference).toBe('');
    // The ordinal's answer goes to the first listed question.
    expect(cards.find((card) => card.question === '一个 TCP 连接可以对应几个 HTTP 请求？' && card.answered)?.reference).toBe('维持连接时，一个 TCP 连接可以发送多个 HTTP 请求。');
  });

  it('does the same for English notes ("Question 2") and numbered outlines ("3. etcd相关")', () => {
    const english = cardsOf('## Why is Redis fast?\n\nIt keeps data in memory and runs commands on one thread.\n\nQuestion 2\n\nPersistence uses RDB snapshots and the AOF log.\n');
    expect(english[0]!.reference).toBe('It keeps data in memory and runs commands on one thread.');
    expect(english.some((card) => card.searchOnly && card.reference.includes('RDB snapshots'))).toBe(true);
    const outline = cardsOf('# 1. raft 如何实现从 follower 读取？\n\nfollower 向 leader 要 readIndex，等状态机应用到它再读。\n\n3.etcd相关\n\n是什么？如何保持高可用性\n\n4.k8s相关\n\n哪些常用组件\n');
    expect(outline[0]!.reference).toBe('follower 向 leader 要 readIndex，等状态机应用到它再读。');
    expect(outline[0]!.keyPoints.map((point) => point.text).join()).not.toMatch(/etcd|k8s/);
  });

  it('ends a loose answer at a catch-all line ("other"), but not an answer under a heading', () => {
    const [loose] = cardsOf('浏览器对同一 Host 最多建几个 TCP 连接？\n\nChrome 最多六个。\n\nother\nTLS 是 SSL 的新版本。\n');
    expect(loose!.reference).toBe('Chrome 最多六个。');
    const [headed] = cardsOf('## Redis 的缺点\n\n单线程，大 key 会阻塞。\n\n其他：\n内存成本高。\n');
    expect(headed!.reference).toContain('内存成本高');
  });

  it('does not take the author narrating the interview’s next question as the answer of an unanswered one', () => {
    const [raft, ...rest] = cardsOf('raft 出现脑裂怎么处理？\n\n后面还问了一个问题，服务器 CPU 100% 怎么定位？我随口就说先看监控，阵脚大乱。\n\n最后问了一个系统设计题目（朋友圈的设计）。\n');
    expect(raft!.reference).toBe('');
    expect(rest.every((card) => card.searchOnly)).toBe(true);
  });

  it('ends a loose answer at a wide gap when what follows is not about the question, also right under the question line', () => {
    const [rabbit, kafka] = cardsOf('---\ntags: [mq]\n---\n为什么写 rabbitmq 比写 mysql 快？\n\n1. rabbitmq 先写内存再异步落盘。\n2. 资源使用：\n\n\n\nkafka：适合大数据实时处理的场景。\n');
    expect(rabbit!.reference).not.toContain('kafka');
    expect(kafka).toMatchObject({ searchOnly: true, reference: 'kafka：适合大数据实时处理的场景。' });
    const [step] = cardsOf('从数据库查 token 与当前 token 是否一致\n\n\n\n中间件跟拦截器差不多\n');
    expect(step!.reference).toBe('');
    // Under a heading, or when the text after the gap is about the question, the answer goes on.
    const [heading] = cardsOf('## 为什么写 rabbitmq 比写 mysql 快？\n\nrabbitmq 先写内存。\n\n\n\nkafka 更适合大数据。\n');
    expect(heading!.reference).toContain('kafka');
    const [related] = cardsOf('Q：为什么写 rabbitmq 比写 mysql 快？\nA：rabbitmq 先写内存再异步落盘。\n\n\n\nmysql 每次写都要更新索引和事务日志。\n');
    expect(related!.reference).toContain('更新索引');
  });

  it('makes "如果继续问：X？" after an aside a follow-up of the question above it', () => {
    const [card] = cardsOf('一道经典的面试题目：\n从 URL 输入到页面展现发生了什么？\n上面问题，或多或少可以回答出来，但是\n\n如果继续问：这些图片是以什么顺序、建立了多少连接被下载下来的呢？\n');
    expect(card!.followups.map((followup) => followup.question)).toEqual(['这些图片是以什么顺序、建立了多少连接被下载下来的呢？']);
  });

  it('makes a plain line after a bulleted log answer that asks about what it named the interviewer’s next question', () => {
    const [card] = cardsOf('每个用户的top10表情包\n\n- redis的zset\n\nzset的数据结构\n\n跳表。时间复杂度\n');
    expect(card!.reference).toBe('- redis的zset');
    expect(card!.followups.map((followup) => followup.question)).toEqual(['zset的数据结构']);
    // A prose answer's next line is read as before.
    const [prose] = cardsOf('Q：每个用户的 top10 表情包怎么存？\nA：用 redis 的 zset 按次数排序。\n\nzset的数据结构\n');
    expect(prose!.followups).toEqual([]);
  });

  it('gives two questions asked together the answers written one after the other', () => {
    const [first, second] = cardsOf(
      '---\ntags: [go]\n---\n追问：大切片截一小段一直用，会导致什么，怎样解决？\n\n那你讲一下 go 1.18 之后怎样扩容？\n\n1.18 之后以 256 为界限，小切片翻倍，大切片平滑增长。\n\n小切片还引用着大的底层数组，导致 GC 回收不了；解决：copy 出来。\n',
    );
    expect(first!.reference).toBe('小切片还引用着大的底层数组，导致 GC 回收不了；解决：copy 出来。');
    expect(second!.reference).toBe('1.18 之后以 256 为界限，小切片翻倍，大切片平滑增长。');
  });

  it('holds on the real notes', () => {
    expect(real('go-basics-qa.md', 15).reference).toContain('通过copy到新的slice');
    expect(real('go-basics-qa.md', 17).reference).not.toContain('通过copy到新的slice');
    expect(real('image-service-project-qa.md', 681).followups.map((followup) => followup.question)).toContain('zset的数据结构');
    const notes = 'go-mysql-redis-ecommerce-qa.md';
    expect(real(notes, 572).reference).toContain('readIndex');
    expect(real(notes, 572).reference).not.toContain('etcd相关');
    expect(real(notes, 471).reference).toBe('');
    expect(real(notes, 682).reference).not.toContain('五个问题');
    expect(real(notes, 696).reference).not.toContain('根据基础知道第一条');
    expect(real(notes, 745).reference).toContain('六个 TCP 连接');
    expect(real(notes, 745).reference).not.toContain('线性分配内存');
    expect(real(notes, 677).followups.map((followup) => followup.question).join()).toContain('这些图片是以什么方式');
    expect(real(notes, 698).question).toBe('现代浏览器在与服务器建立了一个 TCP 连接后是否会在一个 HTTP 请求完成后断开？什么情况下会断开？');
    expect(real(notes, 698).reference).toContain('根据基础知道第一条');
    expect(real(notes, 698).reference).not.toContain('第二个问题');
    const images = 'image-service-project-qa.md';
    expect(real(images, 139).reference).not.toContain('kafka');
    expect(real(images, 308).reference).not.toContain('这时候就需要主从了');
    expect(searchOnlyText(images)).toContain('中间件跟拦截器差不多');
  });
});
