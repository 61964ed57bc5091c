import { describe, expect, it } from 'vitest';
import { gradeOffline } from '../../src/grading/offline-grader.ts';

// corpus/image-service-project-qa.md, **缓存雪崩**: a definition, then the remedies in the same paragraph.
const avalanche =
  '**缓存雪崩**：缓存雪崩是指在缓存系统中，如果大量的数据同时过期，而查询数据量巨大，缓存系统受不了压力进而崩溃，导致请求全部转发到数据库，数据库也可能因此崩溃。解决缓存雪崩的常见策略有：设置不同的过期时间，让缓存失效的时间点尽量均匀；利用互斥锁或分布式锁，当缓存失效的时候，不是立即去load db，而是先使用缓存工具的某些带成功操作返回值的操作，如Redis的SETNX，去set一个mutex key，当操作返回成功时，再去load db（单进程访问）。';
const reference = { source: 'redis.md', heading: '缓存雪崩', text: avalanche };
const definition = '缓存雪崩就是大量缓存数据在同一时间过期，查询量又很大，缓存扛不住，请求全部打到数据库上，数据库也可能跟着崩溃。';
const grade = (question: string, answer: string) => gradeOffline({ question, answer, references: [reference] }).grade;

describe('a question asking only what something is (definition-part.ts)', () => {
  it('is answered by the definition: the remedies answer 「怎么解决」 and are not called missed', () => {
    const graded = grade('什么是缓存雪崩？', definition);
    // It had scored 5.9, told 「没讲解决缓存雪崩的常见策略」.
    expect(graded.score).toBeGreaterThanOrEqual(8);
    expect(`${graded.feedback}${graded.gaps.join('')}`).not.toMatch(/策略|过期时间|互斥锁/u);
  });

  it('still asks for the remedies when the question does, and still grades a wrong definition low', () => {
    expect(grade('什么是缓存雪崩？怎么解决？', definition).score).toBeLessThan(7);
    expect(grade('缓存雪崩有哪些解决方法？', definition).score).toBeLessThan(grade('什么是缓存雪崩？', definition).score - 3);
    expect(grade('什么是缓存雪崩？', '缓存雪崩就是某一个热点 key 过期了，大量请求打到数据库。').score).toBeLessThan(grade('什么是缓存雪崩？', definition).score - 2);
  });

  it('takes an answer with the remedies too as complete, and charges what it says wrong about them', () => {
    const both = `${definition}解决办法是给过期时间加随机值，让失效时间点分散开，或者加互斥锁，只让一个请求去加载数据库。`;
    expect(grade('什么是缓存雪崩？', both).score).toBeGreaterThanOrEqual(8);
    const wrongRemedy = `${definition}解决办法不是设置不同的过期时间，而是把所有 key 设成同一个过期时间。`;
    expect(grade('什么是缓存雪崩？', wrongRemedy).score).toBeLessThan(grade('什么是缓存雪崩？', definition).score);
  });
});
