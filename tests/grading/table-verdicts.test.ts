import { describe, expect, it } from 'vitest';
import { subQuestionVerdict } from '../../src/grading/sub-question-verdict.ts';
import { tableVerdict } from '../../src/grading/table-verdicts.ts';

const note = `TCP 和 UDP 的区别

| 特性 | TCP | UDP |
| --- | --- | --- |
| 可靠传输 | 支持，有确认和重传 | 不支持，丢了就丢了 |
| 面向连接 | 是 | 否 |
| 拥塞控制 | 有 | 无 |
| 首部开销 | 20 字节起 | 8 字节 |`;

describe('a yes/no ask answered by a comparison table', () => {
  it("reads the subject's own column, on the row whose label holds the asked words", () => {
    expect(tableVerdict(note, 'udp', ['可靠', '传输'])).toBe('no');
    expect(tableVerdict(note, 'tcp', ['可靠', '传输'])).toBe('yes');
    expect(tableVerdict(note, 'udp', ['面向', '连接'])).toBe('no');
    expect(tableVerdict(note, 'tcp', ['拥塞', '控制'])).toBe('yes');
  });

  it('gives no verdict for a subject no column is headed by, or a row whose cell opens on no verdict', () => {
    expect(tableVerdict(note, 'quic', ['可靠', '传输'])).toBeUndefined();
    expect(tableVerdict(note, 'udp', ['首部', '开销'])).toBeUndefined();
  });

  it("grades a verdict against that column, not the first cell that says the asked words", () => {
    const question = 'UDP 支不支持可靠传输？';
    expect(subQuestionVerdict(question, [note], '不支持，UDP 发出去就不管了，丢包靠上层自己处理。')).toBe('agree');
    expect(subQuestionVerdict(question, [note], '支持，UDP 也有确认和重传。')).toBe('disagree');
  });
});
