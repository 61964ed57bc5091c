import { describe, expect, it } from 'vitest';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';

/** A note whose second point adds one word (TCP) to the question's own words. */
const note = '- TCP 连接有的时候会被浏览器和服务端维持一段时间。\n- TCP 不需要重新建立，SSL 自然也会用之前的。';
const question = '为什么有的时候刷新页面不需要重新建立 SSL 连接？';
const recall = (answer: string) =>
  scoreAnswer({ question, answer, references: [note] }).points.find((point) => point.spec.text.startsWith('TCP 不需要'))!.coverage.recall;

describe('a point that adds a word or so to the question', () => {
  it('is not made by naming that word in another relation ("要开1000个TCP连接")', () => {
    expect(recall('如果对TCP连接数量没有限制，网页有1000张图片，意味着要开1000个TCP连接。')).toBeLessThan(0.4);
  });

  it('is made by saying the word in the question\'s relation, in the answer\'s own words', () => {
    expect(recall('TCP 连接还在，TCP 不用重新建立，SSL 会话也能复用之前的。')).toBeGreaterThanOrEqual(0.4);
  });

  it('is read as before in an answer in English, which says the question\'s words in English', () => {
    const english = scoreAnswer({ question, answer: 'The browser keeps the TCP connection alive for a while, so TCP is not set up again and SSL reuses the earlier session.', references: [note] });
    expect(english.score).toBeGreaterThan(3);
  });
});
