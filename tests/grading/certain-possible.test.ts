import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';

describe('what the note says may happen, said to happen for sure (and the other way round)', () => {
  const failover = ['异步复制下主库宕机时，还没同步到从库的已提交事务可能丢失。', '半同步复制下，从库确认收到 binlog 后主库才返回提交成功。'];

  it('finds 一定 exchanged for the note\'s 可能 ("…已提交事务一定丢失")', () => {
    expect(contradicted('主从复制会丢数据吗？', failover, '异步复制下主库宕机时，还没同步到从库的已提交事务一定丢失。')).toEqual([failover[0]]);
  });

  it('reads a clause after an opening verdict and a colon on its own ("分情况：…一定丢失" is still 一定 for 可能)', () => {
    expect(contradicted('主从复制会丢数据吗？', failover, '分情况：异步复制下主库宕机时，还没同步到从库的已提交事务一定丢失。')).toEqual([failover[0]]);
  });

  it('keeps 不一定 for 可能…不, which says the same', () => {
    const bloom = ['查询时 k 位全是 1 也不一定存在，只是可能存在。'];
    expect(contradicted('布隆过滤器查询结果可信吗？', bloom, '查询时 k 位全是 1 也可能不存在。')).toEqual([]);
  });
});
