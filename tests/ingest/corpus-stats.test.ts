import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { topicIds } from '../../src/core/types.ts';
import { chunkItems } from '../../src/ingest/chunker.ts';
import { buildQuestionBank } from '../../src/ingest/corpus.ts';
import { corpusDir, corpusFileNames } from './corpus-fixture.ts';

/** Floors well under today's counts: a parser regression that loses questions trips them. */
const minimums: Record<string, { items: number; answered: number }> = {
  'cpp-backend-projects-and-internship.md': { items: 45, answered: 45 },
  'go-basics-qa.md': { items: 12, answered: 6 },
  'go-mysql-redis-ecommerce-qa.md': { items: 100, answered: 40 },
  'image-service-project-qa.md': { items: 65, answered: 42 },
  'os-network-k8s-microservices.md': { items: 60, answered: 30 },
};

describe('the bundled corpus', () => {
  const names = corpusFileNames();
  const bank = buildQuestionBank(names.map((name) => ({ path: name, bytes: readFileSync(path.join(corpusDir, name)) })));
  const chunks = chunkItems(bank.cards);

  it('has all five notes and indexes every one without warnings', () => {
    expect(names).toEqual(Object.keys(minimums));
    expect(bank.filesIndexed).toEqual(names);
    expect(bank.warnings).toEqual([]);
  });

  it.each(Object.entries(minimums))('%s parses into a sensible number of questions', (name, floor) => {
    const items = bank.cards.filter((item) => item.source === name);
    expect(items.length).toBeGreaterThanOrEqual(floor.items);
    expect(items.filter((item) => item.answered).length).toBeGreaterThanOrEqual(floor.answered);
  });

  it('gives every item a unique id, a question and at least one known topic', () => {
    expect(new Set(bank.cards.map((item) => item.id)).size).toBe(bank.cards.length);
    for (const item of bank.cards) {
      expect(item.question.trim()).not.toBe('');
      // An answered card has a reference; a reference that answers nothing asked (a bare term under 「rpc？二进制协议？」) leaves
      // its card unanswered, with no key points to grade against.
      if (item.answered) expect(item.reference).not.toBe('');
      else expect(item.keyPoints).toEqual([]);
      expect(item.topics.length).toBeGreaterThan(0);
      for (const topic of item.topics) expect(topicIds).toContain(topic);
    }
  });

  it('covers most topics of the taxonomy', () => {
    const used = new Set(bank.cards.flatMap((item) => item.topics));
    for (const topic of ['go', 'cpp', 'redis', 'mysql', 'network', 'os', 'distributed', 'cloud', 'mq', 'project'] as const) {
      expect(used.has(topic), topic).toBe(true);
    }
  });

  it('chunks into at least one passage per item and keeps chunk ids unique', () => {
    expect(chunks.length).toBeGreaterThanOrEqual(bank.cards.length);
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(chunks.length);
  });

  it('puts every retrieval-eval answer span verbatim into some chunk', () => {
    // The repository's own paraphrase set, so the test runs in any clone (`npm run eval` also checks the shared one).
    const evalFile = path.resolve(corpusDir, '../eval/retrieval-heldout.jsonl');
    const squash = (text: string): string => text.replace(/\s+/g, '');
    const texts = chunks.map((chunk) => squash(chunk.text));
    for (const line of readFileSync(evalFile, 'utf8').trim().split('\n')) {
      const { id, expect: spans } = JSON.parse(line) as { id: string; expect: string[] };
      expect(spans.some((span) => texts.some((text) => text.includes(squash(span)))), id).toBe(true);
    }
  });
});
