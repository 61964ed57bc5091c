import { readFile, readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildQuestionBank } from '../../src/ingest/corpus.ts';
import { buildDomainDictionary, termCandidates } from '../../src/text/domain-dictionary.ts';
import { charNgrams, createTokenizer, normaliseText } from '../../src/text/tokenizer.ts';

// Items shaped like the seed notes: terms appear in headings and bold text, never in a list.
const items = [
  { question: '什么是偏向锁', headingPath: ['面试', '腾讯实习可能的问题', '什么是偏向锁'], reference: '偏向锁是 JVM 的一种锁优化。' },
  { question: 'Go GC算法，三色标记法描述', headingPath: ['go', 'Go GC算法，三色标记法描述'], reference: '三色标记法属于增量式GC算法。' },
  { question: '三种定时器的区别', headingPath: ['web server可能的相关问题', '三种定时器的区别'], reference: '**时间轮**定时器调整的时候不需要对整个时间轮进行上锁。' },
];

describe('domain dictionary', () => {
  const dictionary = buildDomainDictionary(items);

  it('collects terms from headings and bold text, trimming counts and aspect words', () => {
    expect(dictionary).toEqual(expect.arrayContaining(['偏向锁', '三色标记法', '时间轮', '定时器']));
    expect(dictionary).not.toContain('三种定时器');
    expect(dictionary).not.toContain('三色标记法描述');
  });

  it('splits phrases at stopwords', () => {
    expect(termCandidates('Go垃圾回收的三色标记法')).toEqual(['垃圾回收', '三色标记法']);
  });

  it('keeps 三色标记法, 偏向锁 and 时间轮 whole', () => {
    const tokenizer = createTokenizer(dictionary);
    const tokens = tokenizer.tokens('三色标记法和偏向锁以及时间轮定时器有什么关系？');
    expect(tokens).toEqual(expect.arrayContaining(['三色标记法', '偏向锁', '时间轮']));
    expect(tokens).not.toContain('三色');
    expect(tokens).not.toContain('轮');
  });

  it('without the dictionary the segmenter splits them, which is why the dictionary exists', () => {
    const tokens = createTokenizer().tokens('三色标记法和偏向锁以及时间轮');
    expect(tokens).not.toContain('三色标记法');
  });

  it('searchTokens adds sub-words of long dictionary words for recall', () => {
    const tokens = createTokenizer(dictionary).searchTokens('三色标记法');
    expect(tokens[0]).toBe('三色标记法');
    expect(tokens).toContain('标记');
  });
});

describe('tokenizer', () => {
  const tokenizer = createTokenizer();

  it('keeps ASCII identifiers whole and lowercased', () => {
    expect(tokenizer.tokens('Epoll 和 TIME_WAIT，redolog 在 Go1.18 与 C++ 里')).toEqual([
      'epoll',
      'time_wait',
      'redolog',
      'go1.18',
      'c++',
    ]);
  });

  it('drops punctuation and stopwords', () => {
    const tokens = tokenizer.tokens('请问，什么是 the 进程？！');
    expect(tokens).toEqual(['进程']);
  });

  it('folds full-width characters', () => {
    expect(normaliseText('ＥＰＯＬＬ（）')).toBe('epoll()');
    expect(tokenizer.tokens('ＥＰＯＬＬ')).toEqual(['epoll']);
  });

  it('searchTokens splits compound identifiers and joins adjacent English words', () => {
    const tokens = tokenizer.searchTokens('time_wait and redo log');
    expect(tokens).toEqual(expect.arrayContaining(['time_wait', 'time', 'wait', 'redo', 'log', 'redolog']));
  });

  it('returns nothing for empty or punctuation-only text', () => {
    expect(tokenizer.tokens('')).toEqual([]);
    expect(tokenizer.tokens('，。！？…')).toEqual([]);
  });
});

describe('charNgrams', () => {
  it('makes CJK n-grams within runs and marks ASCII word boundaries', () => {
    expect(charNgrams('时间轮，io', 2)).toEqual(['时间', '间轮', '^i', 'io', 'o$']);
  });

  it('keeps runs shorter than n', () => {
    expect(charNgrams('锁', 2)).toEqual(['锁']);
  });

  it('rejects a non-positive n', () => {
    expect(() => charNgrams('abc', 0)).toThrow(RangeError);
  });
});

describe('domain dictionary from the real notes', () => {
  it('keeps 三色标记法, 偏向锁 and 时间轮 whole', async () => {
    const names = (await readdir('corpus')).filter((name) => name.endsWith('.md'));
    const files = await Promise.all(names.map(async (name) => ({ path: name, bytes: await readFile(`corpus/${name}`) })));
    const tokenizer = createTokenizer(buildDomainDictionary(buildQuestionBank(files).cards));
    for (const term of ['三色标记法', '偏向锁', '时间轮']) {
      expect(tokenizer.hasWord(term)).toBe(true);
      expect(tokenizer.tokens(`面试官问：${term}是什么？`)).toContain(term);
    }
  });
});
