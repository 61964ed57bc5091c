import { describe, expect, it } from 'vitest';
import { findContradictions } from '../../src/grading/contradictions.ts';
import { extractAllKeyPoints } from '../../src/grading/key-points.ts';
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
