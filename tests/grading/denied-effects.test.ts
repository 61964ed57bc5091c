import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';

// Made-up notes in the shape of the real miss (an LSM answer "因为是原地更新，所以不会留下旧版本" against the note's
// "更新/删除都是追加，旧版本堆积 → 读放大"): the denial shares only the thing that comes about with the note clause.
const lsmQuestion = 'LSM 树为什么需要 compaction？';
const lsmNote = ['写入都是追加，更新不改原值，旧版本堆积。', '读要逐层查找，读放大。', 'compaction 归并各层，清掉旧版本和墓碑。'];

describe('an effect the note says comes about, said not to ("不会留下 X")', () => {
  it('marks "不会留下旧版本" wrong against "旧版本堆积"', () => {
    expect(contradicted(lsmQuestion, lsmNote, '因为是原地更新，所以不会留下旧版本。')).toEqual([lsmNote[0]]);
  });

  it('marks "不会产生碎片" wrong against "会产生碎片" said of the same thing', () => {
    const note = ['标记-清除：先标记存活对象，再清除其余。', '缺点：会产生碎片，分配大对象时可能找不到连续空间。'];
    expect(contradicted('标记-清除算法有什么问题？', note, '标记清除回收得很干净，不会产生碎片。')).toEqual([note[1]]);
  });

  it('does not fire when the note denies it too', () => {
    const note = ['标记-整理：存活对象移到一端，不产生碎片。', '标记-清除：会产生碎片。'];
    expect(contradicted('标记-整理有什么好处？', note, '整理之后不会产生碎片。')).toEqual([]);
  });

  it('does not fire when another note clause says it is avoided ("用内存池来避免…内存碎片")', () => {
    const note = ['频繁申请和释放小块内存会产生内存碎片。', '内存池来避免频繁申请和释放内存导致的内存碎片。'];
    expect(contradicted('项目里为什么要做内存池？', note, '用了内存池以后不会产生内存碎片。')).toEqual([]);
  });

  it('does not fire on a remedy the answer gives ("改成长连接就不会…", "用了…以后，不会…", "合并完成后不会…")', () => {
    const note = ['短连接频繁建立关闭，主动关闭方会产生大量 TIME_WAIT。', '可以改用长连接，或开启 tcp_tw_reuse。'];
    const question = '服务器上大量 TIME_WAIT 怎么办？';
    expect(contradicted(question, note, '改成长连接就不会产生大量 TIME_WAIT 了。')).toEqual([]);
    expect(contradicted(question, note, '用了长连接以后，不会产生大量 TIME_WAIT。')).toEqual([]);
    expect(contradicted(lsmQuestion, lsmNote, '合并完成后不会留下旧版本。')).toEqual([]);
  });

  it('does not fire on a clause about another thing than the note sentence ("长连接不会产生 TIME_WAIT")', () => {
    const note = ['短连接频繁建立关闭，主动关闭方会产生大量 TIME_WAIT。', '可以改用长连接，或开启 tcp_tw_reuse。'];
    expect(contradicted('服务器上大量 TIME_WAIT 怎么办？', note, '长连接不会产生 TIME_WAIT。')).toEqual([]);
  });

  it('does not fire on a thing the note does not say comes about', () => {
    expect(contradicted(lsmQuestion, lsmNote, '顺序追加写，所以不会出现随机写。')).toEqual([]);
  });

  it('does not fire on a condition ("不产生旧版本时就不用合并")', () => {
    expect(contradicted(lsmQuestion, lsmNote, '不产生旧版本时就不用合并。')).toEqual([]);
  });
});
