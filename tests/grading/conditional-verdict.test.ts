import { describe, expect, it } from 'vitest';
import { dependsOnCondition, unconditionalVerdict } from '../../src/grading/conditional-verdict.ts';
import { gradeOffline } from '../../src/grading/offline-grader.ts';

// corpus/go-mysql-redis-ecommerce-qa.md, 1-2: the note answers the ask by cases.
const note =
  '如果确定需要写redo log文件，这时要看checkpoint。redo log文件是循环写入的，覆盖写之前，总要保证对应的（即将被覆盖的）脏页已经刷到了磁盘。所以如果要覆盖的脏页已经被刷到磁盘，那么久直接覆盖；如果还没刷到磁盘，就需要阻塞等待脏页完成刷到磁盘后再执行覆盖。';
const question = 'redo log 文件写满了，能直接覆盖写吗？';
const grade = (answer: string) => gradeOffline({ question, answer, references: [{ source: 'mysql.md', heading: question, text: note }] }).grade;

describe('a bare yes or no to an ask the note answers by cases (conditional-verdict.ts)', () => {
  it('reads the note as answering by cases: one condition, then the same condition denied', () => {
    expect(dependsOnCondition(note)).toBe(true);
    // Two suppositions that only share a topic are two matters, not one condition's cases.
    expect(dependsOnCondition('如果对TCP连接数量没有限制，网页有1000张图片，意味着要开1000个TCP连接。如果只开一个TCP连接的话，用户的等待时间会比较长。')).toBe(false);
  });

  it('caps 「可以，满了直接从头覆盖」 and says why (it had scored 5.5 on the terse tuning set, 8.8 in other words)', () => {
    const answered = grade('可以，redo 循环写，满了直接从头覆盖就行，脏页之后再慢慢刷。');
    expect(answered.score).toBeLessThanOrEqual(2.5);
    expect(answered.feedback.startsWith('笔记里这要分情况')).toBe(true);
  });

  it('leaves an answer that names the condition, or says it depends', () => {
    expect(unconditionalVerdict(question, [note], '不一定，要看被覆盖的脏页有没有刷盘，没刷的话得先等它刷完。')).toBe(false);
    expect(unconditionalVerdict(question, [note], '可以，但前提是对应的脏页已经刷到磁盘了，不然要等。')).toBe(false);
    expect(grade('不一定。redo log 是循环写的，被覆盖那段对应的脏页要是已经刷盘了就能直接覆盖，没刷的话得先等脏页刷完才能写。').score).toBeGreaterThanOrEqual(7);
  });
});
