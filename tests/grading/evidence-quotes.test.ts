import { describe, expect, it } from 'vitest';
import { gradeOffline } from '../../src/grading/offline-grader.ts';
import { rdbNote, rdbQuestion } from './rdb-note.ts';

const reference = { source: 'redis.md', heading: 'RDB是怎么进行操作？', text: rdbNote };

describe('a clause of the answer is quoted under the point it is about (issue 10 item 5)', () => {
  it('quotes a clause under one touched point only, the one it matches best', () => {
    const { grade } = gradeOffline({ question: rdbQuestion, answer: 'save 阻塞主线程，bgsave fork 子进程不阻塞', references: [reference] });
    const quoted = (start: string) => grade.keyPoints.find((point) => point.text.startsWith(start));
    // 「save 阻塞主线程」 is about save; it had also been the quote of the point on why fork is kept fast.
    expect(quoted('save是在主线程中写入')).toMatchObject({ covered: 'partial', evidence: 'save 阻塞主线程' });
    expect(quoted('这样是为了减少')?.covered).toBe('partial');
    expect(quoted('这样是为了减少')?.evidence).toBeUndefined();
    const quotes = grade.keyPoints.filter((point) => point.covered === 'partial' && point.evidence).map((point) => point.evidence);
    expect(new Set(quotes).size).toBe(quotes.length);
  });

  it('gives a clause to the point led by its subject, and does not quote part of it again under another point', () => {
    // The seed note as written (corpus/go-mysql-redis-ecommerce-qa.md), whose save point is longer than rdb-note.ts's.
    const seedNote = [
      'redis 一般会有两个命令生产RDB，一个是save，另一个是bgsave，区别在于是否阻塞主线程',
      '- save 是和操作命令在同一个线程里面，如果有大key写入RDB文件，会造成阻塞。',
      '- bgsave是创建一个子进程来写入RDB文件，不会造成阻塞。',
      '那么在bgsave中，通过fork函数创建的子进程会和父进程共享同一片内存数据，因为在fork的时候，子进程会复制父进程的页表数据。这样是为了减少创建子进程时的性能损耗，加快子进程的创建速度。',
    ].join('\n\n');
    const { grade } = gradeOffline({ question: rdbQuestion, answer: 'save 在主线程里写 RDB，会阻塞；bgsave fork 一个子进程去写，主线程不阻塞。', references: [{ ...reference, text: seedNote }] });
    const quoted = (start: string) => grade.keyPoints.find((point) => point.text.startsWith(start));
    expect(quoted('save 是和操作命令')?.evidence).toBe('save 在主线程里写 RDB，会阻塞');
    expect(quoted('这样是为了减少')?.evidence).toBeUndefined();
  });

  it('lets one clause stand for two points it makes', () => {
    const answer = '区别在于是否阻塞主线程：save 在主线程中写入 RDB 文件会造成阻塞，bgsave 创建一个子进程来写入 RDB 文件不会造成阻塞';
    const { grade } = gradeOffline({ question: rdbQuestion, answer, references: [reference] });
    const quote = '区别在于是否阻塞主线程：save 在主线程中写入 RDB 文件会造成阻塞';
    const made = grade.keyPoints.filter((point) => point.covered === 'yes' && point.evidence === quote);
    expect(made.map((point) => point.text.slice(0, 8))).toEqual(['redis 一般', 'save是在主线']);
  });
});

describe('a spoken opener is not part of the quote', () => {
  it('quotes what follows 「我理解是这样的：」, not the opener', () => {
    const answer = '嗯，我理解是这样的：save 在主线程里写 RDB，会阻塞；bgsave fork 一个子进程去写，主线程不阻塞。';
    const { grade } = gradeOffline({ question: rdbQuestion, answer, references: [reference] });
    const quotes = grade.keyPoints.flatMap((point) => (point.evidence ? [point.evidence] : []));
    expect(quotes).toContain('save 在主线程里写 RDB，会阻塞');
    expect(quotes.filter((quote) => /是这样的/u.test(quote))).toEqual([]);
  });
});
