import { describe, expect, it } from 'vitest';
import { gradeOffline } from '../../src/grading/offline-grader.ts';

const note = `缓存击穿是指一个热点key（非常频繁地被访问）在缓存中过期的瞬间，大量的请求就落到了数据库上。

为了解决缓存击穿的问题，常见的几种策略包括：

1. **设置热点数据永不过期**：这是最简单的方式，但需要保证更新缓存的操作比较及时，否则可能会出现缓存数据和数据库数据不一致的情况。
2. **使用互斥锁或分布式锁**：当缓存失效的时候，第一个访问数据的线程（或进程）获得锁并开始加载数据，其他线程（或进程）等待，当数据加载完成后释放锁，其他等待的线程（或进程）再从缓存中获取数据。
3. **使用缓存预热策略**：缓存预热就是系统上线后，将可能成为热点的数据直接加载到缓存中，这样可以避免缓存系统在处理大量请求时突然崩溃。`;
const references = [{ source: 'redis.md', heading: '缓存击穿', text: note }];
const question = '什么是缓存击穿？怎么解决？';
const grade = (answer: string) => gradeOffline({ question, answer, references }).grade;
const pointAbout = (card: ReturnType<typeof grade>, label: string) => card.keyPoints.find((point) => point.text.includes(label));

describe('a point named by its label is touched on the card, not missed', () => {
  it('lists the strategies a terse answer names as touched, quotes where it names them, and never says 没讲 them', () => {
    const card = grade('热点key过期的一瞬间，大量请求直接打到DB。可以让热点key不过期，或者加互斥锁，只让一个请求去查库回填缓存。');
    expect(pointAbout(card, '设置热点数据永不过期')).toMatchObject({ covered: 'partial', evidence: expect.stringContaining('不过期') });
    expect(pointAbout(card, '使用互斥锁或分布式锁')).toMatchObject({ covered: 'partial', evidence: expect.stringContaining('互斥锁') });
    expect(card.feedback).not.toMatch(/没讲[^。]*(?:永不过期|互斥锁)/u);
  });

  it('still calls a strategy the answer does not name missed', () => {
    const card = grade('热点key过期的一瞬间，大量请求直接打到DB。可以让热点key不过期。');
    expect(pointAbout(card, '设置热点数据永不过期')?.covered).toBe('partial');
    expect(pointAbout(card, '使用互斥锁或分布式锁')?.covered).toBe('no');
    expect(card.feedback).toMatch(/没讲[^。]*互斥锁/u);
  });
});
