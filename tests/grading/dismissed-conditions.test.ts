import { describe, expect, it } from 'vitest';
import { contradictedIn } from './contradicted-in.ts';

// corpus/go-mysql-redis-ecommerce-qa.md, "未提交事务是否会写redolog", its crash-recovery sentence.
const recovery = '- 总结起来说就是如果一个事务在prepare阶段中落盘成功，并在MySQL Server层中的binlog也写入成功，那这个事务必定commit成功。';
const asked = 'redo log和binlog走的是两阶段提交，那MySQL崩溃重启以后，是根据什么来判断一个事务该提交还是回滚的？';

describe('a condition of the note said not to matter (dismissed-conditions.ts)', () => {
  it('reads "X 写没写都无所谓" and "不管 X 写没写" against a note whose outcome depends on X being written', () => {
    expect(contradictedIn(asked, recovery, '只要redo还处于prepare状态，就一律回滚，binlog写没写都无所谓。')).toEqual([recovery.slice(2)]);
    expect(contradictedIn(asked, recovery, '只要redo里有这个事务的记录，不管binlog写没写，都直接给它提交。')).toEqual([recovery.slice(2)]);
  });

  it('reads it in another note: an expiry the note conditions on', () => {
    const expiry = '- 如果 key 设置了过期时间，到期后会被定期删除或惰性删除。';
    expect(contradictedIn('Redis 的 key 什么时候会被删除？', expiry, 'key 设没设过期时间都无所谓，内存满了都会删。')).toEqual([expiry.slice(2)]);
  });

  it('leaves a condition the answer keeps, and what the note itself says does not matter', () => {
    expect(contradictedIn(asked, recovery, '要看 binlog 是否完整，完整就提交。')).toEqual([]);
    const background = '- 后台线程每隔 1 秒把 redo log buffer 写到 page cache 再 fsync，它不管事务提没提交。';
    expect(contradictedIn('没提交的事务的 redo log 会落盘吗？', background, '会，后台线程每秒刷一次，不管事务提没提交都会写。')).toEqual([]);
  });
});
