import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.ts';
import { buildQuestionBank } from '../../src/ingest/corpus.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const goodNote = { path: 'good.md', bytes: utf8('## 什么是死锁？\n\n两个线程互相等待对方持有的锁。\n') };

function emptyCorpusError(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an empty_corpus error');
}

describe('buildQuestionBank', () => {
  it('skips invalid UTF-8 with a warning naming the file and indexes the rest', () => {
    const bank = buildQuestionBank([{ path: 'latin1.md', bytes: new Uint8Array([0x23, 0x20, 0xc4, 0xe3, 0xba, 0xc3, 0xff, 0x0a]) }, goodNote]);
    expect(bank.filesIndexed).toEqual(['good.md']);
    expect(bank.cards.map((item) => item.question)).toEqual(['什么是死锁？']);
    expect(bank.warnings).toHaveLength(1);
    expect(bank.warnings[0]).toContain('latin1.md');
    expect(bank.warnings[0]).toContain('UTF-8');
  });

  it('skips binary files: NUL bytes or mostly control characters', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    const controls = utf8(`## 问题？\n${'\u0001\u0002\u0003答案'.repeat(20)}`);
    const bank = buildQuestionBank([{ path: 'photo.md', bytes: png }, { path: 'garbage.txt', bytes: controls }, goodNote]);
    expect(bank.filesIndexed).toEqual(['good.md']);
    expect(bank.warnings.some((warning) => warning.includes('photo.md'))).toBe(true);
    expect(bank.warnings.some((warning) => warning.includes('garbage.txt'))).toBe(true);
  });

  it('strips a BOM and CRLF line endings', () => {
    const bank = buildQuestionBank([{ path: 'windows.txt', bytes: utf8('\uFEFF什么是进程？\r\n\r\n资源分配的基本单位。\r\n进程之间地址空间隔离。\r\n') }]);
    expect(bank.cards).toHaveLength(1);
    expect(bank.cards[0]).toMatchObject({ question: '什么是进程？', reference: '资源分配的基本单位。\n进程之间地址空间隔离。', source: 'windows.txt' });
  });

  it('warns about a readable file without questions but keeps going', () => {
    const bank = buildQuestionBank([{ path: 'blank.md', bytes: utf8('\n\n') }, goodNote]);
    expect(bank.filesIndexed).toEqual(['blank.md', 'good.md']);
    expect(bank.warnings.some((warning) => warning.includes('blank.md'))).toBe(true);
  });

  it('throws empty_corpus, in Chinese and English and naming the folder, when nothing is usable', () => {
    for (const files of [[], [{ path: 'bad.md', bytes: new Uint8Array([0xff, 0xfe, 0x00]) }], [{ path: 'blank.md', bytes: utf8('') }]]) {
      const error = emptyCorpusError(() => buildQuestionBank(files, 'my-notes/'));
      expect(error.code).toBe('empty_corpus');
      expect(error.status).toBe(422);
      expect(error.message).toContain('my-notes/');
      expect(error.message).toMatch(/题库为空/);
      expect(error.message).toMatch(/question bank is empty/);
    }
  });
});
