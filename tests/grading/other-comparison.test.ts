import { describe, expect, it } from 'vitest';
import { gradeOffline } from '../../src/grading/offline-grader.ts';
import { comparesOtherThings } from '../../src/grading/other-comparison.ts';

// corpus/go-mysql-redis-ecommerce-qa.md, "RDB是怎么进行操作？", as the card holds it.
const rdbNote = `redis 一般会有两个命令生产RDB，一个是save，另一个是bgsave，区别在于是否阻塞主线程

- save 是和操作命令在同一个线程里面，如果有大key写入RDB文件，会造成阻塞。

- bgsave是创建一个子进程来写入RDB文件，不会造成阻塞。

**RDB和everysec模式的AOF区别就是一个是全量，一个是增量**

那么在bgsave中，通过fork函数创建的子进程会和父进程共享同一片内存数据，因为在fork的时候，子进程会复制父进程的页表数据。这样是为了减少创建子进程时的性能损耗，加快子进程的创建速度。`;

describe('a point comparing other things than the question asks about', () => {
  it('is listed on the card but not named as missed: a save/bgsave answer is not told to compare RDB with AOF', () => {
    const { grade } = gradeOffline({
      question: 'save 和 bgsave 有什么区别？',
      answer: 'save 在主线程里写 RDB，会阻塞；bgsave fork 一个子进程去写，主线程不阻塞。',
      references: [{ source: 'redis.md', heading: 'RDB是怎么进行操作？', text: rdbNote }],
    });
    expect(grade.keyPoints.some((point) => point.text.includes('AOF') && point.covered === 'no')).toBe(true);
    expect(grade.feedback).not.toMatch(/AOF/u);
    expect(grade.gaps.join('')).not.toMatch(/AOF/u);
    // What the answer did leave out is still named.
    expect(grade.feedback).toMatch(/没讲/u);
  });

  it('costs nothing when left out: the answer scores as it does against the note without that remark', () => {
    const grade = (text: string, answer: string) =>
      gradeOffline({ question: 'save 和 bgsave 有什么区别？', answer, references: [{ source: 'redis.md', heading: 'RDB是怎么进行操作？', text }] }).grade.score;
    const withoutRemark = rdbNote.replace('**RDB和everysec模式的AOF区别就是一个是全量，一个是增量**\n\n', '');
    const right = 'save 在主线程里写 RDB 会阻塞；bgsave fork 子进程写，子进程复制页表共享内存，不阻塞主线程。';
    expect(withoutRemark).not.toContain('AOF');
    // At most a rounding step: the remark's RDB makes that word a little less telling in the other points.
    expect(Math.abs(grade(rdbNote, right) - grade(withoutRemark, right))).toBeLessThanOrEqual(0.1);
    // Made, it still counts: an answer about RDB and AOF alone is not worth less for it.
    const aside = 'RDB 是全量快照，AOF 是增量日志。';
    expect(grade(rdbNote, aside)).toBeGreaterThan(grade(withoutRemark, aside));
  });

  it('reads only a comparison of two named sides, and only against a question that asks for a difference', () => {
    expect(comparesOtherThings('RDB和everysec模式的AOF区别就是一个是全量，一个是增量', 'save 和 bgsave 有什么区别？')).toBe(true);
    // The question's own sides, named by the point.
    expect(comparesOtherThings('save和bgsave的区别在于是否阻塞主线程', 'save 和 bgsave 有什么区别？')).toBe(false);
    expect(comparesOtherThings('RDB和everysec模式的AOF区别就是一个是全量，一个是增量', 'RDB 和 AOF 有什么区别？')).toBe(false);
    // "varies with", and a question that asks whether two values compare.
    expect(comparesOtherThings('具体实现可能会因编译器和平台的不同而不同。', '虚函数表和虚函数表指针有什么区别？')).toBe(false);
    expect(comparesOtherThings('RDB和everysec模式的AOF区别就是一个是全量，一个是增量', '两个 interface {} 能不能比较')).toBe(false);
  });
});
