import { describe, expect, it } from 'vitest';
import { gradeOffline } from '../../src/grading/offline-grader.ts';
import { formulasIn, profileText } from '../../src/grading/text-analysis.ts';
import { normaliseText } from '../../src/text/tokenizer.ts';

const formulas = (text: string) => [...formulasIn(normaliseText(text))];

describe('formulasIn', () => {
  it('writes the spellings of one expression the same way', () => {
    for (const spelling of ['2^(n-1)', '2 ^(n-1)', '2的n-1次方', '2的（n-1）次方', 'pow（2，n-1）', 'pow(2, n-1)']) expect(formulas(spelling), spelling).toEqual(['2^(n-1)']);
    expect(formulas('（2*n+1）/3')).toEqual(['(2n+1)/3']);
    expect(formulas('时间复杂度O⑴，最坏 O(n)')).toEqual(['o(1)', 'o(n)']);
    expect(formulas('复杂度On')).toEqual(['o(n)']);
    expect(formulas('删除也可能需要 on 的情况')).toEqual(['o(n)']);
  });

  it('reads "N 分之一" as 1/N, the way notes write it ("平均只迁移约 1/N 的数据")', () => {
    expect(formulas('整体大概迁 N 分之一')).toEqual(['1/n']);
    expect(formulas('平均只迁移约 1/N 的数据')).toEqual(['1/n']);
    // A fraction of numbers is a quantity, compared by value elsewhere; a letter inside a word is no variable.
    expect(formulas('减到原来的十分之一')).toEqual([]);
    expect(formulas('ken分之一')).toEqual([]);
  });

  it('covers a note point "1/N" with an answer saying "N 分之一"', () => {
    const note = '新增节点只会接管它逆时针方向到上一个节点之间的那段 key。\n\n平均只迁移约 1/N 的数据。';
    const { grade } = gradeOffline({ question: '用一致性哈希做分片，新加一台节点的时候，要迁移多少数据？', answer: '整体大概迁 N 分之一，别的节点不动。', references: [{ source: 'n.md', heading: '一致性哈希', text: note }] });
    expect(grade.keyPoints.find((point) => point.text.includes('1/N'))?.covered).toBe('yes');
  });

  it('reads "on" beside an English word as the preposition, not O(n)', () => {
    expect(formulas("Since it's random, it doesn't depend on the clock at all.")).toEqual([]);
    expect(formulas('no central coordinator on the hot path')).toEqual([]);
    expect(formulas('the breaker stays on')).toEqual([]);
    expect(formulas('O(n log n)，最好 O(log n)')).toEqual(['o(nlogn)', 'o(logn)']);
  });

  it('keeps different expressions apart and splits list numbers and equations', () => {
    expect(formulas('2^n-1')).toEqual(['2^n-1']);
    expect(formulas('1.n/2 2.(n-1)/2+1')).toEqual(['n/2', '(n-1)/2+1']);
    expect(formulas('ai=3（n-i+1）')).toEqual(['ai=3(n-i+1)', '3(n-i+1)']);
  });

  it('leaves identifiers, versions and settings alone', () => {
    expect(formulas('utf-8 time-wait go1.18 c++ p->next Go 1.0 innodb_flush_log_at_trx_commit=1 1-2')).toEqual([]);
  });

  it('folds words candidates use interchangeably with the notes\' words', () => {
    const units = (text: string) => [...profileText(text).units.keys()].sort();
    expect(units('容量不够就拷贝到翻倍的新数组')).toEqual(units('容量不够就复制到两倍的新数组'));
    expect(units('元素个数超过 1024 时')).toEqual(units('元素个数大于 1024 时'));
    expect(units('主线程会卡住')).toEqual(units('主线程会阻塞'));
    expect(units('复制')).not.toEqual(units('回收'));
  });

  it('gives English glue words and the pieces of a contraction no unit', () => {
    const answer = profileText("Since it's random, it doesn't depend on the clock at all.");
    const note = profileText('41 bits timestamp in milliseconds since a custom epoch: about 69 years; ~4 million/s per node');
    expect([...answer.units.keys()].filter((unit) => note.units.has(unit))).toEqual([]);
    expect([...answer.units.keys()].sort()).toEqual(['clock', 'depend', 'random']);
  });

  it('lets a hyphenated or dotted name meet its parts and its unhyphenated spelling', () => {
    const note = profileText('Kube-scheduler 将 Pod 绑定到节点，api-server 写入 etcd');
    for (const unit of ['scheduler', 'kubescheduler', 'apiserver', 'server']) expect(note.units.has(unit), unit).toBe(true);
    expect(profileText('node.js').units.has('nodej')).toBe(true);
    // Numbers and single letters are not names: "n-1" adds nothing beyond itself.
    expect([...profileText('n-1 与 utf-8').units.keys()].filter((unit) => /^[a-z0-9]/.test(unit)).sort()).toEqual(['n-1', 'utf', 'utf-8', 'utf8']);
  });

  it('makes a formula one unit of a text profile', () => {
    expect(profileText('个数为2^(n-1)').units.has('$2^(n-1)')).toBe(true);
    expect(profileText('个数为2^n-1').units.has('$2^(n-1)')).toBe(false);
  });
});
