import { describe, expect, it } from 'vitest';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';

describe('an answer graded on the part it was asked about', () => {
  // One heading over a project write-up; the question asks only about the alternatives (pointed-blocks.test.ts).
  const note = `腾讯实习期间一直负责天穹 os 向量化项目，先在平台内核组，后来换到智能湖仓研发组，做 spark 加 gluten 加 velox 的 native 引擎。

大数据的生态高度依赖 jvm，而 jvm 的 gc 和锁开销是难以逾越的性能鸿沟，java 社区的向量化 api 也没有很大突破，于是各个厂商开始做 native 向量化引擎。

gluten 把 spark 的物理计划转换后卸载到 native 引擎，velox 是完全用 cpp 写的向量化执行引擎。

我的工作是给 velox 开发一些和 spark 语义不一样的 hive udf，避免执行计划回退到 spark 原生执行导致性能下降。

业界其他的方案：databricks photon 不开源，只有论文；datafusion blaze 用自己的 protobuf 描述算子而不是社区通用的 substrait，容易与社区脱节，不易维护。`;
  const heading = '面试 > 实习经历 > 腾讯实习 > 腾讯实习：介绍';

  it('is not one that contradicts the note: half the alternatives wrong is not a complete answer about them', () => {
    // Graded on the part, 「Photon 是开源的」 cost its weight in the whole note while the Blaze half counted as half the
    // part: 7.5. sw006 (spoken-wrong-tuning, a wrong figure, label 1) was 7.9 so.
    const scored = scoreAnswer({
      question: '除了 Gluten、Velox，业界还有哪些方案？你们为什么没选？',
      answer: 'Photon 是开源的，Blaze 用自己定义的 protobuf 描述算子，不用社区的 Substrait，容易和社区脱节、不好维护。',
      references: [note],
      headings: [heading],
    });
    expect(scored.flags).toContain('contradiction');
    expect(scored.score).toBeLessThanOrEqual(3);
  });
});
