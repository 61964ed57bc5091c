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

  it('lets one clause stand for two points it makes', () => {
    const answer = '区别在于是否阻塞主线程：save 在主线程中写入 RDB 文件会造成阻塞，bgsave 创建一个子进程来写入 RDB 文件不会造成阻塞';
    const { grade } = gradeOffline({ question: rdbQuestion, answer, references: [reference] });
    const quote = '区别在于是否阻塞主线程：save 在主线程中写入 RDB 文件会造成阻塞';
    const made = grade.keyPoints.filter((point) => point.covered === 'yes' && point.evidence === quote);
    expect(made.map((point) => point.text.slice(0, 8))).toEqual(['redis 一般', 'save是在主线']);
  });
});
