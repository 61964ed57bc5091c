import { describe, expect, it } from 'vitest';
import { pointFrequencies } from '../../src/grading/answer-coverage.ts';
import { coverPoint, viewAnswer } from '../../src/grading/coverage.ts';
import { extractAllKeyPoints } from '../../src/grading/key-points.ts';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';
import { isGenericWord, profileText } from '../../src/grading/text-analysis.ts';

describe('general-vocabulary words weigh less in a point (coverage.ts genericWordFactor)', () => {
  const note = `- 消息队列是一种异步解耦的通信技术和方式，生产者不必等待消费者处理完成
- 削峰填谷：突发流量先写入队列缓冲，消费者按自己的速度拉取
- 需要处理重复消费和消息丢失：消费端做幂等，生产端开启确认重试`;
  const question = '项目里为什么要引入消息队列？它解决了什么问题？';
  const specs = extractAllKeyPoints(note, 0);
  const questionUnits = new Set(profileText(question).units.keys());
  const options = { sameLanguageConcepts: 0.5, pointFrequency: pointFrequencies(specs) };
  const vague = '这是现在很常用的一种技术，能提高系统的处理效率，对开发帮助很大，是一种比较好的方式。';
  const substantive = '主要是为了异步解耦，生产者发完就走，不用等消费者处理完；另外突发流量可以先进队列缓冲，做削峰填谷。';

  it('a vague answer saying only words every note uses (技术, 方式, 处理) earns little of the point', () => {
    // Before: recall 0.13 and a score of 5.1 on words like 技术/方式/处理 alone.
    expect(coverPoint(specs[0]!, viewAnswer(vague), questionUnits, options).recall).toBeLessThan(0.1);
    expect(scoreAnswer({ question, answer: vague, references: [note] }).score).toBeLessThanOrEqual(4);
  });

  it('guard: an answer saying the substance (异步解耦, 削峰填谷) still makes the points and scores high', () => {
    expect(coverPoint(specs[0]!, viewAnswer(substantive), questionUnits, options).recall).toBeGreaterThanOrEqual(0.4);
    expect(scoreAnswer({ question, answer: substantive, references: [note] }).score).toBeGreaterThanOrEqual(9);
  });

  it('guard: the list is general vocabulary, not topic words', () => {
    expect(isGenericWord('技术')).toBe(true);
    for (const word of ['解耦', '异步', '队列', '幂等', '削峰']) expect(isGenericWord(word)).toBe(false);
  });
});
