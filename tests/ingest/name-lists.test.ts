import { describe, expect, it } from 'vitest';
import { createGrader } from '../../src/grading/grader.ts';
import { listedNames } from '../../src/ingest/name-lists.ts';
import { referencesOf } from '../../src/interview/question-grade.ts';
import { cardsOf, realCardAt } from './corpus-fixture.ts';

const listNote = '## 缓存淘汰策略\n\nFIFO\n\nLFU\n\nLRU\n\nTTL\n\nRandom\n';

describe('a section that only lists names', () => {
  it('has each name as a key point of its own, never names paired up', () => {
    const [card] = cardsOf(listNote);
    expect(card?.keyPoints.map((point) => point.text)).toEqual(['FIFO', 'LFU', 'LRU', 'TTL', 'Random']);
    expect(card?.keyPoints.every((point) => point.weight === 1)).toBe(true);
    // On one line, with 、 or spaces between Latin names, it is the same list.
    expect(cardsOf('## 缓存淘汰策略\n\nFIFO、LFU、LRU、TTL\n')[0]?.keyPoints.map((point) => point.text)).toEqual(['FIFO', 'LFU', 'LRU', 'TTL']);
    expect(cardsOf('## 缓存淘汰策略\n\nFIFO LFU LRU TTL\n')[0]?.keyPoints.map((point) => point.text)).toEqual(['FIFO', 'LFU', 'LRU', 'TTL']);
  });

  it('is no list when a line says something, or when it has fewer than three names', () => {
    expect(listedNames('Redis 是单线程的\n很快\n内存操作')).toEqual([]);
    expect(listedNames('LRU\nLFU')).toEqual([]);
    expect(listedNames('互斥锁：只让一个请求回源\n逻辑过期：后台刷新\n永不过期：手动更新')).toEqual([]);
  });

  it('grades an answer name by name: naming LRU covers LRU, not TTL beside it', async () => {
    const [card] = cardsOf(listNote);
    const grade = await createGrader({}).grade({ question: card!.question, answer: 'LRU', references: referencesOf(card) });
    expect(grade.keyPoints.filter((point) => point.covered !== 'no').map((point) => point.text)).toEqual(['LRU']);
  });

  it('holds on the real notes', () => {
    expect(realCardAt('image-service-project-qa.md', 69).keyPoints.map((point) => point.text)).toEqual(['FIFO', 'LFU', 'LRU', 'TTL', 'Random']);
  });
});
