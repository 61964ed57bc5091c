/**
 * Outline items and topic lines as a candidate is asked them: an enumeration mark is never part of
 * the question, a counted label asks for its kinds, a scenario answered with its problem and fix is
 * asked as one, and a question right under a topic line that names no subject takes the topic's.
 */
import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/core/types.ts';
import { buildQuestionBank } from '../../src/ingest/corpus.ts';
import { corpusFileNames, readCorpusText } from './corpus-fixture.ts';

const utf8 = new TextEncoder();
const cardsOf = (markdown: string, path = 'notes.md'): Card[] => buildQuestionBank([{ path, bytes: utf8.encode(markdown) }]).cards;
const askedOf = (markdown: string): string[] => cardsOf(markdown).filter((card) => !card.searchOnly).map((card) => card.question);
const realCards = buildQuestionBank(corpusFileNames().map((name) => ({ path: name, bytes: utf8.encode(readCorpusText(name)) }))).cards;
const realAt = (source: string, line: number): Card => {
  const found = realCards.find((card) => card.source === source && card.lines.start === line);
  if (!found) throw new Error(`no card at ${source}:${line}`);
  return found;
};

describe('an outline item is asked about its subject, never with its number', () => {
  const slices = '底层数组还被引用着，GC 回收不了，解决：copy 到新的切片。';

  it('in Q：/A： notes, numbered headings and Obsidian notes', () => {
    expect(askedOf(`Q：1. 大切片截一小段一直用\nA：${slices}\n\nQ：2. 切片扩容\nA：1.18 之后以 256 为界。\n`)).toEqual(['大切片截一小段一直用会有什么问题？怎么解决？', '说说你对切片扩容的了解。']);
    expect(askedOf(`# Go 切片\n\n## 1. 大切片截一小段一直用\n\n${slices}\n\n## （2）切片扩容\n\n1.18 之后以 256 为界。\n`)).toEqual(['大切片截一小段一直用会有什么问题？怎么解决？', '说说你对切片扩容的了解。']);
    expect(askedOf(`---\ntags: [go]\n---\n## 1. 大切片截一小段一直用\n\n${slices}\n`)).toEqual(['大切片截一小段一直用会有什么问题？怎么解决？']);
  });

  it('in English notes, and a number that goes on stays ("1.18", "301")', () => {
    expect(askedOf('# Go\n\n## 1. What is a goroutine?\n\nA function running concurrently, scheduled by the Go runtime.\n')).toEqual(['What is a goroutine?']);
    expect(askedOf('Q：1.18 之后切片怎么扩容？\nA：以 256 为界。\n\nQ：301和302的区别\nA：永久和临时重定向。\n')).toEqual(['1.18 之后切片怎么扩容？', '301和302的区别']);
  });

  it('keeps a numbered list of facts under its question as that card’s answer', () => {
    const [card] = cardsOf('切片的坑有哪些？\n\n1. 大切片截一小段一直用\n2. append 之后地址变了\n');
    expect(card!.question).toBe('切片的坑有哪些？');
    expect(card!.reference).toContain('1. 大切片截一小段一直用');
  });

  it('asks a counted label for its kinds', () => {
    expect(askedOf('redo log 三种状态：\n\n- 在 redo log buffer 中\n- 写到 page cache\n- 持久化到磁盘\n')).toEqual(['redo log 有哪三种状态？']);
    // A count that is not of kinds is left alone.
    expect(askedOf('## 寻找两个正序数组的中位数\n\n二分查找较短的数组。\n')[0]).not.toMatch(/有哪/);
  });

  it('holds on the real notes: no question starts with a number or a list mark', () => {
    const marked = realCards.filter((card) => /^\s*(\d{1,2}[.、．)）](?![\d.])|[（(]\d{1,2}[)）]|[-*+•]\s)/.test(card.question));
    expect(marked.map((card) => card.question)).toEqual([]);
    expect(realAt('go-mysql-redis-ecommerce-qa.md', 90).question).toBe('redo log 有哪三种状态？');
    expect(realCards.filter((card) => /^说说你对.*\d[.、]/.test(card.question))).toEqual([]);
  });
});

describe('a question under a topic line that names no subject takes the topic’s', () => {
  it('in an interview log, for each question of the run', () => {
    expect(askedOf('jwt token。\n\n可以伪造payload吗？\n\n相比于cookie、session、双token的优势？劣势？\n')).toEqual([
      '关于JWT token，可以伪造payload吗？',
      '关于JWT token，相比于cookie、session、双token有什么优势？有什么劣势？',
    ]);
    expect(askedOf('Kafka。\n\n能不能保证消息不丢？\n')).toEqual(['关于Kafka，能不能保证消息不丢？']);
  });

  it('leaves a question that names its own subject, or one far below the topic line', () => {
    expect(askedOf('jwt token。\n\n可以用 jwt token 做单点登录吗？\n')).toEqual(['可以用 JWT token 做单点登录吗？']);
    expect(askedOf('jwt token。\n\n\n\n\n\nredis 为什么快？\n')).toEqual(['Redis 为什么快？']);
  });

  it('holds on the real notes', () => {
    expect(realAt('image-service-project-qa.md', 566).question).toBe('关于JWT token，可以伪造payload吗？');
    expect(realAt('image-service-project-qa.md', 568).question).toMatch(/^关于JWT token，相比于cookie/);
  });
});

describe('a bare term drilling into a word of the question is the next topic, not the answer', () => {
  it('in an interview log', () => {
    const card = cardsOf('线程和协程\n\n常见的查找：二分、哈希、二叉搜索\n\n- 哈希冲突\n\nepoll和select的区别\n')[1];
    expect(card).toMatchObject({ question: '说说常见的查找：二分、哈希、二叉搜索。', reference: '', answered: false, followups: [{ question: '哈希冲突' }] });
  });

  it('keeps a short answer that names something else, and an answer marked as one', () => {
    expect(cardsOf('每个用户的top10表情包\n\n- redis的zset\n')[0]!.reference).toBe('- redis的zset');
    // A Q：/A： note's short answer is the answer, and never a card of its own.
    const answered = cardsOf('Q：哈希表最怕什么？\nA：哈希冲突\n\nQ：epoll 为什么快？\nA：红黑树加就绪链表。\n');
    expect(answered.map((card) => [card.question, card.reference])).toEqual([
      ['哈希表最怕什么？', '哈希冲突'],
      ['epoll 为什么快？', '红黑树加就绪链表。'],
    ]);
  });

  it('holds on the real notes', () => {
    expect(realAt('image-service-project-qa.md', 530)).toMatchObject({ reference: '', followups: [{ question: '哈希冲突' }] });
  });
});
