import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';

describe('a clause that leaves its subject to its sentence', () => {
  const question = 'save 和 bgsave 有什么区别？';
  const note = [
    'save 是和操作命令在同一个线程里面，如果有大key写入RDB文件，会造成阻塞。',
    'bgsave是创建一个子进程来写入RDB文件，不会造成阻塞。',
    '这样是为了减少创建子进程时的性能损耗，加快子进程的创建速度，毕竟创建子进程的过程中，是会阻塞主线程的。',
  ];

  it('is said of the thing its sentence names, English words kept apart: a correct answer is not a denial of the fork clause', () => {
    expect(contradicted(question, note, 'save 在主线程里写 RDB，会阻塞；bgsave fork 一个子进程去写，主线程不阻塞。')).toEqual([]);
  });

  it('still denies the fork clause when the clause names what it says it of, or says it of both', () => {
    expect(contradicted(question, note, 'bgsave 创建子进程的过程不会阻塞主线程。')).toEqual([note[2]]);
    expect(contradicted(question, note, 'save 和 bgsave 都不会阻塞主线程。')).toContain(note[2]);
  });
});
