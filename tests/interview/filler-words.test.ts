import { describe, expect, it } from 'vitest';
import { speechStats } from '../../src/interview/filler-words.ts';
import { countFillers } from '../../src/text/spoken-fillers.ts';

describe('filler words in a spoken answer', () => {
  it('counts hesitations, and 那个/就是 only where they stall', () => {
    expect(countFillers('嗯，那个，就是说 TCP 三次握手，嗯嗯，是为了确认双方的收发能力')).toEqual({ 嗯: 2, 那个: 1, 就是: 1 });
    expect(countFillers('那个那个，我觉得就是，呃，epoll 更快')).toEqual({ 那个: 2, 就是: 1, 呃: 1 });
    expect(countFillers('um so uh the kernel wakes the thread')).toEqual({ 'um/uh': 2 });
  });

  it('lists the counts in the report\'s order, whatever order they were said in', () => {
    expect(Object.keys(countFillers('erm, 那个，就是，呃，嗯，epoll 更快'))).toEqual(['嗯', '呃', '那个', '就是', 'um/uh']);
  });

  it('does not count sounds that also end a sentence, which grading still drops when they stand alone', () => {
    expect(countFillers('啊，哦，它是单线程的啊')).toEqual({});
  });

  it('leaves the ordinary words alone', () => {
    expect(countFillers('这就是原因，那个锁是互斥锁')).toEqual({});
    expect(countFillers('就是因为内存不够才会触发 GC')).toEqual({});
    expect(countFillers('epoll 就是用红黑树管理监听的 fd')).toEqual({});
    expect(countFillers('')).toEqual({});
  });

  it('keeps what the browser measured with the counts of the text as submitted', () => {
    expect(speechStats('嗯，RDB 是快照', { engine: 'server', speakingMs: 3_000 })).toEqual({ engine: 'server', speakingMs: 3_000, fillers: { 嗯: 1 } });
  });
});
