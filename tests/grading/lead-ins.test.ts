import { describe, expect, it } from 'vitest';
import { extractAllKeyPoints } from '../../src/grading/key-points.ts';
import { gradeOffline } from '../../src/grading/offline-grader.ts';

// A note whose answer opens on a line that only leads in, and whose second half sits under a heading written as plain text.
const note = `Raft对只读操作的处理办法是

只读请求最终也必须依靠Leader来执行，如果是Follower接收请求的，那么必须转发。

执行读操作前要向集群广播一次心跳，并得到majority的反馈，确认自己仍是Leader。

只读操作的进一步优化

标准的强一致只读操作完全在Leader端进行。Follower可以向Leader索要readIndex，等自己的状态机应用到readIndex后在本地执行读操作。`;
const references = [{ source: 'raft.md', heading: 'raft 如何实现从 follower 读取', text: note }];
const question = 'Raft 如何实现从 follower 读取？';
const grade = (answer: string) => gradeOffline({ question, answer, references }).grade;
const texts = (markdown: string) => extractAllKeyPoints(markdown).map((point) => point.text);

describe('a lead-in names what a point is about and makes none of it', () => {
  it('grades an answer that only repeats the lead-in as saying nothing, and lists no point as touched', () => {
    for (const answer of ['Raft对只读操作的处理办法是', 'Raft对只读操作的处理办法是……', '嗯，处理办法是：']) {
      const card = grade(answer);
      expect(card.score, answer).toBe(0);
      expect(card.keyPoints.filter((point) => point.covered !== 'no'), answer).toEqual([]);
    }
    // The heading says 只读操作, which its paragraph says too: a label, graded as one.
    expect(grade('只读操作的进一步优化').score).toBeLessThanOrEqual(1.5);
  });

  it('still credits what follows the lead-in, in the answer as in the note', () => {
    const card = grade('Raft对只读操作的处理办法是，只读请求都要交给Leader执行，Follower收到了就转发给Leader；读之前Leader先广播一次心跳，拿到majority的反馈确认自己还是Leader。');
    expect(card.score).toBeGreaterThanOrEqual(6);
    expect(card.keyPoints.find((point) => point.text.includes('必须转发'))?.evidence).toContain('转发给Leader');
  });

  it('reads a verbless line between two paragraphs as the heading of the next, not as a point of its own', () => {
    const points = texts(note);
    expect(points).not.toContain('只读操作的进一步优化');
    expect(points).toContain('只读操作的进一步优化： 标准的强一致只读操作完全在Leader端进行。');
  });

  it('keeps names, runs of names and conditions as they were', () => {
    // A short name is the subject of what follows it; a run of names is a list; a line that compares states a condition.
    expect(texts('红黑树\n\n插入和删除最多旋转三次，查找是O(logn)。')).toEqual(['红黑树 插入和删除最多旋转三次，查找是O(logn)。']);
    expect(texts('常见的淘汰策略：\n\nFIFO\n\nLFU\n\nRandom\n\n缓存击穿是指热点key过期的瞬间大量请求落到数据库上。').some((point) => point.startsWith('Random：'))).toBe(false);
    expect(texts('切片共享底层数组。\n\n插入的元素个数大于原来的cap\n\n否则，不会有新的底层数组被开辟出来。')).toContain('插入的元素个数大于原来的cap');
  });
});
