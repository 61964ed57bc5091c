import { describe, expect, it } from 'vitest';
import { checkLine, languageShare, leakRunChars, repeatsRun, type LineExpectation } from '../../src/llm/line-checks.ts';

const note = 'RDB 快照：fork 子进程把内存数据写成二进制文件。AOF 日志：把每条写命令追加到文件，可以重写压缩。';
const expectation: LineExpectation = { maxChars: 60, language: 'zh', notes: [note] };

describe('checkLine', () => {
  it('accepts a short Chinese line that ended on its own, minus speaker labels and quotes', () => {
    expect(checkLine('面试官：“好的。那你说说 epoll 和 select 的区别？”', 'stop', { ...expectation, asks: true })).toEqual({ ok: true, text: '好的。那你说说 epoll 和 select 的区别？' });
    expect(checkLine('好的，我们继续。', 'tool_calls', expectation)).toMatchObject({ ok: true });
  });

  it('refuses a reply cut off by the token limit', () => {
    expect(checkLine('好的，我们继续。', 'length', expectation)).toEqual({ ok: false, reason: 'finish_reason length' });
  });

  it('refuses an empty, an overlong, and a not mostly Chinese line', () => {
    expect(checkLine('  「」 ', 'stop', expectation)).toMatchObject({ ok: false, reason: 'empty line' });
    expect(checkLine('好'.repeat(61), 'stop', expectation)).toMatchObject({ ok: false, reason: expect.stringContaining('longer than 60') });
    expect(checkLine('align区块 PrincetonAMPL Lod去看 Raid.sendRedirect', 'stop', expectation)).toMatchObject({ ok: false, reason: expect.stringContaining('not mostly Chinese') });
    expect(checkLine('R/�~\\��#pp�&@�b6�L W�!_G', 'stop', expectation)).toMatchObject({ ok: false });
  });

  it('checks English instead in the English UI', () => {
    expect(checkLine('Good. How does epoll differ from select?', 'stop', { ...expectation, language: 'en' })).toMatchObject({ ok: true });
    expect(checkLine('好的，那你说说 epoll？', 'stop', { ...expectation, language: 'en' })).toMatchObject({ ok: false });
  });

  it(`refuses a line that repeats ${leakRunChars} or more consecutive characters of a note`, () => {
    expect(checkLine('提示：把每条写命令追加到文件，可以重写压缩，对吗？', 'stop', expectation)).toMatchObject({ ok: false, reason: expect.stringContaining('repeats') });
    expect(checkLine('AOF 是怎么记录写命令的？', 'stop', expectation)).toMatchObject({ ok: true });
  });

  it('a follow-up must ask something', () => {
    expect(checkLine('你讲得很好。', 'stop', { ...expectation, asks: true })).toMatchObject({ ok: false, reason: 'follow-up asks no question' });
  });

  it('shows the bank question beside a line that dropped it; the question itself does not count against the limit', () => {
    const question = 'MySQL 为什么用 B+ 树做索引？这道题请结合磁盘 IO、范围查询和树高来回答，越具体越好';
    expect(checkLine('好，我们换个方向。', 'stop', { ...expectation, maxChars: 20, question })).toEqual({ ok: true, text: `好，我们换个方向。\n\n${question}` });
    expect(checkLine(`好，下一题：${question}`, 'stop', { ...expectation, maxChars: 20, question })).toEqual({ ok: true, text: `好，下一题：${question}` });
  });
});

describe('languageShare and repeatsRun', () => {
  it('counts a Latin word as one word and a Han character as one', () => {
    expect(languageShare('说说 epoll 和 select 的区别', 'zh')).toBeGreaterThan(0.6);
    expect(languageShare('', 'zh')).toBe(0);
  });

  it('ignores whitespace when looking for a repeated run', () => {
    expect(repeatsRun('fork 子进程 把内存数据写成二进制', note, 16)).toBe(true);
    expect(repeatsRun('fork 子进程', note, 16)).toBe(false);
  });
});
