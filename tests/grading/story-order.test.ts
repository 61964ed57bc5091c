import { describe, expect, it } from 'vitest';
import { reversedStory } from '../../src/grading/story-order.ts';
import { contradicted } from './contradicted.ts';

describe('the order of a story (story-order.ts)', () => {
  const note = ['腾讯大数据后台开发实习，大约是五月中旬入职，刚开始是在平台内核组，后面组织结构变动，换到了智能湖仓研发组，一直负责天穹os向量化项目'];
  const question = '介绍一下你在腾讯的实习吧：什么时候去的、在哪个组？';

  it('reads the two groups told the other way round as a reversed order', () => {
    expect(contradicted(question, note, '五月中旬入职，一开始是在智能湖仓研发组，后来组织结构调整，才换到了平台内核组。', note[0])).toEqual([note[0]]);
  });

  it('accepts the story told in the note\'s order, in other words', () => {
    expect(contradicted(question, note, '五月中旬入职，一开始在平台内核组，后来组织调整换到了智能湖仓研发组。', note[0])).toEqual([]);
    // Without a beginning and a later turn there is no story to reverse.
    expect(reversedStory(note, '我在智能湖仓研发组和平台内核组都待过。')).toBeUndefined();
  });
});
