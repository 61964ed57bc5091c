import { describe, expect, it } from 'vitest';
import { contradictedIn } from './contradicted-in.ts';

// corpus/cpp-backend-projects-and-internship.md, "lfu缺点".
const question = '你的缓存用的是LFU，那LFU本身有什么缺点？';
const note = '会产生缓存污染，使得新生代高频数据块很难留在缓存中\n\n换句话说就是，最近加入的数据因为起始的频率很低，容易被淘汰，而早期的热点数据会一直占据缓存。';

describe('the opposite measure of the same attribute (opposite-measures.ts)', () => {
  it('reads "新加进来的数据默认频率是最高的" against "最近加入的数据因为起始的频率很低"', () => {
    const wrong = 'LFU的缺点主要是对老数据不公平，就是新加进来的数据默认频率是最高的，所以老的热点数据反而容易被新数据挤出去。';
    expect(contradictedIn(question, note, wrong)).toEqual([expect.stringContaining('起始的频率很低')]);
  });

  it('leaves the same measure, a denial, and a measure inside a word alone', () => {
    expect(contradictedIn(question, note, '新加入的数据一开始频率很低，很容易被淘汰掉。')).toEqual([]);
    expect(contradictedIn(question, note, '新数据的频率并不高，所以容易被淘汰。')).toEqual([]);
    expect(contradictedIn(question, note, '可以用衰减来提高新数据留在缓存里的机会。')).toEqual([]);
  });

  it('leaves an attribute the note measures both ways, as a comparison of two things does', () => {
    const both = 'A 的读频率很高。\n\nB 的读频率很低。';
    expect(contradictedIn('A 和 B 的读频率有什么不同？', both, 'B 的读频率很高。')).toEqual([]);
  });
});
