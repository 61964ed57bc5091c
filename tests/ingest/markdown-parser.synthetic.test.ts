import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/ingest/markdown-parser.ts';
import { findItem, parseCorpusFile, readCorpusText } from './corpus-fixture.ts';

// The questions as the note words them; how a card asks them is tested in knowledge-cards.test.ts.
const questionsOf = (markdown: string): string[] => parseNote('note.md', markdown).map((item) => item.headingPath.at(-1) ?? item.question);

describe('parseNote edge cases', () => {
  it('returns nothing for an empty or blank file', () => {
    expect(parseNote('empty.md', '')).toEqual([]);
    expect(parseNote('blank.md', '\n\n   \n')).toEqual([]);
    expect(parseNote('toc.md', '# 目录\n\n[TOC]\n')).toEqual([]);
  });

  it('marks an empty question heading unanswered and keeps its neighbour answered', () => {
    const items = parseNote('go.md', '# Go\n\n## 什么是 GMP？\n\n## 什么是 channel？\n\nchannel 是 goroutine 之间通信的管道。\n');
    expect(items.map((item) => [item.question, item.answered, item.reference])).toEqual([
      ['什么是 GMP？', false, ''],
      ['什么是 channel？', true, 'channel 是 goroutine 之间通信的管道。'],
    ]);
    expect(items[0]?.headingPath).toEqual(['Go', '什么是 GMP？']);
    expect(items[0]?.lines).toEqual({ start: 3, end: 3 });
    expect(items[1]?.lines).toEqual({ start: 5, end: 7 });
  });

  it('splits a heading-less file at bare questions and --- separators', () => {
    const markdown = [
      '为什么用 Redis？',
      '',
      '因为快。内存存储，单线程避免锁竞争。',
      '',
      '---',
      '',
      '什么是缓存穿透？',
      '',
      '查询一个既不在缓存也不在数据库里的数据，每次都打到数据库。',
      '',
      '如何防止缓存雪崩？',
      '',
      '如何保证缓存和数据库一致？',
      '',
      '先更新数据库，再删除缓存。',
    ].join('\n');
    const items = parseNote('redis.md', markdown);
    expect(items.map((item) => [item.question, item.answered])).toEqual([
      ['为什么用 Redis？', true],
      ['什么是缓存穿透？', true],
      ['如何防止缓存雪崩？', false],
      ['如何保证缓存和数据库一致？', true],
    ]);
    expect(items[0]?.reference).toBe('因为快。内存存储，单线程避免锁竞争。');
    expect(items[3]?.lines).toEqual({ start: 13, end: 15 });
  });

  it('strips HTML noise but keeps the text inside it', () => {
    const markdown = [
      '## HTTP 和 HTTPS 的区别？',
      '',
      'HTTPS 在 TCP 之上加了 TLS<br>第二行 <font color=red>重点：证书校验</font>',
      '',
      '<img src="https://example.com/x.png" width="300">',
      '',
      '<div align="center">握手需要非对称加密</div>',
      '',
      '![dead](./assets/missing.png)',
    ].join('\n');
    const [item] = parseNote('net.md', markdown);
    expect(item?.reference).toContain('TLS\n第二行 重点：证书校验');
    expect(item?.reference).toContain('握手需要非对称加密');
    expect(item?.reference).not.toMatch(/<|>|missing\.png|example\.com/);
  });

  it('squeezes blank lines left by removed images but never inside code', () => {
    const code = '```go\nfunc a() {}\n\n\n\nfunc b() {}\n```';
    const markdown = `## defer 的执行顺序是什么？\n\n后注册的先执行。\n\n![图](a.png)\n\n![图](b.png)\n\n例子：\n\n${code}\n`;
    const [item] = parseNote('go.md', markdown);
    expect(item?.reference).toBe(`后注册的先执行。\n\n例子：\n\n${code}`);
  });

  it('keeps the indentation of an answer that starts with indented code', () => {
    const [item] = parseNote('c.md', '## 输出是什么？\n\n    int main() { return 0; }\n\n返回 0。\n');
    expect(item?.reference).toBe('    int main() { return 0; }\n\n返回 0。');
  });

  it('cleans numbered, bold and link headings', () => {
    const markdown = [
      '# 计算机网络',
      '## 五  TCP 拥塞控制',
      '慢启动、拥塞避免。',
      '## 一、time-wait的作用',
      '保证最后一个 ACK 到达。',
      '### 1 匿名管道通信',
      '半双工。',
      '### [2、请说出下面代码存在什么问题。](https://example.com/q007.md#2)',
      '类型断言有多个类型时变量仍是 interface{}。',
      '## **1.Master节点（默认不参加工作）**',
      'apiserver、scheduler。',
      '## （3）TCP全连接和半连接队列',
      'accept 队列和 SYN 队列。',
    ].join('\n\n');
    expect(questionsOf(markdown)).toEqual([
      'TCP 拥塞控制',
      'time-wait的作用',
      '匿名管道通信',
      '请说出下面代码存在什么问题',
      'Master节点（默认不参加工作）',
      'TCP全连接和半连接队列',
    ]);
  });

  it('builds heading paths through deep container headings', () => {
    const markdown = '# 后端\n## 存储\n### 数据库\n#### MySQL\n##### 索引\n###### B+ 树为什么适合做索引？\n\n矮胖，范围查询友好。\n';
    const [item] = parseNote('deep.md', markdown);
    expect(item?.headingPath).toEqual(['后端', '存储', '数据库', 'MySQL', '索引', 'B+ 树为什么适合做索引？']);
    expect(item?.reference).toBe('矮胖，范围查询友好。');
  });

  it('normalises CRLF and a BOM without shifting line numbers', () => {
    const [item] = parseNote('win.md', '\uFEFF## 什么是死锁？\r\n\r\n两个线程互相等待对方的锁。\r\n');
    expect(item).toMatchObject({ question: '什么是死锁？', reference: '两个线程互相等待对方的锁。', lines: { start: 1, end: 3 } });
  });

  it('rewrites interviewer lead-ins into the question itself', () => {
    const markdown = '那么他可能问你，go的扩容机制是怎么实现的，你怎么回答？\n\n容量不够时按增长策略分配新数组并拷贝。\n';
    expect(questionsOf(markdown)).toEqual(['go的扩容机制是怎么实现的？']);
  });
});

describe('item ids', () => {
  it('stay the same when an unrelated section is inserted above', () => {
    const name = 'os-network-k8s-microservices.md';
    const original = parseCorpusFile(name);
    const text = readCorpusText(name);
    const edited = text.replace('## 一 进程通信方法', '## 新加的问题：什么是页表？\n\n页表把虚拟页映射到物理页框。\n\n## 一 进程通信方法');
    const after = parseNote(name, edited);
    const afterIds = new Set(after.map((item) => item.id));
    for (const item of original) expect(afterIds.has(item.id), item.question).toBe(true);
    expect(after.length).toBe(original.length + 1);
    const moved = findItem(after, '匿名管道通信');
    expect(moved.lines.start).toBe(findItem(original, '匿名管道通信').lines.start + 4);
  });

  it('stay the same in a heading-less file when a question is inserted at the top', () => {
    const name = 'image-service-project-qa.md';
    const original = parseCorpusFile(name);
    const after = parseNote(name, `什么是 CDN？\n\n把内容缓存到离用户最近的边缘节点。\n\n---\n\n${readCorpusText(name)}`);
    const afterIds = new Set(after.map((item) => item.id));
    for (const item of original) expect(afterIds.has(item.id), item.question).toBe(true);
  });

  it('depend on the source path and disambiguate exact duplicates by their ordinal', () => {
    const markdown = '## 什么是协程？\n\n用户态线程。\n\n## 什么是协程？\n\n可以挂起的函数。\n';
    const items = parseNote('a.md', markdown);
    expect(new Set(items.map((item) => item.id)).size).toBe(2);
    expect(parseNote('b.md', markdown)[0]?.id).not.toBe(items[0]?.id);
    const withPrefix = parseNote('a.md', `## 什么是进程？\n\n资源分配单位。\n\n${markdown}`);
    expect(withPrefix.slice(1).map((item) => item.id)).toEqual(items.map((item) => item.id));
  });
});
