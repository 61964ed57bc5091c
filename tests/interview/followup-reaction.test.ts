import { describe, expect, it } from 'vitest';
import { parseTemplates } from '../../src/interview/templates.ts';
import { item } from '../support/bigram-knowledge.ts';
import { loadPrompts } from '../support/interview-fixtures.ts';
import { makeHarness } from '../support/interview-harness.ts';

const owner = 'followup-reaction-owner';
const templates = parseTemplates(loadPrompts()['interviewer-templates'] ?? '');
const startsWithOneOf = (text: string, variants: readonly string[]) => variants.some((variant) => text.startsWith(variant));

// corpus/image-service-project-qa.md, "缓存击穿" (its first five points).
const note = {
  id: 'cache-breakdown',
  question: '什么是缓存击穿？怎么解决？',
  answer: [
    '- 缓存击穿是指一个热点key在缓存中过期的瞬间，大量的请求就落到了数据库上，可能导致数据库瞬间压力过大。',
    '- 设置热点数据永不过期：这是最简单的方式，但需要保证更新缓存的操作比较及时，否则会出现缓存和数据库不一致。',
    '- 使用互斥锁或分布式锁：缓存失效时只让第一个拿到锁的线程加载数据，其他线程等待，加载完成后再从缓存读取。',
    '- 使用缓存预热策略：系统上线后把可能成为热点的数据提前加载到缓存中。',
    '- 使用数据库代理限制连接数，保护数据库。',
  ].join('\n'),
  topics: ['redis' as const],
};
const next = { id: 'redis-single', question: 'Redis 为什么用单线程？', answer: '- 简单，避免死锁、数据竞争\n- 效率高，充分利用cpu。\n- 每个操作都是原子性的。', topics: ['redis' as const] };
describe('the reaction to a follow-up answer agrees with its own card', () => {
  it('does not praise a follow-up answer that added nothing, however good the main answer was', async () => {
    const { service } = makeHarness({ items: [item(note), item(next)] });
    const { session } = await service.start(owner, { mode: 'drill', cards: ['cache-breakdown', 'redis-single'] });
    const main =
      '缓存击穿就是一个热点key在缓存中过期的瞬间，大量的请求落到了数据库上，数据库瞬间压力过大。解决方法：设置热点数据永不过期，但要保证更新缓存的操作及时，否则缓存和数据库不一致；使用互斥锁或分布式锁，缓存失效时只让第一个拿到锁的线程加载数据，其他线程等待，加载完成后再从缓存读取；使用缓存预热策略，系统上线后把可能成为热点的数据提前加载到缓存中。';
    const first = await service.submit(session.id, owner, { answer: main });
    expect(first.grade?.score).toBeGreaterThanOrEqual(8);
    expect(first.next.kind).toBe('followup');
    const second = await service.submit(session.id, owner, { answer: main });
    expect(second.grade?.followup?.added).toEqual([]);
    expect(startsWithOneOf(second.next.text, templates['transition-strong'])).toBe(false);
  });
});

describe('the card of a skipped question', () => {
  it('names the points to review by what they are about, not by a bag of their terms', async () => {
    const { service } = makeHarness({ items: [item(note), item(next)] });
    const { session } = await service.start(owner, { mode: 'drill', cards: ['cache-breakdown', 'redis-single'] });
    const skipped = await service.submit(session.id, owner, { action: 'skip' });
    expect(skipped.grade?.score).toBe(0);
    expect(skipped.grade?.feedback).toMatch(/^你跳过了这道题，本题记 0 分。复习时重点看看：什么是缓存击穿；/u);
    expect(skipped.grade?.gaps[0]).toBe('没有提到：什么是缓存击穿');
  });
});
