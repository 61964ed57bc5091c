/**
 * A card's evidence is about its point: a quote that shares only general words with a point (关键, 实现, 数据) is not
 * evidence of it, and an off-topic answer's card lists nothing as touched on such words (issue 10 item 5).
 */
import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/core/types.ts';
import { restsOnGeneralWords } from '../../src/grading/general-evidence.ts';
import { gradeOffline } from '../../src/grading/offline-grader.ts';
import { isNonAnswer } from '../../src/interview/answer-gaps.ts';
import { sampleItems } from '../support/interview-fixtures.ts';

const question = '短链接的原理和场景是什么？';
const note = '1. 生成短码\n2. 302 跳转\n3. 访客统计\n\n关键点：\n\n1. 记录长链接的摘要\n2. 短码表关联\n\n发号器可以做成独立服务';
const references = [{ source: 'short-link.md', heading: '短链接原理场景', text: note }];
const offTopic = '我觉得关键是先定位瓶颈';

describe('evidence that rests on general words', () => {
  it('is a quote whose only words in common with the point are general ones', () => {
    expect(restsOnGeneralWords('访客统计 关键点： 记录长链接的摘要', offTopic)).toBe(true);
    expect(restsOnGeneralWords('订单服务实现了幂等', '这个系统的实现比较复杂')).toBe(true);
  });

  it('is not a quote that shares a word of the point\'s own, a name, a number or a term', () => {
    expect(restsOnGeneralWords('访客统计 关键点： 记录长链接的摘要', '关键是把长链接的摘要记下来')).toBe(false);
    expect(restsOnGeneralWords('联合索引建在 a、b、c 上', '只查 b 或 c 用不上')).toBe(false);
    expect(restsOnGeneralWords('订单服务实现了幂等', '重复请求要幂等处理')).toBe(false);
  });

  it('is not a quote of a point made only of general words, nor one in another language than the point', () => {
    expect(restsOnGeneralWords('提高性能', '主要是为了提高性能')).toBe(false);
    expect(restsOnGeneralWords('访客统计 关键点： 记录长链接的摘要', 'the key is to store a digest of the long link')).toBe(false);
  });
});

describe('the card of an off-topic answer', () => {
  const { grade, details } = gradeOffline({ question, answer: offTopic, references });

  it('lists no point as touched and quotes nothing, as its verdict says', () => {
    expect(details.flags).toContain('offtopic');
    expect(grade.keyPoints.every((point) => point.covered === 'no')).toBe(true);
    expect(grade.keyPoints.some((point) => point.evidence)).toBe(false);
    expect(grade.strengths).toEqual([]);
  });

  it('is a non-answer to the interviewer, who moves on without a weak answer\'s reaction', () => {
    const card: Card = { ...sampleItems[1]!, question, reference: note, keyPoints: [{ text: '访客统计 关键点： 记录长链接的摘要', concepts: ['关键', '记录', '摘要'], weight: 1 }] };
    expect(isNonAnswer(card, offTopic, grade)).toBe(true);
  });

  it('on an answer no guard caught, quotes no general words either, while the mark stays on the score\'s scale', () => {
    const card = gradeOffline({
      question: '短链接怎么生成？',
      answer: '记录长链接的摘要，用摘要去重。关键在于先定位瓶颈',
      references: [{ source: 'short-link.md', heading: '短链接', text: '- 记录长链接的摘要，用摘要去重\n- 发号器的关键是号段预取' }],
    }).grade;
    const made = card.keyPoints.find((entry) => entry.text.includes('摘要'))!;
    const touched = card.keyPoints.find((entry) => entry.text.includes('号段'))!;
    expect(made.evidence).toContain('摘要');
    expect(touched.evidence).toBeUndefined();
  });

  it('still quotes a clause that says the point in the note\'s words', () => {
    const onTopic = gradeOffline({ question, answer: '关键是把长链接的摘要记下来，再和短码表关联', references }).grade;
    const point = onTopic.keyPoints.find((entry) => entry.text.includes('摘要'))!;
    expect(point.covered).not.toBe('no');
    expect(point.evidence).toContain('摘要');
  });
});
