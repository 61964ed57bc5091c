import { describe, expect, it } from 'vitest';
import { sampleItems } from '../support/interview-fixtures.ts';
import { makeHarness } from '../support/interview-harness.ts';

const owner = 'deeper-grade-owner';

describe('a deeper question\'s answer and the question it follows', () => {
  it('leaves the question\'s grade as the earlier answers made it, whatever the deeper answer says', async () => {
    for (const deeperAnswer of ['混合持久化：AOF 重写时以 RDB 格式开头再追加增量命令。', '今天天气不错，中午吃了一碗牛肉面。']) {
      const items = sampleItems.filter((entry) => ['redis-persist', 'redis-aof-rewrite', 'mysql-index'].includes(entry.id));
      const { service } = makeHarness({ items });
      const { session } = await service.start(owner, { mode: 'drill', cards: ['redis-persist', 'mysql-index'] });
      const main = await service.submit(session.id, owner, { answer: 'RDB 快照是 fork 子进程把内存数据写成二进制文件。' });
      expect(main.next.kind).toBe('followup');
      // Strong enough to go one level deeper, short of the whole note.
      const followup = await service.submit(session.id, owner, { answer: 'AOF 日志把每条写命令追加到文件，可以重写压缩，混合持久化是重写时 RDB 开头。' });
      expect(followup.next.text).toContain(sampleItems.find((entry) => entry.id === 'redis-aof-rewrite')?.question);
      expect(followup.grade?.score).toBeLessThan(10);
      const deeper = await service.submit(session.id, owner, { answer: deeperAnswer });
      expect(deeper.grade?.followup?.kind).toBe('deeper');
      // What the main card missed, said in answer to another card's question, does not count for this one: 8.3 had become 10.
      expect(deeper.grade?.score).toBe(followup.grade?.score);
      expect(deeper.grade?.followup?.questionScore).toBe(followup.grade?.score);
    }
  });
});
