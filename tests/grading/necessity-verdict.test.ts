import { describe, expect, it } from 'vitest';
import { necessityVerdict } from '../../src/grading/necessity-verdict.ts';
import { subQuestionVerdict } from '../../src/grading/sub-question-verdict.ts';
import { gradeOffline } from '../../src/grading/offline-grader.ts';

// corpus/os-network-k8s-microservices.md, "k8s 核心组件 > Master节点（默认不参加工作）".
const question = 'etcd 一定要部署在 master 节点上吗？master 节点默认会跑业务 Pod 吗？';
const note = [
  'Scheduler：负责资源的调度，按照预定的调度策略将pod调度到相应的node节点上；',
  'Etcd(可以不在master节点)：担任数据中心的角色，保存了整个群集的状态；',
].join('\n');

describe('whether something must be so', () => {
  it('reads 「可以不在」 as need not, which 「不一定」 agrees with and 「必须」 denies', () => {
    expect(necessityVerdict(question, [note], '不一定，etcd 可以部署在 master 之外的机器上。')).toBe('agree');
    expect(necessityVerdict(question, [note], 'etcd 不一定要放在 master 上，单独部署也行。')).toBe('agree');
    expect(necessityVerdict(question, [note], '对，etcd 必须部署在 master 节点上。')).toBe('disagree');
    expect(necessityVerdict(question, [note], 'etcd 必须部署在 master 节点上，不能放别处。')).toBe('disagree');
    // The plain yes/no reading takes 可以 for a yes, and had read that wrong answer as agreeing with the note.
    expect(subQuestionVerdict(question, [note], 'etcd 必须部署在 master 节点上，不能放别处。')).toBe('disagree');
    // A clause opening on 不管 is no bare 不.
    expect(necessityVerdict(question, [note], '不管集群多大，etcd 都必须部署在 master 节点上。')).toBe('disagree');
  });

  it('reads a note that says it must be so', () => {
    const must = '## defer\n\nrecover 必须在 defer 的函数里直接调用才有效，在别处调用返回 nil。';
    const asked = 'recover 一定要在 defer 里调用吗？';
    expect(necessityVerdict(asked, [must], '是的，recover 只有在 defer 函数里直接调用才能捕获 panic。')).toBe('agree');
    expect(necessityVerdict(asked, [must], '不用，recover 在哪里调用都可以。')).toBe('disagree');
  });

  it('says nothing where the note says nothing of need, or the question asks no necessity', () => {
    expect(necessityVerdict(question, ['Etcd：担任数据中心的角色，保存了整个群集的状态；'], '不一定。')).toBeUndefined();
    expect(necessityVerdict('etcd 是做什么的？', [note], '不一定。')).toBeUndefined();
  });

  it('grades the correct answer on its verdict, where it had found no point and scored 0', () => {
    const references = [{ source: 'k8s.md', heading: 'k8s 核心组件 > Master节点（默认不参加工作）', text: note }];
    const right = gradeOffline({ question, answer: '不一定，etcd 可以部署在 master 之外的机器上；master 默认也不参与工作，不调度普通业务 Pod。', references });
    expect(right.grade.score).toBeGreaterThanOrEqual(5);
    const wrong = gradeOffline({ question, answer: '对，etcd 必须部署在 master 节点上，不能放到别的机器。', references });
    expect(wrong.grade.score).toBeLessThanOrEqual(2);
  });
});
