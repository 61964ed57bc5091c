/**
 * A question the notes list word for word and leave open has no note to grade against: not even the closest, which for a bare
 * heading is any note sharing a word or two with it (issue 10 item 5: a coherent card).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createGrader } from '../../src/grading/grader.ts';
import { findReference } from '../../src/grading/reference-finder.ts';
import type { HybridKnowledgeBase } from '../../src/retrieval/knowledge-base.ts';
import { buildNotesKnowledgeBase } from './notes-knowledge-base.ts';

let notes: HybridKnowledgeBase;
beforeAll(async () => {
  notes = await buildNotesKnowledgeBase({
    // The shapes of corpus/os-network-k8s-microservices.md and image-service-project-qa.md: a numbered heading with nothing
    // under it, and another note that says 避免死锁 in passing.
    'os.md': `## 二 孤儿进程僵尸进程\n\n孤儿进程是父进程先退出、被 init 收养的进程；僵尸进程是已经退出、父进程还没 wait 回收的进程。\n\n## 三 死锁条件，如何避免\n\n## 四 哈希的实现有哪几种\n\n开放定址法、链地址法、再哈希法。\n`,
    'redis.md': `## redis为什么用单线程？\n\n- 简单，避免死锁、数据竞争\n- 效率高，充分利用cpu。多线程切换可能会抵消并行带来的性能提升。\n- 每个操作都是原子性的。\n`,
  });
});

describe('a question the notes list and leave open', () => {
  it('finds no note for its own heading, typed as written or as a question', async () => {
    expect(await findReference(notes, '死锁条件，如何避免')).toBeUndefined();
    expect(await findReference(notes, '死锁条件，如何避免？')).toBeUndefined();
    // A note that answers a question is still found.
    expect((await findReference(notes, 'redis为什么用单线程？'))?.item.question).toMatch(/单线程/u);
  });

  it('grades a textbook answer as having no reference, not 0 against the Redis note', async () => {
    const grade = await createGrader({ kb: notes }).grade({ question: '死锁条件，如何避免', answer: '四个条件：互斥、请求并保持、不可剥夺、循环等待。破坏其中一个就能避免，比如按固定顺序加锁。' });
    expect(grade.references).toEqual([]);
    expect(grade.feedback).toContain('没有找到与这道题对应的参考答案');
  });
});

describe('what counts as the open heading', () => {
  it('is the heading whole, a list number aside, and leaves the notes\' other questions alone', async () => {
    const withSection = await buildNotesKnowledgeBase({
      'os.md': `## 三 死锁条件，如何避免\n\n## 死锁举例\n\n两个线程各持有一把锁，又都去等对方手里的那把：线程 A 拿着锁 1 等锁 2，线程 B 拿着锁 2 等锁 1，于是都等下去。\n`,
    });
    expect(await findReference(withSection, '死锁条件，如何避免')).toBeUndefined();
    // A question the notes do answer is still graded against its note, though an open heading is near it.
    expect((await findReference(withSection, '死锁举例'))?.item.headingPath.at(-1)).toBe('死锁举例');
  });
});
