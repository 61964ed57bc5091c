import { describe, expect, it } from 'vitest';
import { gradeOffline } from '../../src/grading/offline-grader.ts';
import { offQuestionPoints } from '../../src/grading/unasked-members.ts';

// corpus/os-network-k8s-microservices.md, "Master节点（默认不参加工作）", its list of components.
const masterNode = [
  'Kubectl： 客户端命令行工具，作为整个K8s集群的操作入口；',
  'Api Server： 在K8s架构中承担的是“桥梁”的角色，作为资源操作的唯一入口，它提供了认证、授权、访问控制、API注册和发现等机制。',
  '客户端与k8s群集及K8s内部组件的通信，都要通过Api Server这个组件；',
  'Controller-manager： 负责维护群集的状态，比如故障检测、自动扩展、滚动更新等',
  'Scheduler： 负责资源的调度，按照预定的调度策略将pod调度到相应的node节点上；',
  'Etcd(可以不在master节点)：担任数据中心的角色，保存了整个群集的状态；',
].join('\n\n');
const reference = { source: 'k8s.md', heading: 'Master节点', text: masterNode };
const twoEntrances = 'k8s 里 kubectl 和 apiserver 好像都被叫做“入口”，这两个入口有什么区别？';
const right = 'kubectl 是命令行客户端，是用户操作集群的入口；apiserver 是集群内部各组件通信的中枢，是资源操作的唯一入口，所有请求都要经过它，它会做认证授权。';

describe('a point about a member of a list the question does not name (issue 10 item 5)', () => {
  it('is not called missed, and costs a right answer nothing', () => {
    const { grade } = gradeOffline({ question: twoEntrances, answer: right, references: [reference] });
    // It had been 6.1, told 「没讲Controller-manager；Scheduler」.
    expect(grade.score).toBeGreaterThanOrEqual(8);
    expect(`${grade.feedback}${grade.gaps.join('')}`).not.toMatch(/Controller|Scheduler/u);
    const unasked = grade.keyPoints.filter((point) => /^(?:Controller|Scheduler)/u.test(point.text));
    expect(unasked.map((point) => [point.covered, point.offQuestion])).toEqual([['no', true], ['no', true]]);
    expect(grade.keyPoints.filter((point) => point.offQuestion && !/^(?:Controller|Scheduler|Etcd)/u.test(point.text))).toEqual([]);
  });

  it('still counts when the question asks for the list, or names none of its members', () => {
    const points = masterNode.split('\n\n');
    expect([...offQuestionPoints(points, 'Master 节点上有哪些组件？分别做什么？')]).toEqual([]);
    expect([...offQuestionPoints(points, 'K8s 的控制平面是怎么工作的？')]).toEqual([]);
    const { grade } = gradeOffline({ question: 'Master 节点上有哪些组件？', answer: right, references: [reference] });
    expect(grade.feedback).toMatch(/Controller-manager|Scheduler/u);
  });

  it('reads a member named with or without its space or hyphen as the same member', () => {
    const points = masterNode.split('\n\n');
    const unasked = (question: string) => [...offQuestionPoints(points, question)].map((point) => point.slice(0, 6));
    expect(unasked('controller manager 和 api-server 有什么关系？')).toEqual(['Kubect', 'Schedu', 'Etcd(可']);
  });

  it('still marks what the answer says wrong about an unasked member', () => {
    const wrong = `${right}scheduler 并不负责资源的调度，pod 调度到哪个节点是 kubelet 自己决定的。`;
    const { grade } = gradeOffline({ question: twoEntrances, answer: wrong, references: [reference] });
    expect(grade.keyPoints.find((point) => point.contradicted)?.text).toMatch(/^Scheduler/u);
    expect(grade.score).toBeLessThan(gradeOffline({ question: twoEntrances, answer: right, references: [reference] }).grade.score);
  });
});

describe('a name written with or without a space', () => {
  it('is one name: 「不经过 apiserver」 denies the note\'s 「都要通过Api Server」', () => {
    const answer = 'kubectl 是命令行客户端，用户操作集群的入口；apiserver 给外部客户端用，做认证授权；集群内部的组件像 scheduler 是直接读写 etcd 的，不经过 apiserver。';
    const { grade } = gradeOffline({ question: twoEntrances, answer, references: [reference] });
    expect(grade.keyPoints.find((point) => point.contradicted)?.text).toMatch(/^客户端与k8s群集及K8s内部组件的通信/u);
    expect(grade.score).toBeLessThan(5);
  });
});
