import { describe, expect, it } from 'vitest';
import { findContradictions } from '../../src/grading/contradictions.ts';
import { extractAllKeyPoints } from '../../src/grading/key-points.ts';
import { subjectsOf } from '../../src/grading/note-subjects.ts';
import { profileText } from '../../src/grading/text-analysis.ts';

/** The note points (as the grader extracts them from the note) an answer contradicts. */
function contradictedIn(question: string, reference: string, answer: string): string[] {
  const points = extractAllKeyPoints(reference, 0);
  return findContradictions(question, points, answer, new Set(profileText(question).units.keys()), reference).map((entry) => points[entry.point]!.text);
}

describe('a subject that only qualifies another in a note clause', () => {
  const question = '多进程和多线程分别适合什么样的场景？';
  const reference = [
    '1. **多进程**：每个进程拥有独立的内存空间，所以进程之间互不干扰。多进程适合计算密集的任务。不过进程切换的开销比较大。',
    '2. **多线程**：线程是进程内的执行单元，同一进程内的线程共享内存空间，所以线程之间交换数据很方便。多线程适合 IO 密集的任务。不过需要处理锁的问题。',
  ].join('\n');

  it('leaves the clause about the thing it qualifies: "同一进程内的线程共享内存空间" is said of 线程', () => {
    expect(contradictedIn(question, reference, '多线程共享内存。')).toEqual([]);
  });

  it('still reads a clause giving 线程 what the note says of 进程 as a swap', () => {
    expect(contradictedIn(question, reference, '多线程：每个线程拥有独立的内存空间，互不干扰。')).toHaveLength(1);
  });
});

describe('a question listing things as "X 的 N"', () => {
  const question = '对一个 nil 的 channel、正常的 channel、已经关闭的 channel，分别做读、写、close 会发生什么？';
  const reference = [
    '1. nil，未初始化的状态，只进行了声明，或者手动赋值为nil',
    '2. active，正常的channel，可读可写',
    '3. closed，已关闭',
    '',
    '| 操作 | nil的channel | 正常channel | 已关闭channel |',
    '| --- | --- | --- | --- |',
    '| <-ch (读) | 阻塞 | 成功或阻塞 | 读到零值 |',
    '| ch<- (写) | 阻塞 | 成功或阻塞 | panic |',
    '| close(ch) (关闭) | panic | 成功 | panic |',
  ].join('\n');

  it('does not contrast the head of one item with the qualifier of the next (channel / 正常的)', () => {
    expect(subjectsOf(question, reference, [])).not.toContain('正常的');
    expect(contradictedIn(question, reference, 'nil 的 channel 读写都会阻塞，close 会 panic；已经关闭的 channel 读到零值，写和再次 close 都会 panic；正常的读写成功或阻塞。')).toEqual([]);
  });

  it('still contrasts two things when the question ends on 的 ("LRU 和 LFU 淘汰是怎么实现的？")', () => {
    expect(subjectsOf('Redis 的 LRU 和 LFU 淘汰是怎么实现的？', 'LRU 按最近访问时间淘汰。LFU 按访问频率淘汰。', [])).toEqual(['lru', 'lfu']);
  });
});

describe('the two things a question contrasts', () => {
  const note = ['计算密集型任务：这类任务主要消耗的是CPU资源。', '对于这类任务，通常的做法是创建的线程数与系统的CPU核心数相等。', 'I/O密集型任务：这类任务主要消耗的是I/O资源。'];

  it('reads a head noun written once after the second term as both terms\' ("IO 密集型和计算密集型任务")', () => {
    expect(subjectsOf('IO 密集型和计算密集型任务，线程数分别怎么设比较好？', note.join('\n'), note)).toEqual(['io密集型', '计算密集型']);
  });

  it('reads 同 inside a word as no conjunction ("在 CPU 核数一样的情况下" is normalised to 核心数相同)', () => {
    expect(subjectsOf('IO 密集型和计算密集型任务，在 CPU 核数一样的情况下，线程数分别怎么设比较好？', note.join('\n'), note)).toEqual(['io密集型', '计算密集型']);
  });

  it('keeps Latin names whole beside words that run on after them, and reads a version after / as part of its name', () => {
    const lfuNote = ['lru是根据最近访问时间来进行缓存置换的。', 'lfu是利用上面的时间字段的高16位记录上次访问时间。'];
    expect(subjectsOf('Redis 里的 LRU 和 LFU 是怎么实现的？', lfuNote.join('\n'), lfuNote)).toEqual(['lru', 'lfu']);
    const byteOrder = ['htonl、htons 将主机字节序转换为网络字节序。', 'ntohl、ntohs 将网络字节序转换为主机字节序。'];
    expect(subjectsOf('htonl、htons、ntohl、ntohs 这几个函数是干嘛的？', byteOrder.join('\n'), byteOrder)).toEqual(['htonl', 'htons', 'ntohl', 'ntohs']);
    const pipelining = ['HTTP/1.1 规范中规定了 Pipelining 来试图解决这个问题。', '但是浏览器默认关闭。'];
    expect(subjectsOf('HTTP/1.1 规范里明明有 Pipelining，为什么浏览器默认都不开它？', pipelining.join('\n'), pipelining)).toEqual([]);
  });
});
