import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';

const question = '进程间通信里的“信号”（signal）是拿来干什么的？';
const note = [
  '消息队列( message queue ) ： 消息队列是由消息的链表，存放在内核中并由消息队列标识符标识。',
  '信号量( semophore ) ： 信号量是一个计数器，可以用来控制多个进程对共享资源的访问。',
  '信号 ( sinal ) ： 信号是一种比较复杂的通信方式，用于通知接收进程某个事件已经发生。',
];

describe('a clause that names who does what the clause before it says', () => {
  it('gives the description to the subject named after it ("…，用的是消息队列")', () => {
    expect(contradicted(question, note, '要通知接收进程某个事件已经发生，用的是消息队列。')).toEqual([note[2]]);
    expect(contradicted(question, note, '要控制多个进程对共享资源的访问，靠的是消息队列。')).toEqual([note[1]]);
  });

  it('agrees when the subject named is the note\'s', () => {
    expect(contradicted(question, note, '要通知接收进程某个事件已经发生，用的是信号。')).toEqual([]);
    expect(contradicted(question, note, '要控制多个进程对共享资源的访问，靠的是信号量。')).toEqual([]);
  });
});
