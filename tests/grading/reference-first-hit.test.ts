import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/core/types.ts';
import { createGrader } from '../../src/grading/grader.ts';
import { buildNotesKnowledgeBase, seedNotes } from './notes-knowledge-base.ts';

// The whole corpus, as the eval reference sets see it (see reference-choice.test.ts for more of the same kind).
let notes: KnowledgeBase;
beforeAll(async () => {
  notes = await buildNotesKnowledgeBase(seedNotes());
}, 60_000);

describe('which note a spoken question naming a compound or reworded subject is graded against', () => {
  it('counts a hyphenated name once, so the subject the question asks about decides', async () => {
    // client-go had also read as client, go, clientgo and their concepts, outweighing Informer: no note at all.
    const grade = await createGrader({ kb: notes }).grade({
      question: 'client-go 的 informer 原理是什么，reflector 负责干啥',
      answer: 'Reflector 通过 ListWatch 从 apiserver 同步数据放进 DeltaFIFO，Informer 从队列取出更新本地缓存并回调事件处理函数。',
    });
    expect((grade.references[0]?.heading ?? '').toLowerCase()).toContain('informer');
  });

  it("cites the retriever's first note whose title the question names as the closest note, not none", async () => {
    const grade = await createGrader({ kb: notes }).grade({
      question: '你们图片放在 Ceph 上，业务那边是怎么去读 Ceph 里的图片的？需要专门的私有 SDK 吗？',
      answer: 'Ceph 提供兼容 S3 的对象网关，业务用标准的 S3 SDK 通过 HTTP 访问，不需要私有 SDK。',
    });
    // Topic match 0.32 (the candidate's own words 业务那边, 私有 SDK), title 「Ceph存储图片有什么好处？」 0.40: cited with a notice.
    expect((grade.references[0]?.heading ?? '').toLowerCase()).toContain('ceph');
    expect(grade.notice ?? '').not.toBe('');
  });

  it('does not cite a first hit whose title names something in Latin script the question never says', async () => {
    // "什么是Raft算法" shares only 算法 with this question, half of its title by weight.
    const grade = await createGrader({ kb: notes }).grade({ question: 'React 的虚拟 DOM 和 diff 算法是怎么工作的？', answer: '先比较新旧虚拟 DOM 树，算出最小差异再批量更新真实 DOM。' });
    expect(grade.references.map((reference) => reference.heading.toLowerCase()).join(' ')).not.toContain('raft');
  });
});
