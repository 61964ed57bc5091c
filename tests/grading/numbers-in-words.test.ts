import { describe, expect, it } from 'vitest';
import { gradeOffline } from '../../src/grading/offline-grader.ts';
import { profileText } from '../../src/grading/text-analysis.ts';

describe('a number said in Chinese numerals meets the note\'s digits (issue 10 item 3)', () => {
  it('reads 十六 / 四十九 / 第十七 as 16 / 49 / 17, beside their characters', () => {
    const units = profileText('答案是十六根，剩四十九根，走到第十七米，一百个').units;
    for (const value of ['16', '49', '17', '100']) expect(units.has(value)).toBe(true);
    // The characters are still read as they were: readers that match 十六 as words keep matching.
    expect(units.has('十六')).toBe(true);
  });

  it('reads no number into small counts, words and rough amounts', () => {
    const units = [...profileText('两种方式，三次握手，十分重要，万一失败，十几个，一百多个，二十来个').units.keys()];
    expect(units.filter((unit) => /^\d+$/.test(unit))).toEqual([]);
  });

  const question = '猴子搬香蕉：100 根香蕉、家在 50 米外、一次最多背 50 根，每走一米吃一根，折返空手走也吃。最后能剩几根到家？';
  // The seed note's second reading (corpus/go-mysql-redis-ecommerce-qa.md), where the way back costs bananas too.
  const note = [
    '答案2：16 （返回走的时候也吃香蕉）',
    '分析1：在剩余香蕉大于50根之前，猴子每走1米要吃3根香蕉，因为他走1米吃掉1根后，还得往回走1米抱剩下的香蕉，这又得吃1根，然后再回到原位置需要走1米，再吃1根，所以实际上猴子走1米需要消费3个香蕉。',
    '当走到17米的时候，猴子一共吃了17\\*3=51个香蕉，还剩49，这样猴子就可以一次性搬回家了，不用往回去搬香蕉，离家还剩下50-17=33米，需要吃33根香蕉，所以到家时还剩下49-33=16根。',
  ].join('\n\n');
  const grade = (answer: string) => gradeOffline({ question, answer, references: [{ source: 'qa.md', heading: '猴子搬香蕉', text: note }] }).grade;
  const spoken = '答案是十六根。香蕉多于五十根的时候，每推进一米要走三趟，吃三根。推进到第十七米，一共吃了五十一根，剩四十九根，一次就背得动了。离家还剩三十三米，再吃三十三根，到家剩十六根。';
  const inDigits = '答案是16根。香蕉多于50根的时候，每推进1米要走3趟，吃3根。推进到第17米，一共吃了51根，剩49根，一次就背得动了。离家还剩33米，再吃33根，到家剩16根。';

  it('grades the answer said in numerals as the same answer in digits, and finds no number in it wrong', () => {
    const said = grade(spoken);
    expect(said.keyPoints.filter((point) => point.contradicted)).toEqual([]);
    expect(said.score).toBeGreaterThanOrEqual(grade(inDigits).score - 1);
    // The point of 17 米 / 51 / 49 / 33 / 16: unmade when only the digits counted (4.2 for the whole answer, 6.8 in digits).
    expect(said.keyPoints.find((point) => point.text.startsWith('当走到17米'))?.covered).not.toBe('no');
    expect(said.score).toBeGreaterThanOrEqual(6);
  });
});
