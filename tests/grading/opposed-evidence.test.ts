import { describe, expect, it } from 'vitest';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';

/** The seed notes' RDB note, its first lines. */
const rdbNote = `redis 一般会有两个命令生产RDB，一个是 save ，另一个是 bgsave ，区别在于 是否阻塞主线程
- save 是和操作命令在同一个线程里面，如果有大key写入RDB文件，会造成阻塞。
- bgsave是创建一个子进程来写入RDB文件，不会造成阻塞。`;

/** How the card reads each point of the RDB note for an answer: covered (made), partly, or not. */
function reading(answer: string, point: RegExp): number {
  const scored = scoreAnswer({ question: 'RDB是怎么进行操作？', answer, references: [rdbNote] });
  const found = scored.points.find((entry) => point.test(entry.spec.text));
  if (!found) throw new Error(`no point matches ${point}`);
  return found.coverage.recall;
}

describe('a clause that gives a point the other polarity, of something else, is no evidence for it', () => {
  const bgsavePoint = /^bgsave是创建一个子进程/u;

  it('does not make "bgsave…不会造成阻塞" from an answer that only says save blocks', () => {
    const saveOnly = 'save 是和操作命令在同一个线程里面，如果有大key写入RDB文件，会造成阻塞。';
    // It had read 0.28 of the point, from 写入RDB文件 and 造成阻塞.
    expect(reading(saveOnly, bgsavePoint)).toBeLessThan(0.2);
  });

  it('still makes it from an answer that says bgsave does not block', () => {
    const both = 'save 在主线程写，如果有大key写入RDB文件，会造成阻塞；bgsave 是创建一个子进程来写入RDB文件，不会造成阻塞。';
    expect(reading(both, bgsavePoint)).toBeGreaterThanOrEqual(0.4);
  });
});
