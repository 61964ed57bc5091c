import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';

describe('a one-character word the note denies at its clause end (不变, 不动)', () => {
  const resize = ['扩容时旧桶里元素的相对顺序保持不变。', '新桶数组是原来的两倍。'];

  it('finds it said without the denial, inside a word of the answer\'s ("…相对顺序会变", "key 都会动")', () => {
    expect(contradicted('HashMap 扩容时发生什么？', resize, '扩容时旧桶里元素的相对顺序会变。')).toEqual([resize[0]]);
    const ring = ['新增节点时其他节点的 key 都不动。'];
    expect(contradicted('一致性哈希加节点时影响哪些 key？', ring, '新增节点时其他节点的 key 都会动。')).toEqual([ring[0]]);
  });

  it('keeps it denied in other words ("不会变", "也不变")', () => {
    expect(contradicted('HashMap 扩容时发生什么？', resize, '扩容时旧桶里元素的相对顺序不会变。')).toEqual([]);
    expect(contradicted('HashMap 扩容时发生什么？', resize, '扩容时旧桶里元素的相对顺序也不变。')).toEqual([]);
  });
});
