import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';

// Made-up note: three conditions that together cause the outcome.
const question = '缓存雪崩是怎么发生的？';
const note = ['大量 key 同一时刻过期、缓存节点宕机、流量高峰，三者都出现才会引发雪崩。', '预防：过期时间加随机值、多级缓存、限流降级。'];

describe('one condition said to suffice where the note needs them all together', () => {
  it('marks "只要其中一个出现就会引发雪崩" wrong against "三者都出现才会引发雪崩"', () => {
    expect(contradicted(question, note, '雪崩只要其中一个因素出现就会发生，比如某个 key 过期。')).toEqual([note[0]]);
  });

  it('does not fire on an agreeing answer, nor on "只要破坏其中一个就不会…"', () => {
    expect(contradicted(question, note, '要 key 集中过期、节点宕机和流量高峰同时出现才会雪崩，只要避开其中一个就不会雪崩。')).toEqual([]);
  });

  it('needs the note to say they are needed together', () => {
    const either = ['key 集中过期或者缓存节点宕机，都可能引发雪崩。'];
    expect(contradicted(question, either, '雪崩只要其中一个因素出现就会发生。')).toEqual([]);
  });
});
