import { describe, expect, it } from 'vitest';
import { findItem, parseCorpusFile } from './corpus-fixture.ts';

// 面经-style logs list the questions one per line; the next question is not the previous one's answer.
describe('runs of question lines in interview logs (real notes)', () => {
  const ecommerce = parseCorpusFile('go-mysql-redis-ecommerce-qa.md');
  const imageService = parseCorpusFile('image-service-project-qa.md');

  it.each([
    ['select 和 epoll 的差别', 650],
    ['C 和 C++ 的字节对齐', 652],
    ['大量time_wait会有什么问题，time_wait的时候能不能有别的客户端来请求服务器的服务', 656],
    ['TCP全连接和半连接队列', 658],
    ['进程的调度方式（最短作业优先的缺点）', 666],
    ['http状态码（304不会）', 669],
    ['sync.Map 怎么解决线程安全问题？看过源码吗？', 608],
    ['copy是操作符还是内置函数', 610],
    ['Go里面一个协程能保证绑定在一个内核线程上面的', 611],
    ['Go的协程可以不可以自己让出cpu', 612],
    ['插入排序的时间复杂度，快排呢？', 640],
    ['算法题：快排思路找topK', 642],
  ])('%s is its own unanswered question', (question, line) => {
    const item = findItem(ecommerce, question);
    expect(item.lines.start).toBe(line);
    expect(item.answered).toBe(false);
    expect(item.reference).toBe('');
  });

  it('does not give a question the topic line listed after it as an answer', () => {
    expect(findItem(imageService, '线程和协程').reference).toBe('');
    expect(findItem(imageService, '常见的查找：二分、哈希、二叉搜索').lines.start).toBe(530);
  });

  it('keeps short legitimate answers', () => {
    expect(findItem(imageService, '缓存失效策略').reference).toBe('FIFO\n\nLFU\n\nLRU\n\nTTL\n\nRandom');
    expect(findItem(imageService, 'redis为什么用单线程？').reference).toMatch(/^- 简单，避免死锁、数据竞争\n- 效率高/);
    expect(findItem(imageService, '存几条记录？').reference).toBe('一条就可以了');
    expect(findItem(ecommerce, '电商系统图片过多会造成带宽过高，如何解决').reference).toBe('cdn,nginx');
  });
});
