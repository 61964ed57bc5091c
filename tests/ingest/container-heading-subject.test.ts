/**
 * A section under a heading that only groups sections ("关键过程", "面试题") is asked about the subject above that heading:
 * "安全性" under "raft > 关键过程" had been asked as 「说说你对安全性的了解。」, which a candidate cannot place.
 */
import { describe, expect, it } from 'vitest';
import { cardsOf } from './corpus-fixture.ts';

const note = (group: string) =>
  `# 分布式\n\n## raft\n\n### ${group}\n\n#### 安全性\n\n- 已提交的日志条目必须在多数节点上复制，新的领导者一定包含所有已提交的日志。\n\n#### 领导者选举\n\n- 跟随者超时没收到心跳就变成候选者，拿到多数票就成为领导者。\n`;

describe('a section under a grouping heading', () => {
  it('is asked with the subject of the heading above the group', () => {
    const questions = cardsOf(note('关键过程')).filter((card) => !card.searchOnly).map((card) => card.question);
    expect(questions.find((question) => question.includes('安全性'))).toMatch(/raft/i);
    expect(questions.find((question) => question.includes('领导者选举'))).toMatch(/raft/i);
  });

  it('keeps the subject of a heading that names one', () => {
    const questions = cardsOf(note('共识')).filter((card) => !card.searchOnly).map((card) => card.question);
    expect(questions.find((question) => question.includes('安全性'))).toMatch(/共识/);
  });
});
