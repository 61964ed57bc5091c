import { describe, expect, it } from 'vitest';
import { findContradictions } from '../../src/grading/contradictions.ts';
import { profileText } from '../../src/grading/text-analysis.ts';
import { contradicted } from './contradicted.ts';

/** What each contradiction found says and which note point it charges, as [cue, note text]. */
function cues(question: string, note: readonly string[], answer: string): [string, string][] {
  const points = note.map((text) => ({ text }));
  return findContradictions(question, points, answer, new Set(profileText(question).units.keys())).map((entry) => [entry.cue, note[entry.point]!]);
}

describe('a comparison made the other way round', () => {
  const question = 'Go 的逃逸分析是做什么的？为什么要尽量避免变量逃逸？';
  const note = ['逃逸分析完后可以确定哪些变量可以分配在栈上，栈的分配比堆快，性能好。', '栈上分配的内存不需要GC处理。'];

  it('is a swap of the two things compared ("堆上分配比栈上快" against "栈的分配比堆快")', () => {
    expect(cues(question, note, '逃逸分析在编译期做，堆上分配比栈上快。')).toEqual([['swap', note[0]]]);
  });

  it('keeps the note\'s comparison in either order: the same way, or reversed with the opposite predicate', () => {
    expect(cues(question, note, '逃逸分析在编译期做，栈上分配比堆上快。')).toEqual([]);
    expect(cues(question, note, '逃逸分析在编译期做，堆上分配比栈上慢。')).toEqual([]);
  });

  it('reads the opposite measure given to one of the two things, with no comparison ("栈上分配反而慢")', () => {
    expect(cues(question, note, '逃逸分析是为了尽量分配到堆上，栈上分配反而慢，还容易栈溢出。')).toEqual([['swap', note[0]]]);
    // The slower one said to be slow, the faster one fast, or a denial: no contradiction.
    expect(cues(question, note, '堆上分配比较慢。')).toEqual([]);
    expect(cues(question, note, '栈上分配快，函数返回就回收。')).toEqual([]);
    expect(cues(question, note, '栈上分配并不慢。')).toEqual([]);
  });

  it('does not read a clause about something else that shares a character or two and the opposite measure', () => {
    const lru = ['在old区中的缓存第二次访问距离第一次访问时间超过1s才挪到young区。'];
    expect(cues('时间堆和时间轮加锁有什么不一样？', lru, '所以高并发下时间轮锁竞争最小。')).toEqual([]);
  });

  it('does not read a denied comparison or a comparison the note makes both ways', () => {
    expect(cues(question, note, '堆上分配并不比栈上快。')).toEqual([]);
    const both = ['读的时候 A 比 B 快。', '写的时候 B 比 A 快。'];
    expect(cues('A 和 B 哪个快？', both, '写的时候 B 比 A 快。')).toEqual([]);
  });
});

describe('a number whose verb comes after a modal word', () => {
  const question = 'Go 的 GC 在什么时候会被触发？';
  const note = ['内存增长率由环境变量GOGC控制，默认为100，即每当内存扩大一倍时启动GC。', '默认情况下，最长2分钟触发一次GC，这个间隔在src/runtime/proc.go:forcegc。'];

  it('anchors "每 2 秒会强制触发一次" by 触发, past 会, so it is the note\'s "最长2分钟触发一次" with another value', () => {
    expect(cues(question, note, 'GOGC 默认 100，内存翻一倍触发；另外 runtime 每 2 秒会强制触发一次。')).toEqual([['number', note[1]]]);
  });

  it('keeps the note\'s value said the same way, and another value anchored by other words', () => {
    expect(cues(question, note, 'GOGC 默认 100，内存翻一倍触发；另外 runtime 每 2 分钟会强制触发一次。')).toEqual([]);
    expect(cues(question, note, 'GOGC 默认 100，内存翻一倍触发；后台清扫每 2 秒会唤醒一次。')).toEqual([]);
  });
});

describe('a swap told by a concept the note gives one subject only', () => {
  const question = 'Redis 的 LRU 和 LFU 淘汰是怎么实现的？和教科书上哈希表加链表的实现有什么不同？';
  const note = [
    'lru没有采用上面描述的（用链表管理缓存占用内存空间，链表操作费时），是对结构体对象中加了一个时间字段，来记录最近访问的时间，汰换的时候随机选取一定数量的key，删除最久未访问的key',
    'lfu是利用上面的时间字段的高16位记录上次访问时间，低8位来记录频率，这个低八位会根据高16位进行衰减，而实现真正的频率，不是简单的访问次数。',
  ];

  it('reads "LRU 是按频率淘汰的" as giving LRU the 频率 the note says only of LFU', () => {
    expect(cues(question, note, 'Redis 的 LRU 是按频率淘汰的，次数最少的先删。')).toEqual([['swap', note[1]]]);
  });

  it('keeps each subject with its own concept', () => {
    expect(cues(question, note, 'Redis 的 LFU 是按频率淘汰的，LRU 在对象里记最近访问时间，随机取一批 key 删最久没访问的。')).toEqual([]);
  });
});

describe('"X 多于 Y" compares as "X 比 Y 多" (reversed-comparisons.ts)', () => {
  const question = '为什么本地队列不挂在线程上？';
  const note = ['一般来讲，线程的数量都会多于处理器。'];

  it('is reversed by "处理器的数量比线程多", and agreed with in either form', () => {
    expect(contradicted(question, note, '嗯，处理器的数量一般比线程多。')).toEqual(note);
    expect(contradicted(question, note, '线程的数量一般比处理器多。')).toEqual([]);
    expect(contradicted(question, note, '线程数多于处理器数。')).toEqual([]);
  });
});

describe('compile time and run time', () => {
  const question = 'C++ 的虚函数是怎么调用的？';
  const note = ['当调用一个对象的虚函数时，编译器会生成代码来查找虚函数表，然后通过表中的函数指针来调用正确的函数。', '这个过程是在运行时进行的，所以能够实现动态绑定，也就是多态。'];

  it('are opposites: the note\'s clause with one put for the other is said the other way round', () => {
    expect(cues(question, note, '这个过程是在编译期进行的。')).toEqual([['swap', note[1]]]);
    expect(cues(question, note, '这个过程是在运行时进行的，所以能实现多态。')).toEqual([]);
  });
});
