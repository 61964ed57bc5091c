import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';

const question = '进程间通信里的“信号”（signal）是拿来干什么的？';
const note = [
  '消息队列( message queue ) ： 消息队列是由消息的链表，存放在内核中并由消息队列标识符标识。',
  '信号量( semophore ) ： 信号量是一个计数器，可以用来控制多个进程对共享资源的访问。',
  '信号 ( sinal ) ： 信号是一种比较复杂的通信方式，用于通知接收进程某个事件已经发生。',
];

describe('labels with a bracketed gloss, and a subject inside a longer one', () => {
  it('gives 信号 what the note says of 信号量 as a swap', () => {
    expect(contradicted(question, note, '信号就是一个计数器，用来控制多个进程对共享资源的访问。')).toEqual([note[1]]);
    expect(contradicted(question, note, '消息队列用于通知接收进程某个事件已经发生。')).toEqual([note[2]]);
  });

  it('reads the note said back, each description of its own label, as no swap', () => {
    expect(contradicted(question, note, '信号量是一个计数器，可以用来控制多个进程对共享资源的访问。信号用于通知接收进程某个事件已经发生。')).toEqual([]);
  });
});
