import { describe, expect, it } from 'vitest';
import { profiledText, profileText, shareFound } from '../../src/grading/text-analysis.ts';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';

/** Share of a note point's bigram weight an answer's profile has. */
const reach = (point: string, answer: string) => shareFound(profileText(point).units, new Set(profileText(answer).units.keys()));

describe('everyday near-synonyms are folded to the notes\' words (variant-spellings.ts)', () => {
  // A spoken answer says 关掉/马上/防止/很多/引起 where the note writes 关闭/立即/避免/大量/导致.
  const point = '连接关闭后立即释放资源，避免大量请求导致超时，失败的请求记录下来用于重试。';
  const paraphrase = '连接关掉以后马上释放资源，防止很多请求引起超时，失败的请求记住拿来重试。';
  // The same shape with unrelated words in those places.
  const unrelated = '连接打开以后慢慢释放资源，放任一些请求出现超时，失败的请求扔开不再重试。';

  it('lets a paraphrase in everyday words cover the point better than the same shape with other words', () => {
    expect(reach(point, paraphrase)).toBeGreaterThan(reach(point, unrelated) + 0.2);
    expect(reach(point, paraphrase)).toBeGreaterThanOrEqual(0.7);
  });

  it('folds whole words only, not the middle of a longer one', () => {
    expect(profiledText('所以后面的请求')).toContain('所以后面');
    expect(profiledText('先判断了再说')).toContain('判断了');
    expect(profiledText('可以后台运行')).toContain('可以后台');
    // "一模一样" (often typed 一摸一样) is one word: 相同, not 一摸 + 相同.
    expect(profiledText('页表数据一摸一样')).toBe('页表数据相同');
  });

  it('keeps words that differ in this domain apart', () => {
    expect(profiledText('释放内存')).not.toContain('删除');
    expect(profiledText('丢弃数据包')).not.toContain('丢失');
    expect(profiledText('同步写入')).not.toContain('异步');
  });
});

describe('同一时间 is the notes\' 同一时刻', () => {
  it('covers "一个分区在同一时刻只会分配给一个消费者" with "一个分区同一时间只能被一个消费者读"', () => {
    expect(profiledText('一个分区同一时间只能被一个消费者读')).toContain('同一时刻');
    // A period (同一时间段) is a span, not an instant.
    expect(profiledText('同一时间段内的请求')).not.toContain('同一时刻');
  });
});

describe('the order of defers is named as last in, first out (glossary.ts)', () => {
  const question = '一个函数里先后注册了好几个 defer，后面又发生了 panic，这些 defer 和 panic 信息的输出顺序是怎样的？';
  const note = 'defer是先注册后调用(最后注册的最先被执行)。\n\n所有defer都执行完后，才会显示panic里面的东西。';

  it('reads 后注册先执行 as the note\'s 先注册后调用', () => {
    const lifo = '~last_in_first_out';
    expect(profileText('后注册先执行').units.has(lifo)).toBe(true);
    expect(profileText(note).units.has(lifo)).toBe(true);
  });

  it('grades an answer that says the order in its own words as answering the note', () => {
    const answer = '不是 panic 一发生就立刻打印退出：先按逆序（后注册先执行）跑完全部 defer，之后才输出 panic 信息。';
    // It had scored 0: 执行 and the question's words were all it shared with the note.
    expect(scoreAnswer({ question, answer, references: [note] }).score).toBeGreaterThanOrEqual(6);
  });
});

describe('a default value is the zero value (glossary.ts)', () => {
  const question = '一个带缓冲的 channel 被 close 了，读空以后再读会怎样？';
  const note = '若channel已关闭 并且通道为空，那么从该channel中读取数据会直接返回，且是默认值，所以一定要判断第二个字段';

  it('reads the note\'s 默认值 as the answer\'s 零值', () => {
    expect(profileText('读到的是零值').units.has('~zero_value')).toBe(true);
    expect(profileText(note).units.has('~zero_value')).toBe(true);
  });

  it('grades "立刻返回零值" as making the note\'s point', () => {
    const withZero = scoreAnswer({ question, answer: '读空以后再读不会阻塞，立刻返回一个零值，ok 是 false。', references: [note] }).score;
    const withOther = scoreAnswer({ question, answer: '读空以后再读不会阻塞，立刻返回一个错误，ok 是 false。', references: [note] }).score;
    expect(withZero).toBeGreaterThan(withOther + 1);
  });
});
