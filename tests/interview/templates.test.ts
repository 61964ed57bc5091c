import { describe, expect, it } from 'vitest';
import { parseTemplates, pickVariant, renderTemplate, templateSlots } from '../../src/interview/templates.ts';
import { loadPrompts } from '../support/interview-fixtures.ts';
import { makeHarness } from '../support/interview-harness.ts';
import { seededRandom } from '../support/seeded-random.ts';

const minimal = Object.keys(templateSlots)
  .map((slot) => `## ${slot}\n- 一\n- 二\n- 三`)
  .join('\n\n');

describe('template file', () => {
  it('the shipped file parses and offers several phrasings for every frequent slot', () => {
    const templates = parseTemplates(loadPrompts()['interviewer-templates'] ?? '');
    for (const slot of ['next-question', 'transition-strong', 'transition-partial', 'transition-weak', 'transition-none', 'followup-missed', 'hint-concept', 'hint-direction', 'skip-ack'] as const) {
      expect(templates[slot].length).toBeGreaterThanOrEqual(3);
      expect(new Set(templates[slot]).size).toBe(templates[slot].length);
    }
    expect(templates['next-question'].every((variant) => variant.includes('{question}'))).toBe(true);
    expect(templates['followup-missed'].every((variant) => variant.includes('{concepts}'))).toBe(true);
    expect(templates['hint-concept'].every((variant) => variant.includes('{concepts}') && variant.includes('{cap}'))).toBe(true);
  });

  it('ignores prose and comments, joins indented continuation lines', () => {
    const source = `# 标题\n说明文字\n- 不属于任何槽位\n<!-- {bogus}\n## nonsense -->\n${minimal.replace('## hint-concept\n- 一', '## hint-concept\n说明 {concepts}\n- 提示：{concepts}\n  （最高 {cap} 分）')}`;
    const templates = parseTemplates(source);
    expect(templates['hint-concept'][0]).toBe('提示：{concepts}（最高 {cap} 分）');
    expect(templates['opening-intro']).toEqual(['一', '二', '三']);
  });

  it('rejects unknown slots, unknown placeholders, missing slots and too few variants, naming the line', () => {
    expect(() => parseTemplates(`${minimal}\n## greeting\n- 你好`)).toThrow(/line \d+: unknown slot "greeting"/);
    expect(() => parseTemplates(minimal.replace('## hint-concept\n- 一', '## hint-concept\n- {answer}'))).toThrow(/slot "hint-concept" has no placeholder \{answer\}/);
    expect(() => parseTemplates(minimal.replace(/## closing-drill\n- 一\n- 二\n- 三/, ''))).toThrow(/"closing-drill" has no variants/);
    expect(() => parseTemplates(minimal.replace('## skip-ack\n- 一\n- 二', '## skip-ack\n'))).toThrow(/"skip-ack" needs at least 3/);
  });

  it('renders placeholders verbatim, without re-expanding values', () => {
    expect(renderTemplate('第 {index} 题：{question}', { index: 2, question: '{index} 是什么？' })).toBe('第 2 题：{index} 是什么？');
  });
});

describe('variant choice', () => {
  it('never repeats the previous variant and uses all of them', () => {
    const random = seededRandom(42);
    let last: number | undefined;
    const used = new Set<number>();
    for (let round = 0; round < 500; round += 1) {
      const index = pickVariant(4, last, random);
      expect(index).not.toBe(last);
      expect(index).toBeGreaterThanOrEqual(0);
      expect(index).toBeLessThan(4);
      used.add(index);
      last = index;
    }
    expect(used.size).toBe(4);
    expect(pickVariant(1, 0, random)).toBe(0);
    expect(pickVariant(3, 2, () => 0.999999)).toBe(1);
  });

  it('a session’s consecutive lines vary instead of repeating one sentence', async () => {
    const { service } = makeHarness({ seed: 9 });
    const { session } = await service.start('owner', { mode: 'practice', questions: 10 });
    const lines: string[] = [];
    for (;;) {
      const result = await service.submit(session.id, 'owner', { action: 'skip' });
      lines.push(result.next.text.replace(/：.*$/s, '').replace(/第 \d+ 题/, '第 N 题'));
      if (result.next.kind === 'done') break;
    }
    const openers = lines.slice(0, -1);
    for (let index = 1; index < openers.length; index += 1) expect(openers[index]).not.toBe(openers[index - 1]);
    expect(new Set(openers).size).toBeGreaterThanOrEqual(4);
  });
});
