import { describe, expect, it } from 'vitest';
import type { Card, TopicId } from '../../src/core/types.ts';
import { capGrade, rankPoints } from '../../src/interview/key-points.ts';
import { findOpeningItem, planDrill, planQuestions } from '../../src/interview/question-picker.ts';
import { item } from '../support/bigram-knowledge.ts';
import { sampleItems } from '../support/interview-fixtures.ts';
import { seededRandom } from '../support/seeded-random.ts';

function bank(counts: Partial<Record<TopicId, number>>): Card[] {
  return Object.entries(counts).flatMap(([topic, count]) =>
    Array.from({ length: count ?? 0 }, (_, index) => item({ id: `${topic}-${index}`, question: `${topic} 问题 ${index}`, answer: `- 答案 ${index}`, topics: [topic as TopicId] })),
  );
}

const topicOf = (items: Card[], id: string) => items.find((entry) => entry.id === id)?.topics[0];

describe('planQuestions', () => {
  it('over the whole bank never asks the same topic twice in a row while another remains', () => {
    const items = bank({ go: 12, redis: 3, mysql: 3 });
    for (let seed = 1; seed <= 20; seed += 1) {
      const plan = planQuestions(items, { topics: [], count: 6, random: seededRandom(seed) });
      expect(new Set(plan).size).toBe(6);
      const topics = plan.map((id) => topicOf(items, id));
      for (let index = 1; index < topics.length; index += 1) expect(topics[index]).not.toBe(topics[index - 1]);
    }
  });

  it('weights the whole bank by topic size', () => {
    const items = bank({ go: 40, redis: 5, mysql: 5 });
    let goFirst = 0;
    for (let seed = 1; seed <= 200; seed += 1) {
      const [first] = planQuestions(items, { topics: [], count: 1, random: seededRandom(seed) });
      if (topicOf(items, first ?? '') === 'go') goFirst += 1;
    }
    expect(goFirst).toBeGreaterThan(120);
  });

  it('keeps an item that belongs to two chosen topics to one slot', () => {
    const items = [
      item({ id: 'both', question: 'Redis 和 MySQL 一致性', answer: '- 延时双删', topics: ['redis', 'mysql'] }),
      item({ id: 'redis-only', question: 'Redis 单线程', answer: '- IO 多路复用', topics: ['redis'] }),
    ];
    const plan = planQuestions(items, { topics: ['redis', 'mysql'], count: 5, random: seededRandom(1) });
    expect(plan.sort()).toEqual(['both', 'redis-only']);
  });

  it('plans the same from a bank it has planned from before as from a fresh copy of it, with and without exclusions', () => {
    // Worded alike in pairs, so an exclusion can let the other card of a pair in.
    const items = [...bank({ go: 9, redis: 6, mysql: 4 }), ...bank({ go: 3, redis: 2 }).map((card) => ({ ...card, id: `${card.id}-again` }))];
    const choices: { topics: TopicId[]; exclude?: Set<string> }[] = [
      { topics: [] },
      { topics: ['redis', 'go'] },
      { topics: ['go', 'redis'] },
      { topics: ['go'], exclude: new Set(['go-1']) },
      { topics: [], exclude: new Set(['redis-0', 'absent']) },
    ];
    for (let seed = 1; seed <= 30; seed += 1) {
      for (const choice of choices) {
        const options = (random: () => number) => ({ ...choice, count: 7, random });
        const planned = planQuestions(items, options(seededRandom(seed)));
        expect(planQuestions(items, options(seededRandom(seed)))).toEqual(planned);
        expect(planQuestions([...items], options(seededRandom(seed)))).toEqual(planned);
      }
    }
    const excluded = planQuestions(items, { topics: ['go'], count: 12, random: seededRandom(1), exclude: new Set(['go-1']) });
    expect(excluded).not.toContain('go-1');
    expect(excluded).toContain('go-1-again');
  });

  it('honours exclusions and topic filters', () => {
    const plan = planQuestions(sampleItems, { topics: ['redis'], count: 10, random: seededRandom(2), exclude: new Set(['redis-evict']) });
    expect(plan.sort()).toEqual(['redis-aof-rewrite', 'redis-persist']);
  });
});

describe('planDrill', () => {
  it('orders due cards by due date, then new answered items, then upcoming cards', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    const card = (questionId: string, offsetDays: number) => ({
      ownerId: 'o',
      questionId,
      topics: ['mysql' as TopicId],
      due: new Date(now.getTime() + offsetDays * 86_400_000).toISOString(),
      card: {},
    });
    const drill = planDrill(sampleItems, 'mysql', [card('mysql-redo', 2), card('mysql-mvcc', -1), card('mysql-index', -3), card('go-map', -9)], {
      count: 10,
      now,
      random: seededRandom(1),
    });
    expect(drill).toEqual({ plan: ['mysql-index', 'mysql-mvcc', 'mysql-redo'], due: 2 });
  });
});

describe('findOpeningItem', () => {
  it('prefers a self-introduction, then a project introduction, else nothing', () => {
    expect(findOpeningItem(sampleItems, seededRandom(1))?.id).toBe('intro');
    const project = item({ id: 'ws', question: 'web server介绍', answer: '- epoll + 线程池', topics: ['project'] });
    expect(findOpeningItem([...sampleItems.slice(1), project], seededRandom(1))?.id).toBe('ws');
    expect(findOpeningItem(sampleItems.slice(1), seededRandom(1))).toBeUndefined();
  });
});

describe('key points', () => {
  it('ranks missed points by weight, then "no" before "partial", then grader order', () => {
    const ranked = rankPoints([
      { text: 'a', covered: 'partial' },
      { text: 'b', covered: 'yes' },
      { text: 'c', covered: 'no' },
      { text: 'd', covered: 'no', weight: 3 },
    ]);
    expect(ranked.map((point) => point.text)).toEqual(['d', 'c', 'a', 'b']);
  });

  it('caps a grade after hints and says why, leaving lower scores alone', () => {
    const grade = { score: 9.5, band: 'excellent' as const, keyPoints: [], strengths: [], gaps: [], feedback: '', references: [], grader: 'offline' as const, fallback: false };
    expect(capGrade(grade, 0)).toBe(grade);
    expect(capGrade(grade, 1)).toMatchObject({ score: 7, band: 'good', notice: expect.stringContaining('9.5') });
    expect(capGrade({ ...grade, score: 4 }, 2).score).toBe(4);
  });
});
