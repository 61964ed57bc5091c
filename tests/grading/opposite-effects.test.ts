import { describe, expect, it } from 'vitest';
import { oppositeEffects } from '../../src/grading/opposite-effects.ts';
import { contradicted } from './contradicted.ts';

describe('an effect said the other way is a contradiction (issue 10 item 1)', () => {
  const gcQuestion = 'Go的GC里面写屏障是干嘛用的？';
  const gcNote = ['前面说过STW目的是防止GC扫描时内存变化而停掉goroutine，而写屏障就是让goroutine与GC同时运行的手段。', '虽然写屏障不能完全消除STW，但是可以大大减少STW的时间。'];

  it('reads "STW的时间反而还会更长" against the note\'s "减少STW的时间"', () => {
    expect(contradicted(gcQuestion, gcNote, '开了写屏障STW的时间反而还会更长一点。')).toEqual([gcNote[1]]);
    expect(contradicted(gcQuestion, gcNote, '写屏障能让STW的时间变短。')).toEqual([]);
  });

  it('leaves another subject\'s outcome and a comparison that gives both directions', () => {
    expect(contradicted(gcQuestion, gcNote, 'save 的 STW 时间更长。')).toEqual([]);
    expect(contradicted(gcQuestion, gcNote, '没有写屏障的话STW时间更长，有了就短了。')).toEqual([]);
  });

  const serviceQuestion = '把系统拆成微服务以后，会带来哪些坏处？';
  const serviceNote = ['提高系统容错性，减少系统整体崩溃概率'];

  it('reads "容错比单体还差" against "提高系统容错性", and not what the monolith is said to be', () => {
    expect(contradicted(serviceQuestion, serviceNote, '任何一个服务挂了整个系统都会一起崩，容错比单体还差。')).toEqual(serviceNote);
    expect(contradicted(serviceQuestion, serviceNote, '单体系统的容错更差。')).toEqual([]);
    expect(contradicted(serviceQuestion, serviceNote, '系统容错性更好，整体崩溃的概率更小。')).toEqual([]);
  });

  it('reads 差 only of a thing the note raises: of one it lowers (延迟), 差 means more of it, and is left unread', () => {
    const statement = (text: string, point: number) => ({ text, normalised: text, units: new Map<string, number>([['延迟', 1], ['缓存', 1]]), scopes: [], point, sentence: 0 });
    const note = [statement('加了缓存可以降低延迟', 0)];
    expect(oppositeEffects(note, [statement('加了缓存以后延迟变差了', -1)])).toEqual([]);
    expect(oppositeEffects(note, [statement('加了缓存以后延迟更高了', -1)])).toHaveLength(1);
  });
});
