import { describe, expect, it } from 'vitest';
import { contradictedIn } from './contradicted-in.ts';

describe('a word of the note exchanged, after a spoken opener (note-edits.ts)', () => {
  const replication = '工作原理：主服务器执行所有写操作，并记录这些操作在二进制日志中。';

  it('reads the exchange past 其实就是 / 不过它是, as it does without them', () => {
    for (const answer of ['从服务器执行所有写操作。', '其实就是从服务器执行所有写操作。', '不过它是从服务器执行所有写操作。']) {
      expect(contradictedIn('MySQL 主从复制是怎么工作的？', replication, answer)).toEqual([replication]);
    }
    expect(contradictedIn('MySQL 主从复制是怎么工作的？', replication, '其实就是主服务器执行所有写操作。')).toEqual([]);
  });
});
