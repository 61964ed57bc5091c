import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';

// Made-up notes and answers: each denial shares only the thing denied with the note clause.
const cacheQuestion = '怎么保证缓存和数据库的一致性？';
const cacheNote = ['写流程：先更新数据库，再删除缓存。', '删除失败时：把 key 投递到重试队列，异步补偿。', '读流程：未命中时回源并加互斥锁，防止击穿。'];

describe('a need or a step of the note denied by its one distinctive word', () => {
  it('marks "不用管删除缓存" wrong against the step "再删除缓存"', () => {
    expect(contradicted(cacheQuestion, cacheNote, '其实更新完库就行了，不用管删除缓存，它自己会过期。')).toEqual([cacheNote[0]]);
  });

  it('marks "不用等确认" wrong against the step joined by "+" ("同步发送 + 确认")', () => {
    const note = ['生产端：同步发送 + 确认（ack），失败重试。', '存储端：落盘 + 多副本。'];
    expect(contradicted('消息怎么做到不丢？', note, '发出去就完事了，不用等确认。')).toEqual([note[0]]);
  });

  it('marks a prohibition wrong against a requirement ("不能标 final" against "应标 final")', () => {
    const note = ['工具类应标 final，防止被继承。', '构造函数私有化。'];
    expect(contradicted('Java 工具类应该怎么写？', note, '这种类不能标 final，不然没法扩展。')).toEqual([note[0]]);
  });

  it('does not fire on an agreeing answer', () => {
    expect(contradicted(cacheQuestion, cacheNote, '先更新数据库再删除缓存，删失败就丢进重试队列；读未命中时加互斥锁回源。')).toEqual([]);
  });

  it('agrees with a note that says the thing is not needed either', () => {
    const note = ['读多写少时用读写锁。', '只读数据不需要加锁，直接共享。', '写操作必须加锁。'];
    expect(contradicted('并发读写共享数据怎么处理？', note, '只读的数据不用加锁。')).toEqual([]);
  });

  it('does not read a term the note writes in a condition, or without requiring it, as needed', () => {
    const note = ['如果需要强一致，就加分布式锁。', '一般场景下最终一致即可，靠消息重试。'];
    expect(contradicted('分布式事务一般怎么做？', note, '一般不需要分布式锁，最终一致就够了。')).toEqual([]);
    const prose = ['B+ 树的叶子节点用链表相连，便于范围查询。'];
    expect(contradicted('B+ 树为什么适合做索引？', prose, '不需要链表，二分就行。')).toEqual([]);
  });

  it('does not read a general word as the thing denied ("不需要进行处理")', () => {
    const note = ['收到消息后需要处理业务，再提交位点。'];
    expect(contradicted('消费者怎么提交位点？', note, '位点自动提交，不需要处理。')).toEqual([]);
  });
});
