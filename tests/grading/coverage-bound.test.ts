/**
 * `coverageBound` (offline-scorer.ts) reads an answer as though it contradicted nothing: it is never below the full
 * reading's coverage, so answered-reference.ts can pass over a note an answer cannot clearly answer better.
 */
import { describe, expect, it } from 'vitest';
import { coverageBound, scoreAnswer } from '../../src/grading/offline-scorer.ts';

const question = 'Redis 的 save 和 bgsave 有什么区别？';
const note = `- save 是和操作命令在同一个线程里面执行的，会造成阻塞，期间 Redis 不能处理其他命令。
- bgsave 会 fork 一个子进程来写 RDB 文件，主线程继续处理命令，不会造成阻塞。
- fork 时子进程和父进程共享内存页，写时复制，只有被修改的页才会复制。`;

const answers = {
  correct: 'save 在主线程里写 RDB，会阻塞，别的命令都处理不了；bgsave fork 一个子进程去写，主线程照常处理命令，不阻塞，父子进程靠写时复制共享内存页。',
  contradicting: 'save 不会造成阻塞，Redis 可以照常处理其他命令；bgsave 会造成阻塞，因为 fork 子进程的时候主线程要等它把 RDB 文件写完。',
  partial: 'bgsave 会 fork 一个子进程来写 RDB 文件。',
  offTopic: 'MySQL 的 redo log 是先写 buffer 再刷盘的。',
};

describe('the coverage bound of an answer on a note', () => {
  it('is never below the coverage of the full reading', () => {
    for (const answer of Object.values(answers)) {
      const input = { question, answer, references: [note] };
      expect(coverageBound(input)).toBeGreaterThanOrEqual(scoreAnswer(input).coverage);
    }
  });

  it('is the full coverage of an answer that contradicts nothing', () => {
    const input = { question, answer: answers.correct, references: [note] };
    expect(scoreAnswer(input).wrong).toBe(0);
    expect(coverageBound(input)).toBeCloseTo(scoreAnswer(input).coverage, 9);
  });

  it('credits the points a contradicting answer says the opposite of, which the full reading does not', () => {
    const input = { question, answer: answers.contradicting, references: [note] };
    const full = scoreAnswer(input);
    expect(full.wrong).toBeGreaterThan(0);
    expect(coverageBound(input)).toBeGreaterThan(full.coverage);
  });
});
