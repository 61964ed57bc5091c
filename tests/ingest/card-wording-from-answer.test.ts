import { describe, expect, it } from 'vitest';
import { cardsOf, realBank, realCardAt } from './corpus-fixture.ts';

const questions = (markdown: string): string[] => cardsOf(markdown).filter((card) => !card.searchOnly).map((card) => card.question);

const realQuestion = (source: string, line: number): string => realCardAt(source, line).question;

describe('a bare name is asked the way its answer answers it', () => {
  it('asks for the protocol a short answer is about (Obsidian front matter, heading)', () => {
    expect(questions('---\ntags: [分布式]\n---\n## zookeeper\n\nzookeeper使用ZAB协议的\nZAB协议是保证ZK一致性的原子广播协议\n')).toEqual(['说说ZooKeeper的ZAB协议。']);
    // A term said twice that is not a named protocol or algorithm ("key" in a table's columns) is no subject.
    expect(questions('## 用户表\n\n- id（primary key）\n- name（unique key）\n')).toEqual(['说说你对用户表的了解。']);
  });

  it('asks for the fields of a type declared without a code fence, and the parts of a "name：what it does" list', () => {
    expect(questions('errgroup\ntype errgroup struct {\n\tcancel func()\n\twg sync.WaitGroup\n\terr error\n}\n')).toEqual(['errgroup有哪些字段？']);
    expect(questions('## go-micro\n\n- broker：异步通讯\n- codec：编码解码\n- registry：服务注册发现\n- selector：负载均衡\n')).toEqual(['go-micro由哪些部分组成？']);
    // Numbered items are steps or phases, not parts; a definition stays a definition.
    expect(questions('## 两阶段提交\n\n1. 准备：协调者询问\n2. 提交：全部同意才提交\n3. 回滚：任一拒绝就回滚\n')).toEqual(['说说你对两阶段提交的了解。']);
    expect(questions('## 缓存击穿\n\n缓存击穿是指热点 key 过期的瞬间请求落到数据库。\n\n- 互斥锁：只让一个请求回源\n- 逻辑过期：后台刷新\n- 永不过期：手动更新\n')).toEqual(['什么是缓存击穿？']);
  });

  it('asks why to use something whose answer lists what it improves, and how versions differ when the answer compares them', () => {
    expect(questions('redis\n\n1. **提高性能**：热点数据放内存。\n2. **减轻数据库压力**：读请求不到数据库。\n')).toEqual(['为什么要用Redis？有什么好处？']);
    expect(questions('# 1. 网络\n\n## 1.1 HTTP基础知识\n\nhttp1.0：单工，短连接。\nhttp1.1 是半双工，默认长连接。\nhttp2.0 是全双工，多路复用。\n')).toEqual(['HTTP 各版本有什么区别？']);
  });

  it('reads a Q：/A： note whose Q names a topic instead of asking', () => {
    expect(questions('Q：HTTP基础知识\nA：http1.0：单工，短连接。\nhttp1.1 是半双工，默认长连接。\n\nQ：redis\nA：内存数据库，单线程处理命令。\n')).toEqual(['HTTP 各版本有什么区别？', '说说你对Redis的了解。']);
  });

  it('holds on the real notes', () => {
    expect(realQuestion('cpp-backend-projects-and-internship.md', 303)).toBe('说说ZooKeeper的ZAB协议。');
    expect(realQuestion('go-mysql-redis-ecommerce-qa.md', 808)).toBe('errgroup有哪些字段？');
    expect(realQuestion('go-mysql-redis-ecommerce-qa.md', 682)).toBe('HTTP 各版本有什么区别？');
    expect(realQuestion('image-service-project-qa.md', 388)).toBe('go-micro由哪些部分组成？');
    expect(realQuestion('image-service-project-qa.md', 58)).toBe('为什么要用Redis？有什么好处？');
  });
});

describe('lines a hard wrap cut in two', () => {
  it('joins the rest of a wrapped sentence back onto its line, when the cut splits a word the note uses', () => {
    const note = '什么是广播风暴？\n\n广播包在网络里无限循环。\n\n场景题：直播房间，一个大V发了一条消息，如何让上千万的粉丝收到这条消息，如果只是纯粹的广\n\n播会很耗资源\n\nselect 和 epoll 的差别\n';
    expect(questions(note)).toContain('场景题：直播房间，一个大V发了一条消息，如何让上千万的粉丝收到这条消息，如果只是纯粹的广播会很耗资源');
    expect(questions(note)).toContain('select 和 epoll 的差别');
  });

  it('leaves a long line alone when the cut makes no word of the note', () => {
    expect(questions('场景题：两堆大数，100亿个数和10亿个数，找交集\n\n位图法\n')).toEqual(['场景题：两堆大数，100亿个数和10亿个数，找交集']);
  });

  it('holds on the real notes', () => {
    expect(realQuestion('go-mysql-redis-ecommerce-qa.md', 646)).toMatch(/纯粹的广播会很耗资源$/);
    expect(realBank().cards.some((card) => card.source === 'go-mysql-redis-ecommerce-qa.md' && card.lines.start === 648)).toBe(false);
  });
});

describe('the author’s own design decisions', () => {
  it('are project cards, while a technical question with the same words stays technical', () => {
    const cards = cardsOf('# 异步消息中废弃的方案：\n1、热点表，需要单独发送\n2、应用重启会丢消息\n\n# 为什么 Go 放弃了分段栈？\n\n分段栈有热分裂问题，改成连续栈。\n');
    expect(cards.map((card) => card.kind)).toEqual(['project', 'technical']);
    expect(realBank().cards.find((card) => card.source === 'go-mysql-redis-ecommerce-qa.md' && card.lines.start === 543)!.kind).toBe('project');
  });
});

describe('lines worded as they are asked', () => {
  it('drops an aside to self, asks a list caption and a task label, and keeps a sentence fragment out of the questions', () => {
    const cards = cardsOf(
      '# Go\n\n## GMP 模型\n\n### 带来什么改变 (面试的时候可以回答这部分)\n\n每个 P 有自己的本地队列。\n\n## 关闭后的通道有以下特点\n\n1. 再发送会 panic。\n\n## 实现set\n\n用 map[string]struct{}。\n\n## main里面\n\nprintln 和 defer 的顺序。\n',
    );
    expect(cards.filter((card) => !card.searchOnly).map((card) => card.question)).toEqual(['关于GMP 模型，带来什么改变', '关闭后的通道有哪些特点？', '如何实现set？']);
    expect(realQuestion('os-network-k8s-microservices.md', 568)).toBe('关闭后的通道有哪些特点？');
    expect(realQuestion('os-network-k8s-microservices.md', 849)).not.toContain('面试的时候');
    const stories = cardsOf('## 实习经历\n\n### 困难 大数据小白\n\n我之前没接触过大数据，先把项目背景搞清楚。\n\n### 感触 实习体验和想象中的不一样\n\n大家都很忙，要主动问。\n');
    expect(stories.filter((card) => /困难|感触/.test(card.headingPath.at(-1) ?? '')).map((card) => card.question)).toEqual(['说说你遇到的困难：大数据小白。', '说说你的感触：实习体验和想象中的不一样。']);
    expect(realQuestion('cpp-backend-projects-and-internship.md', 46)).toBe('说说你遇到的困难：大数据小白。');
  });
});
