import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';

describe('cause and effect the other way round', () => {
  const pool = ['大量慢查询同时占着数据库连接 → 连接池被耗尽，新请求拿不到连接', '连接池大小一般设为核心数的两倍左右'];

  it('finds the note\'s effect given as the cause ("因为连接池被耗尽，所以大量慢查询同时占着数据库连接")', () => {
    expect(contradicted('连接池为什么会被耗尽？', pool, '因为连接池被耗尽，所以大量慢查询同时占着数据库连接。')).toEqual([pool[0]]);
  });

  it('finds it in English, across a key point cut at a comma ("…and that is what pushes the heap over the threshold")', () => {
    const g1 = ['When heap occupancy goes over the initiating threshold (e.g. 45%, by default)', 'the collector starts a concurrent marking cycle.'];
    expect(contradicted('When does G1 start marking?', g1, 'When the collector starts a concurrent marking cycle, it allocates a lot, and that is what pushes heap occupancy over the initiating threshold.')).toEqual([g1[0]]);
  });

  it('keeps the note\'s direction, said with the effect first ("连接池被耗尽，是因为大量慢查询…") or as a chain that repeats the cause', () => {
    expect(contradicted('连接池为什么会被耗尽？', pool, '连接池被耗尽，新请求拿不到连接，是因为大量慢查询同时占着数据库连接。')).toEqual([]);
    const close = ['关闭已经关闭的channel会导致panic'];
    expect(contradicted('为什么重复 close channel 危险？', close, '关闭已经关闭的channel会导致panic，所以不知道channel是否已经关闭就去关闭channel很危险。')).toEqual([]);
  });
});
