import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';

describe('a transfer said the other way round (reversed-transfers.ts)', () => {
  const question = 'GMP 相比原来的 GM 模型，加了 P 之后具体带来了什么改变？';
  const note = [
    '每个 P 有自己的本地队列，大幅度的减轻了对全局队列的直接依赖，所带来的效果就是锁竞争的减少。',
    '在 GMP 模型中也实现了 Work Stealing 算法，如果 P 的本地队列为空，则会从全局队列或其他 P 的本地队列中窃取可运行的 G 来运行，减少空转。',
  ];

  it('is contradicted by an answer that gives to the place the note takes from, in the same case', () => {
    // Spoken, with fillers between the case and the move (sw020).
    const spoken = '嗯，就是加了一个全局队列，所有P都从全局队列拿G，然后每个P的本地队列为空的时候，就是，会把自己手上的G推给全局队列，这叫Work Stealing。';
    expect(contradicted(question, note, spoken)).toEqual([note[1]]);
    expect(contradicted(question, note, 'P 的本地队列为空时，会把 G 推到其他 P 的本地队列。')).toEqual([note[1]]);
  });

  it('is contradicted by an answer that takes from the place the note gives to', () => {
    const full = ['P 的本地队列满了以后，会把本地队列中一半的 G 放到全局队列。'];
    expect(contradicted('本地队列满了怎么办？', full, 'P 的本地队列满了以后，会从全局队列拿一半的 G 过来。')).toEqual([full[0]]);
  });

  it('is not contradicted by the note’s own move, a move in another case, or a denied one', () => {
    expect(contradicted(question, note, '本地队列为空的时候，会从全局队列或者别的P的本地队列里偷G过来运行。')).toEqual([]);
    // Another case: a full local queue does give half its G to the global queue.
    expect(contradicted(question, note, 'P 的本地队列满了，会把一半 G 放到全局队列。')).toEqual([]);
    expect(contradicted(question, note, '本地队列满了，就把一半的G放到全局队列；本地队列为空时，从全局队列或者其他P那里偷G。')).toEqual([]);
    // A move to another place than the note's: stolen G go to the thief's own queue.
    expect(contradicted(question, note, 'P的本地队列为空的时候，会从全局队列拿G，全局队列也没有就从其他P偷一半放到自己的本地队列。')).toEqual([]);
    expect(contradicted(question, note, '本地队列为空的时候，不会把 G 推给全局队列，而是去偷。')).not.toContain(note[1]);
  });

  it('is contradicted by a move between two places said the other way round, after a 不过 that denies nothing', () => {
    // corpus/cpp-backend-projects-and-internship.md, "mysql 解决预读失效，缓存污染lru".
    const pageCache = ['linux的解决方法和mysql相似，linux分为了两个链表，old链表第二次访问就放到了young链表'];
    const asked = 'Linux 的 page cache 怎么防缓存污染？';
    expect(contradicted(asked, pageCache, 'Linux 也分为两个链表，不过它是 young 链表里的页第二次访问就放到 old 链表。')).toEqual(pageCache);
    expect(contradicted(asked, pageCache, 'Linux 也分为两个链表，old 链表里的页第二次访问就放到 young 链表。')).toEqual([]);
    expect(contradicted(asked, pageCache, 'young 链表的页被淘汰时放到 old 链表。')).toEqual([]);
  });
});
