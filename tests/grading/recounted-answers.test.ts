/**
 * An interview log recounts what the author answered and then what the answer should have been; only the latter is the
 * note's answer (`recounted-answers.ts`).
 */
import { describe, expect, it } from 'vitest';
import { extractKeyPoints } from '../../src/grading/key-points.ts';
import { gradeOffline } from '../../src/grading/offline-grader.ts';

const interviewLog = `面试官又问了 MySQL 慢查询怎么排查。当时脑子一片空白，随口就说：先加机器扩容，再把数据库重启一下。最后才提到看慢查询日志。

本来正确的做法应该是先打开慢查询日志找到慢 SQL，再用 explain 看执行计划，再针对性地加索引或改写 SQL，这个平时肯定答得出来，唉。还是得好好总结。`;
const question = '线上 MySQL 出现慢查询，你会怎么一步步排查？';
const reference = [{ source: 'log.md', heading: '慢查询怎么排查', text: interviewLog }];

describe('an interview log that recounts the author\'s own answer', () => {
  it('keeps what the answer should have been as the point, without the recounted answer, the talk about it or a note to self', () => {
    const points = extractKeyPoints(interviewLog).map((point) => point.text);
    expect(points).toEqual(['先打开慢查询日志找到慢 SQL，再用 explain 看执行计划，再针对性地加索引或改写 SQL']);
  });

  it('grades a candidate who gives the recounted answer low, and one who gives the correction high', () => {
    const recounted = gradeOffline({ question, answer: '我会先加机器扩容，再把数据库重启一下。', references: reference }).grade;
    const corrected = gradeOffline({ question, answer: '先开慢查询日志把慢 SQL 找出来，然后 explain 看执行计划，最后针对性加索引或者改写 SQL。', references: reference }).grade;
    expect(recounted.score).toBeLessThanOrEqual(2);
    expect(corrected.score).toBeGreaterThanOrEqual(8);
  });

  it('keeps the whole sentence of a note that corrects a common belief without recounting anything', () => {
    const points = extractKeyPoints('很多人以为 sync.Map 适合所有并发场景，其实应该是读多写少的场景才适合用它，写多时性能不如加锁的 map。').map((point) => point.text);
    expect(points.join('')).toContain('很多人以为 sync.Map 适合所有并发场景');
  });
});
