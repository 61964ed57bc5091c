import { describe, expect, it } from 'vitest';
import { stableHash } from '../../src/core/hash.ts';
import type { Card } from '../../src/core/types.ts';
import { chunkEmbeddingText, chunkItems, passageOf } from '../../src/ingest/chunker.ts';
import { corpusFileNames, findItem, parseCorpusFile } from './corpus-fixture.ts';

const corpusItems = corpusFileNames().flatMap(parseCorpusFile);
const corpusChunks = chunkItems(corpusItems);
const itemById = new Map(corpusItems.map((item) => [item.id, item]));

function item(answer: string, overrides: Partial<Card> = {}): Card {
  return {
    id: 'item-1',
    question: '什么是三色标记法？',
    context: '',
    reference: answer,
    keyPoints: [],
    followups: [],
    kind: 'technical',
    answered: answer !== '',
    topics: ['go'],
    source: 'go.md',
    headingPath: ['go', 'GC', '什么是三色标记法？'],
    lines: { start: 1, end: 2 },
    ...overrides,
  };
}

const sentence = (index: number): string => `第${index}句话讲的是写屏障如何让标记和用户代码并发运行，避免漏标。`;

describe('chunkItems', () => {
  it('never lets a chunk span two items: every chunk is a slice of its own passage (code, then answer)', () => {
    for (const chunk of corpusChunks) {
      const owner = itemById.get(chunk.cardId);
      expect(owner).toBeDefined();
      if (!owner) continue;
      expect(chunk.source).toBe(owner.source);
      expect(chunk.topics).toEqual(owner.topics);
      expect(chunk.heading.startsWith(owner.headingPath.join(' > '))).toBe(true);
      expect(chunk.heading.endsWith(owner.question.replaceAll(' > ', ' '))).toBe(true);
      if (owner.answered || owner.code) expect(passageOf(owner)).toContain(chunk.text);
      else expect(chunk.text).toBe(owner.question);
    }
  });

  it('chunks a code question’s code with its answer, so the code finds it', () => {
    const card = item('输出 showA、showB：Go 没有继承，只有组合。', { code: '```go\ntype Teacher struct { People }\n```' });
    const [chunk] = chunkItems([card]);
    expect(chunk!.text).toContain('type Teacher struct');
    expect(chunk!.text).toContain('只有组合');
  });

  it('gives every item at least one chunk, with ids numbered per item', () => {
    const byItem = new Map<string, string[]>();
    for (const chunk of corpusChunks) byItem.set(chunk.cardId, [...(byItem.get(chunk.cardId) ?? []), chunk.id]);
    for (const entry of corpusItems) {
      const ids = byItem.get(entry.id) ?? [];
      expect(ids.length).toBeGreaterThan(0);
      expect(ids).toEqual(ids.map((_, ordinal) => `${entry.id}#${ordinal}`));
    }
  });

  it('never cuts a fenced code block in the real notes', () => {
    for (const chunk of corpusChunks) expect((chunk.text.match(/^\s*```/gm) ?? []).length % 2, chunk.text.slice(0, 80)).toBe(0);
  });

  it('keeps a table inside one chunk', () => {
    const channelStates = findItem(corpusItems, 'channel 状态');
    const table = channelStates.reference.slice(channelStates.reference.indexOf('| 操作'));
    expect(corpusChunks.some((chunk) => chunk.cardId === channelStates.id && chunk.text.includes(table.trim()))).toBe(true);
  });

  it('splits a long answer at sentence ends, near the target size, with overlap', () => {
    const answer = Array.from({ length: 40 }, (_, index) => sentence(index)).join('');
    const chunks = chunkItems([item(answer)], { targetSize: 300, overlap: 60 });
    expect(chunks.length).toBeGreaterThan(4);
    for (const chunk of chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(300);
      expect(chunk.text.endsWith('。')).toBe(true);
    }
    for (let index = 1; index < chunks.length; index++) {
      const previous = chunks[index - 1]?.text ?? '';
      const firstSentence = (chunks[index]?.text ?? '').split('。')[0] ?? '';
      expect(previous).toContain(`${firstSentence}。`);
    }
    const covered = chunks.map((chunk) => chunk.text).join('');
    for (let index = 0; index < 40; index++) expect(covered).toContain(sentence(index));
  });

  it('keeps a code block whole even when it is longer than the target size', () => {
    const code = ['```go', ...Array.from({ length: 30 }, (_, index) => `    fmt.Println("line ${index}")`), '```'].join('\n');
    const answer = `${sentence(1)}${sentence(2)}\n\n${code}\n\n${sentence(3)}${sentence(4)}`;
    const chunks = chunkItems([item(answer)], { targetSize: 200, overlap: 40 });
    expect(chunks.filter((chunk) => chunk.text.includes(code))).toHaveLength(1);
    expect(chunks.some((chunk) => chunk.text.includes('```go') && !chunk.text.includes(code))).toBe(false);
  });

  it('only cuts a code block larger than the hard limit, between lines', () => {
    const lines = Array.from({ length: 120 }, (_, index) => `    value${index} := compute(${index})`);
    const code = ['```go', ...lines, '```'].join('\n');
    const chunks = chunkItems([item(code)], { targetSize: 400, hardLimit: 1000 });
    expect(chunks.length).toBeGreaterThan(1);
    for (const line of lines) expect(chunks.some((chunk) => chunk.text.split('\n').includes(line))).toBe(true);
  });

  it('gives an unanswered item one chunk holding its question', () => {
    const chunks = chunkItems([item('', { answered: false })]);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.text).toBe('什么是三色标记法？');
    expect(chunks[0]?.id).toBe('item-1#0');
  });

  it('hashes exactly what is embedded: heading path plus passage', () => {
    const [chunk] = chunkItems([item('灰色对象还在队列里。')]);
    expect(chunk?.heading).toBe('go > GC > 什么是三色标记法？');
    expect(chunkEmbeddingText(chunk ?? { heading: '', text: '' })).toBe('go > GC > 什么是三色标记法？\n灰色对象还在队列里。');
    expect(chunk?.hash).toBe(stableHash('go > GC > 什么是三色标记法？\n灰色对象还在队列里。'));
    const [moved] = chunkItems([item('灰色对象还在队列里。', { headingPath: ['go', '什么是三色标记法？'] })]);
    expect(moved?.hash).not.toBe(chunk?.hash);
  });

  it('is deterministic', () => {
    expect(chunkItems(corpusItems)).toEqual(corpusChunks);
  });
});
