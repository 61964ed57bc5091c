import { describe, expect, it } from 'vitest';
import { classifyLine, cleanQuestion, isQuestionText } from '../../src/ingest/question-lines.ts';

const kindOf = (line: string): string => classifyLine(line).kind;

// Lines taken verbatim from the notes in corpus/.
describe('classifyLine on real note lines', () => {
  it.each([
    '说一下数组和切片的区别？',
    '那么他可能问你，go的扩容机制是怎么实现的，你怎么回答？',
    'mysql主从模式是什么？为什么使用主从模式？有什么好处？',
    'redis主从复制的缺点。如果出现了网络问题，怎么解决？',
    '怎么保证强一致性？业界的强一致性算法。',
    'http是有状态的吗，长连接有什么好处，session是放到哪里的。',
    '（2）大量time_wait会有什么问题，time_wait的时候能不能有别的客户端来请求服务器的服务',
    'ceph是什么',
    'syn flood？',
  ])('asks: %s', (line) => {
    expect(kindOf(line)).toBe('question');
  });

  it.each([
    '（3）TCP全连接和半连接队列（不会）',
    '（1）http状态码（304不会）',
    'copy是操作符还是内置函数',
    'Go的协程可以不可以自己让出cpu',
    '算法题：快排思路找topK',
    '场景题：两堆大数，100亿个数和10亿个数，找交集',
  ])('asks (not-known marker, either-or, A-not-A, named exercise): %s', (line) => {
    expect(kindOf(line)).toBe('question');
  });

  it('reads spaces around Latin words as typography, but not in code lines', () => {
    expect(kindOf('C 和 C++ 的字节对齐')).toBe('weak');
    expect(kindOf('\t// context 的 cancel 方法\t')).toBe('content');
    expect(kindOf('一条就可以了')).toBe('content');
  });

  it('tells unmistakable questions from keyword mentions', () => {
    expect(classifyLine('redis为什么用单线程？').strong).toBe(true);
    expect(classifyLine('java nio和go 区别').strong).toBe(false);
  });

  it.each([
    '加了 P 之后会带来什么改变呢？我们再更显式的讲一下。',
    '这时候就有小伙伴会疑惑了，如果是想实现本地队列、Work Stealing 算法，那为什么不直接在 M 上加呢，M 也照样可以实现类似的组件。为什么又再加多一个 P 组件？',
    '不过上面描述还是没有明确，事务还没提交的时候，redolog 能不能被持久化到磁盘？',
    '这是否表示“return i”执行结束以后才执行defer呢？',
    'test函数的返回值为0，defer里面的i++操作好像对返回值并没有什么影响。',
    '吴希，你是最棒的，加油！！！！',
    '一条就可以了',
    '打散 独立成微服务 提供单一功能 单独部署 运行 升级',
    'kafka：适合大数据实时处理的场景',
    'InnoDB 提供了 innodb_flush_log_at_trx_commit 参数，取值如下：',
    '1、有代码流程图和分支条件  =》符合简单理解的要求',
  ])('is answer prose: %s', (line) => {
    expect(kindOf(line)).toBe('content');
  });

  it('recognises labels, generic markers, keyword lines and answer leads', () => {
    expect(kindOf('缓存击穿：')).toBe('label');
    expect(kindOf('go的八股：')).toBe('label');
    expect(kindOf('**缓存穿透**')).toBe('label');
    expect(kindOf('好处：')).toBe('filler');
    expect(kindOf('**解析：**')).toBe('filler');
    expect(kindOf('第二个问题')).toBe('filler');
    expect(kindOf('FIFO')).toBe('weak');
    expect(kindOf('线程安全')).toBe('weak');
    expect(kindOf('答：1-主备 2-读写分离')).toBe('answer-lead');
    expect(kindOf('答案1：25（返回走的时候没吃香蕉）')).not.toBe('answer-lead');
  });

  it('ignores Markdown markup and image embeds when judging', () => {
    expect(classifyLine('**RDB是怎么进行操作？**').text).toBe('RDB是怎么进行操作？');
    expect(classifyLine('![[Pasted image 20240309152257.png]]').text).toBe('');
    expect(kindOf('[下面代码会输出什么？](https://github.com/x/q008.md)')).toBe('question');
  });
});

describe('cleanQuestion', () => {
  it.each([
    ['## 五  TCP 拥塞控制', 'TCP 拥塞控制'],
    ['一、time-wait的作用', 'time-wait的作用'],
    ['1 匿名管道通信', '匿名管道通信'],
    ['1-2 事务提交且当redolog文件满时，是否可以立即覆盖写入', '事务提交且当redolog文件满时，是否可以立即覆盖写入'],
    ['13 slice和array的区别', 'slice和array的区别'],
    ['2. Go 中 defer 机制，可以返回数据吗', 'Go 中 defer 机制，可以返回数据吗'],
    ['（4）滑动窗口是否会移动？', '滑动窗口是否会移动？'],
    ['七 k8s 的 exec 是怎么实现的?（蚂蚁金服面试题）', 'k8s 的 exec 是怎么实现的?'],
    ['那么他可能继续问你，要是slice底层数组特别大，怎样解决？', '要是slice底层数组特别大，怎样解决？'],
    ['缓存击穿：', '缓存击穿'],
    ['100亿个数和10亿个数找交集', '100亿个数和10亿个数找交集'],
  ])('%s → %s', (raw, clean) => {
    expect(cleanQuestion(raw.replace(/^#+\s*/, ''))).toBe(clean);
  });
});

describe('cleanQuestion drops the candidate\'s not-known marker', () => {
  it('keeps the question itself', () => {
    expect(cleanQuestion('（3）TCP全连接和半连接队列（不会）')).toBe('TCP全连接和半连接队列');
  });
});

describe('isQuestionText', () => {
  it('separates question headings from topic headings', () => {
    expect(isQuestionText('gin的路由组件为什么高性能')).toBe(true);
    expect(isQuestionText('谈一谈你对微服务架构的理解')).toBe(true);
    expect(isQuestionText('进程通信方法')).toBe(false);
    expect(isQuestionText('raft')).toBe(false);
  });
});
