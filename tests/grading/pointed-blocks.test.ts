import { describe, expect, it } from 'vitest';
import { pointedBlocks } from '../../src/grading/pointed-blocks.ts';
import { extractAllKeyPoints } from '../../src/grading/key-points.ts';
import { gradeOffline } from '../../src/grading/offline-grader.ts';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';

// One heading over several paragraphs, the shape of a project write-up: no sub-heading sets its parts apart.
const note = `腾讯实习期间一直负责天穹 os 向量化项目，先在平台内核组，后来换到智能湖仓研发组，做 spark 加 gluten 加 velox 的 native 引擎。

大数据的生态高度依赖 jvm，而 jvm 的 gc 和锁开销是难以逾越的性能鸿沟，java 社区的向量化 api 也没有很大突破，于是各个厂商开始做 native 向量化引擎。

gluten 把 spark 的物理计划转换后卸载到 native 引擎，velox 是完全用 cpp 写的向量化执行引擎。

我的工作是给 velox 开发一些和 spark 语义不一样的 hive udf，避免执行计划回退到 spark 原生执行导致性能下降。

业界其他的方案：databricks photon 不开源，只有论文；datafusion blaze 用自己的 protobuf 描述算子而不是社区通用的 substrait，容易与社区脱节，不易维护。`;
const heading = '面试 > 实习经历 > 腾讯实习 > 腾讯实习：介绍';

describe('the part of a note a question points into', () => {
  const points = extractAllKeyPoints(note, 0);

  it('is the paragraph holding words of the question the rest of the note never uses', () => {
    const blocks = pointedBlocks('除了 Gluten、Velox，业界还有哪些方案？你们为什么没选？', points, heading);
    expect(blocks?.size).toBe(1);
    const pointed = points.filter((point) => blocks!.has(point.block)).map((point) => point.text).join('');
    expect(pointed).toContain('photon');
  });

  it('is nothing for a question about the whole note, or one with an ask elsewhere in it', () => {
    expect(pointedBlocks('Gluten 和 Velox 在 Spark 的 native 向量化里分别做什么？', points, heading)).toBeUndefined();
    expect(pointedBlocks('业界还有哪些方案？你在项目里具体做了哪些 udf，为什么要做？', points, heading)).toBeUndefined();
  });

  it('lets an answer that makes that part\'s points score as complete, and still charges what it contradicts', () => {
    const question = '除了 Gluten、Velox，业界还有哪些方案？你们为什么没选？';
    const full = scoreAnswer({ question, answer: 'Databricks 的 Photon 不开源，只发了论文；DataFusion 上的 Blaze 用自己定义的 protobuf 描述算子，不用社区的 Substrait，容易和社区脱节、不好维护。', references: [note], headings: [heading] });
    expect(full.score).toBeGreaterThanOrEqual(8);
    const wrong = scoreAnswer({ question, answer: 'Photon 是开源的，Blaze 用的就是社区通用的 substrait，和社区没有脱节。', references: [note], headings: [heading] });
    expect(wrong.score).toBeLessThanOrEqual(2);
  });

  it('lists on the card only that part\'s points, so a full grade names no gap from the rest of the note', () => {
    const { grade } = gradeOffline({
      question: '除了 Gluten、Velox，业界还有哪些方案？你们为什么没选？',
      answer: 'Databricks 的 Photon 不开源，只发了论文；DataFusion 上的 Blaze 用自己定义的 protobuf 描述算子，不用社区的 Substrait，容易和社区脱节、不好维护。',
      references: [{ source: 'notes.md', heading, text: note }],
    });
    expect(grade.score).toBeGreaterThanOrEqual(8);
    expect(grade.keyPoints.map((point) => point.text).join('')).not.toContain('天穹');
    expect(grade.gaps.join('')).not.toContain('天穹');
    expect(grade.feedback).not.toContain('天穹');
  });
});

describe('a question of several asks is graded on the parts all its asks point into', () => {
  // The seed note as written (image-service-project-qa.md, 为什么协程比线程好？).
  const coroutineNote = `- 资源消耗小：协程轻量，内存占用小。
- 上下文切换：协程只发生在用户态，线程需要在用户态和内核态之间进行切换。
- 阻塞和同步：线程间同步通常需要使用锁、信号量等机制，协程可以用管道。`;
  const question = '为什么说协程比线程轻量？协程切换的开销为什么比线程切换小？';
  const points = extractAllKeyPoints(coroutineNote, 0);
  const blockOf = (words: string) => points.find((point) => point.text.includes(words))!.block;

  it('does not narrow to the item the whole question points into (轻量) when the second ask points into another (切换)', () => {
    // Its asks point into two of three items, more than half the note: the note is graded whole.
    expect(pointedBlocks(question, points, '为什么协程比线程好？')).toBeUndefined();
    // It had been narrowed to 资源消耗小 alone, and an answer about switching scored 9.9 on that one line.
    expect(pointedBlocks('为什么说协程比线程轻量？', points, '为什么协程比线程好？')?.has(blockOf('资源消耗小'))).toBe(true);
  });

  it('keeps one paragraph for a later ask that names nothing the note holds ("你们为什么没选？")', () => {
    expect(pointedBlocks('除了 Gluten、Velox，业界还有哪些方案？你们为什么没选？', extractAllKeyPoints(note, 0), heading)?.size).toBe(1);
  });
});

describe('a list under a line that only announces it', () => {
  const cacheNote = `缓存击穿是指一个热点key（非常频繁地被访问）在缓存中过期的瞬间，大量的请求就落到了数据库上。

为了解决缓存击穿的问题，常见的几种策略包括：

1. **设置热点数据永不过期**：这是最简单的方式，但需要保证更新缓存的操作比较及时。
2. **使用互斥锁或分布式锁**：当缓存失效的时候，第一个访问数据的线程获得锁并开始加载数据，其他线程等待。
3. **使用缓存预热策略**：缓存预热就是系统上线后，将可能成为热点的数据直接加载到缓存中。`;
  const question = '什么是缓存击穿？怎么解决？';
  const points = extractAllKeyPoints(cacheNote, 0);

  it('hangs the list under that line, which is no point of its own', () => {
    expect(points.map((point) => point.text).join('')).not.toContain('常见的几种策略包括');
    expect(points.find((point) => point.text.includes('永不过期'))?.lead).toBe('为了解决缓存击穿的问题，常见的几种策略包括：');
  });

  it('reads "怎么解决" as pointing into the list through it, so a definition alone is not a complete answer', () => {
    expect(pointedBlocks(question, points)).toBeUndefined();
    const definitionOnly = scoreAnswer({ question, answer: '热点key过期的一瞬间，大量请求直接打到DB。', references: [cacheNote] });
    // Graded on the definition alone, it had scored 9.2.
    expect(definitionOnly.score).toBeLessThan(6);
    const both = scoreAnswer({ question, answer: '热点key过期的一瞬间，大量请求直接打到DB。解决：热点数据设成永不过期；或者加互斥锁，只让拿到锁的线程去加载数据；再做缓存预热。', references: [cacheNote] });
    expect(both.score).toBeGreaterThan(definitionOnly.score + 2);
  });
});


describe('a sentence announcing what the note\'s parts are', () => {
  // corpus/go-basics-qa.md, "k8s:", a quoted overview.
  const overview = [
    'Kubernetes 由控制平面和节点层两部分组成。',
    '控制平面包括：',
    '- **apiserver**：集群入口，提供统一 API；',
    '- **etcd**：状态存储，负责持久化集群元数据；',
    '- **controller-manager**：运行各种控制循环，确保集群状态一致；',
    '- **scheduler**：为 Pod 选择最优节点；',
    '节点层包括：',
    '- **kubelet**：负责 Pod 生命周期和状态上报；',
    '- **kube-proxy**：实现 Service 的负载均衡与转发；',
  ].join('\n\n');
  const question = 'K8s由哪些部分组成？';

  it('is not the part the question asks about: the parts it announces are listed after it', () => {
    expect(pointedBlocks(question, extractAllKeyPoints(overview, 0))).toBeUndefined();
    // Graded on the announcing sentence alone, repeating it scored 10 on a card of one point.
    const { grade } = gradeOffline({ question, answer: 'Kubernetes 由控制平面和节点层两部分组成。', references: [{ source: 'k8s.md', heading: 'k8s', text: overview }] });
    expect(grade.score).toBeLessThan(5);
    expect(grade.keyPoints.length).toBeGreaterThan(5);
  });
});
