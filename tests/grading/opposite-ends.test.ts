import { describe, expect, it } from 'vitest';
import { contradictedIn } from './contradicted-in.ts';

// Notes in the shape of corpus/cpp-backend-projects-and-internship.md, "lru介绍", and of a queue, in other words.
const lru = '- lru是根据最近访问时间来进行缓存置换的，访问缓存后就将其放置到链表的头部，不是最近使用的就慢慢的调整到了尾部，优先置换尾部\n- 实现：hash表记录key节点映射';
const asked = 'LRU的淘汰思路是什么？一般你会怎么去实现它？';

describe('a thing put at, or taken from, the other end of a list (opposite-ends.ts)', () => {
  it('reads an accessed entry moved to the tail, and eviction from the head, against the note\'s ends', () => {
    expect(contradictedIn(asked, lru, '然后每次访问的时候，我理解是把这个节点挪到链表尾部。')).toEqual([expect.stringContaining('访问缓存后就将其放置到链表的头部')]);
    expect(contradictedIn(asked, lru, '哈希表加一个链表，新访问的节点往链表尾部放。')).toEqual([expect.stringContaining('访问缓存后就将其放置到链表的头部')]);
    expect(contradictedIn(asked, lru, '空间不够的时候，从链表头部删掉一个。')).toEqual([expect.stringContaining('优先置换尾部')]);
  });

  it('leaves the note\'s own ends, and a thing the note puts nowhere, alone', () => {
    expect(contradictedIn(asked, lru, '每次访问一个缓存，就把它挪到链表头部，这样不常用的就慢慢沉到尾部去了，空间不够要淘汰的时候直接从尾部删。')).toEqual([]);
    expect(contradictedIn(asked, lru, '访问过的就把它放到链表头上，这样淘汰的时候就从链表尾巴上删。')).toEqual([]);
    // The note says nothing of where new data goes.
    expect(contradictedIn(asked, lru, '新数据插在尾部。')).toEqual([]);
  });

  it('reads a queue\'s ends: what is taken from where', () => {
    const queue = '- 生产者把任务放入队尾，消费者从队头取出任务执行。';
    const how = '任务队列里，消费者是从哪一头拿任务的？';
    expect(contradictedIn(how, queue, '消费者从队尾取出任务。')).toEqual([queue.slice(2)]);
    expect(contradictedIn(how, queue, '消费者从队头取出任务，生产者放到队尾。')).toEqual([]);
  });

  it('does not read a message header as an end', () => {
    const jwt = '- JWT 放在 HTTP 头部传输，可以跨域。';
    expect(contradictedIn('JWT 放在哪里传输？', jwt, 'JWT 放在请求的尾部传输。')).toEqual([]);
  });
});
