import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';

describe('a choice the note calls random, said to follow a fixed order (random-order.ts)', () => {
  const question = 'Go 的 select 有哪些特性？多个 case 同时就绪怎么办？';
  const note = ['当没有case或者default可以执行时，select则阻塞，等待直到有1个case可以执行。', '当有多个case可以执行时，则随机选择1个case执行。'];

  it('is contradicted by an answer that picks by the order the cases are written', () => {
    const answer = 'select 会按 case 书写的顺序从上往下检查，多个 case 同时就绪时总是执行排在最前面的那个，所以可以靠 case 的顺序实现优先级。';
    expect(contradicted(question, note, answer)).toEqual([note[1]]);
    expect(contradicted(question, note, 'select 会把多个就绪的 case 依次都执行一遍。')).toEqual([note[1]]);
  });

  it('is contradicted for any random choice the answer puts in order', () => {
    const map = ['Go 的 map 遍历是随机的，每次遍历顺序可能不同。'];
    expect(contradicted('Go 的 map 遍历有什么特点', map, 'Go 的 map 遍历顺序是固定的，按插入顺序遍历。')).toEqual([map[0]]);
  });

  it('is not contradicted by an answer that denies the order or says random itself', () => {
    expect(contradicted(question, note, '多个 case 都就绪时随机选一个执行，不是按书写顺序。')).toEqual([]);
    expect(contradicted(question, note, '多个 case 就绪时随机选一个，而 select 里的 case 会依次求值。')).toEqual([]);
    const map = ['Go 的 map 遍历是随机的，每次遍历顺序可能不同。'];
    expect(contradicted('Go 的 map 遍历有什么特点', map, 'map 遍历每次都不一样，不能依赖顺序，要有序就先把 key 排序。')).toEqual([]);
  });

  it('is not read against a random note about another thing', () => {
    const raft = ['follower 的选举超时时间是随机的，避免同时发起选举。'];
    expect(contradicted('Raft 日志怎么复制？', raft, 'leader 把日志按顺序依次复制给每个 follower。')).toEqual([]);
  });
});
