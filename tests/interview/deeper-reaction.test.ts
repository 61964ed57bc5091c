import { describe, expect, it } from 'vitest';
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
