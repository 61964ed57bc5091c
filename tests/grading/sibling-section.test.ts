import { describe, expect, it } from 'vitest';
import { createGrader } from '../../src/grading/grader.ts';
import { buildNotesKnowledgeBase, sampleNotes, seedNotes } from './notes-knowledge-base.ts';

// A parent heading pairing two names, with one section on each: the pattern of notes that compare LFU and LRU, select and
// epoll, RDB and AOF. A section holds its sibling's name only through that heading.
const cacheNotes = `# 项目

## 缓存模块

### lfu和lru

#### lfu介绍

lfu是根据缓存的访问频度来进行缓存置换的，访问一次缓存就增加其频度，优先置换低频度缓存

#### lru介绍

lru是根据最近访问时间来进行缓存置换的，访问缓存后就将其放置到链表的头部，不是最近使用的就慢慢的调整到了尾部，优先置换尾部
**实现**hash表记录key节点映射

#### lfu缺点

会产生缓存污染，使得新生代高频数据块很难留在缓存中。最近加入的数据因为起始的频率很低，容易被淘汰，而早期的热点数据会一直占据缓存。
`;

describe('a section on the other of two names its parent heading pairs', () => {
  it('grades a question on LRU against the LRU section, not the LFU section that holds lru only in its heading and the retriever ranks first', async () => {
    const kb = await buildNotesKnowledgeBase(seedNotes(['cpp-backend-projects-and-internship.md']));
    const grade = await createGrader({ kb }).grade({
      question: 'LRU的淘汰思路是什么？一般你会怎么去实现它？',
      answer: 'LRU就是按最近访问的时间来淘汰，最近最久没用的那个先淘汰掉。实现的话就是用一个链表，访问过的就把它放到链表头上，这样淘汰的时候就从链表尾巴上删。',
    });
    expect(grade.references[0]?.heading).toContain('lru介绍');
    // A question opening with the section's one subject ("LRU的…") is about that section, not merely near it: no notice.
    expect(grade.notice).toBeUndefined();
    expect(grade.score).toBeGreaterThanOrEqual(4);
  });

  it('still grades a question on the other name against its own section', async () => {
    const kb = await buildNotesKnowledgeBase({ ...sampleNotes, 'cache-notes.md': cacheNotes });
    const grade = await createGrader({ kb }).grade({ question: 'LFU有什么缺点？', answer: '新数据起始频率低，容易被淘汰，老的热点数据一直占着缓存，造成缓存污染。' });
    expect(grade.references[0]?.heading).toContain('lfu缺点');
  });
});
