import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';

describe('the note’s use of one thing given to a sibling of it (given-means.ts)', () => {
  const question = '进程间通信里的“信号”（signal）是拿来干什么的？';
  const note = ['信号 ( sinal ) ： 信号是一种比较复杂的通信方式，用于通知接收进程某个事件已经发生。'];

  it('is contradicted by "要 <the use>，用的是 <another way processes talk>"', () => {
    // nw009: the use restated word for word, the means in a clause of its own.
    const answer = '信号是一种比较复杂的通信方式，它本身就是用来在进程之间传送成块数据的；要通知接收进程某个事件已经发生，用的是消息队列。';
    expect(contradicted(question, note, answer)).toEqual([note[0]]);
    expect(contradicted(question, note, '嗯，要通知接收进程某个事件发生了，靠的是信号量。')).toEqual([note[0]]);
  });

  it('is not contradicted by the note’s own thing, a means of no known kind, or a note that names the means', () => {
    expect(contradicted(question, note, '嗯，要通知接收进程某个事件已经发生，用的是信号。')).toEqual([]);
    expect(contradicted(question, note, '要通知接收进程某个事件已经发生，用的是 kill 命令。')).toEqual([]);
    const both = ['信号用于通知接收进程某个事件已经发生。', '消息队列也可以通知接收进程某个事件已经发生。'];
    expect(contradicted(question, both, '要通知接收进程某个事件已经发生，用的是消息队列。')).toEqual([]);
  });
});
