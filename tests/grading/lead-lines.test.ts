import { describe, expect, it } from 'vitest';
import { findContradictions } from '../../src/grading/contradictions.ts';
import { extractAllKeyPoints } from '../../src/grading/key-points.ts';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';
import { profileText } from '../../src/grading/text-analysis.ts';

const texts = (markdown: string) => extractAllKeyPoints(markdown).map((point) => point.text);

/** The note points an answer contradicts, graded as the scorer grades: points (with their leads) from the Markdown. */
function contradictedPoints(question: string, markdown: string, answer: string, heading?: string): string[] {
  const points = extractAllKeyPoints(markdown);
  const questionUnits = new Set(profileText(question).units.keys());
  return [...new Set(findContradictions(question, points, answer, questionUnits, markdown, heading).map((entry) => points[entry.point]!.text))];
}

const threads = `进程是资源分配的单位

- 拥有独立的地址空间

线程共享进程的内存

- 调度单位

协程：用户态的轻量级线程，由程序自己调度`;

describe('a short bullet under a lead line', () => {
  it('belongs to its lead line, not to the paragraph after it', () => {
    expect(texts(threads)).toEqual(['进程是资源分配的单位', '拥有独立的地址空间', '线程共享进程的内存：调度单位', '协程：用户态的轻量级线程，由程序自己调度']);
    expect(texts('Stack ordering\n\n- LIFO\n\nQueue: first in, first out, served in arrival order')).toEqual(['Stack ordering：LIFO', 'Queue: first in, first out, served in arrival order']);
  });

  it('still goes with the items after it when it introduces them or is their lead', () => {
    expect(texts('表结构\n\n- id（primary key）\n- 元信息\n  - 哈希值（unique key）\n  - 文件名称和大小')).toEqual(['表结构 id（primary key）', '元信息 哈希值（unique key）', '文件名称和大小']);
    expect(texts('LRU\n- evicts the least recently used entry\nLFU\n- evicts the least frequently used entry\n- O(1)\n\nBoth need a hash map from key to node')).toEqual([
      'LRU evicts the least recently used entry',
      'LFU evicts the least frequently used entry；O(1)',
      'Both need a hash map from key to node',
    ]);
  });
});

describe('the subject of bullets is what their lead line or heading names', () => {
  it('reads a bullet under "线程共享进程的内存" as about 线程, though the line names 进程 too', () => {
    const question = '进程和线程有什么区别？';
    expect(contradictedPoints(question, threads, '进程就是调度单位。')).toEqual(['线程共享进程的内存：调度单位']);
    expect(contradictedPoints(question, threads, '线程是调度单位，进程拥有独立的地址空间，是资源分配的单位。')).toEqual([]);
  });

  it('reads the bullets a note opens with as about the heading over it', () => {
    const question = 'LRU 和 LFU 有什么区别？';
    const note = `- 淘汰最久没被访问的数据
- 用哈希表加双向链表实现

LFU缓存给每个键记访问次数

- 淘汰访问次数最少的数据`;
    expect(contradictedPoints(question, note, 'LFU 淘汰最久没被访问的数据。', 'LRU缓存')).toEqual(['淘汰最久没被访问的数据']);
    expect(contradictedPoints(question, note, 'LRU 淘汰最久没被访问的数据，用哈希表加双向链表实现；LFU 记访问次数，淘汰访问次数最少的数据。', 'LRU缓存')).toEqual([]);
  });

  it('takes the heading from the card\'s heading path, and only for the points right under it', () => {
    const question = 'LRU 和 LFU 有什么区别？';
    const note = '- 淘汰最久没被访问的数据\n- 用哈希表加双向链表实现\n\nLFU缓存给每个键记访问次数\n\n- 淘汰访问次数最少的数据';
    const flags = (references: string[]) => scoreAnswer({ question, answer: 'LFU 淘汰最久没被访问的数据。', references, headings: ['缓存 > LRU缓存'] }).flags;
    expect(flags([note])).toContain('contradiction');
    expect(flags([`## 淘汰\n\n${note}`])).not.toContain('contradiction');
  });

  it('reads an indented bullet as about the item it is nested in, not an aspect of nothing', () => {
    const question = 'LRU 和 LFU 的实现有什么不同？';
    const note = `常见的淘汰策略：

- LRU：按最近访问时间淘汰
  - 实现：哈希表加双向链表
- LFU：按访问次数淘汰
  - 实现：哈希表加最小堆`;
    expect(contradictedPoints(question, note, 'LRU 是用哈希表加最小堆实现的。')).toEqual(['实现：哈希表加最小堆']);
    expect(contradictedPoints(question, note, 'LRU 是用哈希表加双向链表实现的，LFU 是用哈希表加最小堆实现的。')).toEqual([]);
  });
});
