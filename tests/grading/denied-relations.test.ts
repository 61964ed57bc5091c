import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';

// Made-up notes and answers in the shape of the real miss (an ES answer saying "refresh … 跟能不能搜到没关系" against a note
// whose refresh sentence ends "这之后才能被搜到"): the denial shares no content word with the note clause but the related thing.
const esQuestion = '一条文档写进 ES 以后多久能被搜到？';
const esNote = ['refresh 把内存缓冲生成新段并打开（不 fsync），这之后才能被搜到。', 'flush 管持久化，refresh 管可见性。', '默认每 1 秒 refresh 一次。'];

describe('a relation the note states, denied ("X 跟 Y 没关系")', () => {
  it('marks "refresh … 跟能不能搜到没关系" wrong against the note sentence relating refresh and 搜到', () => {
    expect(contradicted(esQuestion, esNote, 'refresh 只是做持久化的，跟能不能搜到没关系。')).toEqual([esNote[0]]);
  });

  it('reads what is said unrelated from before 跟 in the same clause ("refresh 和搜到无关")', () => {
    expect(contradicted(esQuestion, esNote, '写进去立刻就能搜，refresh 和搜到无关。')).toEqual([esNote[0]]);
  });

  it('does not fire when the note gives Y to another thing in the sentence ("flush 管持久化，refresh 管可见性")', () => {
    expect(contradicted(esQuestion, esNote, 'refresh 跟持久化没关系。')).toEqual([]);
  });

  it('does not read two things the note sets side by side as related ("flush 跟 refresh 没关系")', () => {
    expect(contradicted(esQuestion, esNote, 'flush 跟 refresh 没关系。')).toEqual([]);
  });

  it('does not fire on what the note itself denies ("不 fsync")', () => {
    expect(contradicted(esQuestion, esNote, 'refresh 跟 fsync 没关系。')).toEqual([]);
  });

  it('does not fire when the answer never says what it denies a relation to, and the question asks no why', () => {
    expect(contradicted(esQuestion, esNote, '跟能不能搜到没关系。')).toEqual([]);
  });

  // The shape of a real miss: "跟对象能活多久其实没什么关系" in an answer to why the young generation is copied.
  const gcQuestion = '为什么新生代适合用复制算法？';
  const gcNote = ['绝大多数对象很快就死，每次回收存活很少。', '熬过多次回收的对象往往会一直活下去。', '复制算法的代价只跟存活对象数成正比。'];

  it('reads a quantity asked of Y by its words in order ("对象能活多久" in "对象往往会一直活下去"), in an answer to why', () => {
    expect(contradicted(gcQuestion, gcNote, '新生代用复制是因为对象都比较大。跟对象能活多久其实没什么关系。')).toEqual([gcNote[1]]);
  });

  it('leaves general vocabulary alone ("跟性能没关系" against a note that speaks of 性能 elsewhere)', () => {
    const note = ['三次握手是为了同步双方的初始序列号。', '四次握手多一个往返，浪费性能。'];
    expect(contradicted('TCP 为什么要三次握手？', note, '跟性能没关系。')).toEqual([]);
  });

  it('leaves a quantity of a lone word alone ("跟对象有多大没关系")', () => {
    expect(contradicted(gcQuestion, gcNote, '跟对象有多大没关系，主要看存活率。')).toEqual([]);
  });

  it('reads a closing "是没关系的" as the same claim', () => {
    expect(contradicted(esQuestion, esNote, 'refresh 只是做持久化的，跟能不能搜到是没关系的。')).toEqual([esNote[0]]);
  });

  it('reads "无关的" as naming a kind, not as a claim ("和外层无关的子查询")', () => {
    const note = ['相关子查询依赖外层查询的值，外层每行都要执行一次。', '非相关子查询只执行一次。'];
    expect(contradicted('相关子查询和非相关子查询有什么区别？', note, '子查询执行一次，和外层无关的子查询只执行一次。')).toEqual([]);
  });

  it('agrees with a note that calls it unrelated too', () => {
    const note = ['Redis 快在纯内存操作和 IO 多路复用。', '单线程的瓶颈跟 CPU 无关，在内存和网络。'];
    expect(contradicted('Redis 单线程为什么快？', note, 'Redis 单线程跟 CPU 没什么关系，瓶颈在网络。')).toEqual([]);
  });
});
