import { describe, expect, it } from 'vitest';
import { endAsQuestion, joinLead, restatesQuestion } from '../../src/interview/question-wording.ts';

describe('question wording', () => {
  it('ends a note title as a question, or as a sentence when it is an instruction', () => {
    expect(endAsQuestion('Go 中 defer 机制，可以返回数据吗')).toBe('Go 中 defer 机制，可以返回数据吗？');
    expect(endAsQuestion('new make 区别')).toBe('new make 区别？');
    expect(endAsQuestion('聊聊你对gc的理解')).toBe('聊聊你对gc的理解。');
    expect(endAsQuestion('请说出下面代码存在什么问题')).toBe('请说出下面代码存在什么问题。');
    expect(endAsQuestion('谈一谈你对微服务架构的理解')).toBe('谈一谈你对微服务架构的理解。');
    expect(endAsQuestion('go build之后的流程是怎样的？')).toBe('go build之后的流程是怎样的？');
  });

  it('never stacks two lead-ins, and keeps the rest of the line', () => {
    expect(joinLead('好的。', '好，再问你一个：lfu有什么缺点？')).toBe('好的。再问你一个：lfu有什么缺点？');
    expect(joinLead('好，这题先跳过。', '好，最后一题了：raft 有什么优缺点？')).toBe('好，这题先跳过。最后一题了：raft 有什么优缺点？');
    expect(joinLead('不熟也正常，我们换一个。', '好，再问你一个：x？')).toBe('不熟也正常，我们换一个。好，再问你一个：x？');
    expect(joinLead('', '好，再问你一个：x？')).toBe('好，再问你一个：x？');
  });

  it('tells a restated question from one that goes somewhere else', () => {
    expect(restatesQuestion('lfu有什么缺点？', 'lfu缺点怎么解决？')).toBe(true);
    expect(restatesQuestion('什么是raft算法', 'raft有什么优缺点？')).toBe(true);
    // Introducing select covers what it is for: that is not a level deeper either.
    expect(restatesQuestion('select可以用于什么', '介绍一下go select。')).toBe(true);
    expect(restatesQuestion('说说web server里的高并发hash表。', '说说你对一致性hash的了解。')).toBe(false);
    expect(restatesQuestion('gin的路由组件为什么高性能', '说说你对gin的中间件的了解。')).toBe(false);
    expect(restatesQuestion('AOF 重写是怎么做的？', 'Redis 的持久化方式有哪些？')).toBe(false);
  });
});
