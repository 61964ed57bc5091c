import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/interview/report.ts';
import { parseTemplates } from '../../src/interview/templates.ts';
import { loadPrompts, perfectAnswer, sampleItems } from '../support/interview-fixtures.ts';
import { makeHarness } from '../support/interview-harness.ts';

const owner = 'deeper-owner';
const templates = parseTemplates(loadPrompts()['interviewer-templates'] ?? '');
const startsWithOneOf = (text: string, variants: readonly string[]) => variants.some((variant) => text.startsWith(variant));

/** A drill on two chosen cards: a perfect first answer earns a deeper question about a related, unplanned card. */
async function reachDeeperQuestion() {
  const items = sampleItems.filter((entry) => ['redis-persist', 'redis-aof-rewrite', 'mysql-index'].includes(entry.id));
  const { service } = makeHarness({ items });
  const { session } = await service.start(owner, { mode: 'drill', cards: ['redis-persist', 'mysql-index'] });
  const first = await service.submit(session.id, owner, { answer: perfectAnswer('redis-persist') });
  expect(first.next.kind).toBe('followup');
  expect(first.next.text).toContain(sampleItems.find((entry) => entry.id === 'redis-aof-rewrite')?.question);
  return { service, session };
}

describe('the reaction to the answer of a deeper question', () => {
  it('judges a good answer against the card it answers, so it is not waved off as off-topic', async () => {
    const { service, session } = await reachDeeperQuestion();
    const result = await service.submit(session.id, owner, { answer: perfectAnswer('redis-aof-rewrite') });
    expect(result.next.kind).toBe('question');
    expect(startsWithOneOf(result.next.text, templates['transition-strong'])).toBe(true);
    expect(startsWithOneOf(result.next.text, templates['transition-none'])).toBe(false);
  });

  it('still moves on kindly after "不知道", without praise', async () => {
    const { service, session } = await reachDeeperQuestion();
    const result = await service.submit(session.id, owner, { answer: '不知道' });
    expect(startsWithOneOf(result.next.text, templates['transition-none'])).toBe(true);
  });
});

describe('the card beside a follow-up answer', () => {
  it('shows the deeper answer\'s own grade, not the main question\'s 10 beside "不知道"', async () => {
    const { service, session } = await reachDeeperQuestion();
    const result = await service.submit(session.id, owner, { answer: '不知道' });
    const followup = result.grade?.followup;
    expect(followup?.kind).toBe('deeper');
    expect(followup?.nonAnswer).toBe(true);
    expect(followup?.score).toBe(0);
    expect(followup?.question).toBe(sampleItems.find((entry) => entry.id === 'redis-aof-rewrite')?.question);
    // The question keeps what the main answer earned (question-grade.ts: its best graded answer).
    expect(followup?.questionScore).toBe(result.grade?.score);
    expect(followup?.questionScore).toBeGreaterThanOrEqual(8);
    const { turns } = await service.transcript(session.id, owner);
    expect(turns.filter((turn) => turn.role === 'candidate').at(-1)?.grade?.followup?.nonAnswer).toBe(true);
  });

  it('grades a good deeper answer on the card it answers', async () => {
    const { service, session } = await reachDeeperQuestion();
    const result = await service.submit(session.id, owner, { answer: perfectAnswer('redis-aof-rewrite') });
    expect(result.grade?.followup?.kind).toBe('deeper');
    expect(result.grade?.followup?.score).toBeGreaterThanOrEqual(8);
    expect(result.grade?.followup?.nonAnswer).toBe(false);
  });

  it('names what a follow-up on the same note added, and nothing for a main answer', async () => {
    const items = sampleItems.filter((entry) => ['redis-persist', 'mysql-index'].includes(entry.id));
    const { service } = makeHarness({ items });
    const { session } = await service.start(owner, { mode: 'drill', cards: ['redis-persist', 'mysql-index'] });
    const reference = sampleItems.find((entry) => entry.id === 'redis-persist')!.reference;
    const firstHalf = reference.slice(0, Math.floor(reference.length / 3));
    const first = await service.submit(session.id, owner, { answer: firstHalf });
    expect(first.grade?.followup).toBeUndefined();
    expect(first.next.kind).toBe('followup');
    const second = await service.submit(session.id, owner, { answer: reference });
    expect(second.grade?.followup?.kind).toBe('followup');
    expect(second.grade?.followup?.added.length).toBeGreaterThan(0);
    expect(second.grade?.followup?.feedback).toMatch(/^这次追问补上了：/u);
    expect(second.grade?.followup?.questionScore).toBe(second.grade?.score);
  });
});

describe('the Markdown export of a follow-up answer', () => {
  it('puts the follow-up answer\'s own result under it, then the question\'s grade', async () => {
    const { service, session } = await reachDeeperQuestion();
    await service.submit(session.id, owner, { answer: '不知道' });
    const markdown = renderMarkdown(await service.report(session.id, owner));
    const afterDontKnow = markdown.slice(markdown.lastIndexOf('> 不知道'));
    expect(afterDontKnow).toMatch(/^> 不知道\n\n\*\*追问回答\*\*：这道追问 0 \/ 10 — 这道深入的追问没有答出内容/u);
    expect(afterDontKnow).toMatch(/\*\*本题成绩：(?:[89](?:\.\d)?|10) \/ 10\*\*（主问题和追问的回答合起来评）/u);
    expect(afterDontKnow.split('\n**面试官**')[0]).not.toContain('**评分：');
  });
});
