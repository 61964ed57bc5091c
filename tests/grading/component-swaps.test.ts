import { describe, expect, it } from 'vitest';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';
import { contradictedIn } from './contradicted-in.ts';

// corpus/go-basics-qa.md, k8s: a list's lead-in shares its line with the first item (「节点层包括：kubelet：…」).
const note = `Kubernetes 由控制平面和节点层两部分组成。
控制平面包括：
- **apiserver**：集群入口，提供统一 API；
- **etcd**：状态存储，负责持久化集群元数据；
- **controller-manager**：运行各种控制循环，确保集群状态一致；
- **scheduler**：为 Pod 选择最优节点；
节点层包括：
- **kubelet**：负责 Pod 生命周期和状态上报；
- **kube-proxy**：实现 Service 的负载均衡与转发；
- **container runtime**：运行容器。
整个系统通过 apiserver 交互，controller 循环调谐 Desired 与 Actual 状态，实现了声明式、可扩展、自愈的分布式控制系统。`;

describe('components a note labels are things an answer can swap, beside the two the question names (note-subjects.ts)', () => {
  const question = 'k8s 里 controller-manager 和 scheduler 分工怎么划分的？节点上负责 Pod 生命周期和状态上报的是哪个组件，kube-proxy 又是干嘛的？';
  const faithful = 'controller-manager 运行各种控制循环，确保集群状态一致，scheduler 为 Pod 选择最优节点。节点上 Pod 的生命周期和状态上报是 kubelet 在做；kube-proxy 实现 Service 的负载均衡与转发。';
  const swapped = 'controller-manager 运行各种控制循环，确保集群状态一致，scheduler 为 Pod 选择最优节点。节点上 Pod 的生命周期和状态上报是 kube-proxy 在做；kubelet 实现 Service 的负载均衡与转发。';

  it('reads kube-proxy\'s work given to kubelet as wrong, where the question contrasts two other components', () => {
    expect(contradictedIn(question, note, swapped)).toContain('kube-proxy：实现 Service 的负载均衡与转发；');
    expect(contradictedIn(question, note, faithful)).toEqual([]);
  });

  it('scores the swapped answer well below the faithful one (it had scored 10)', () => {
    const score = (answer: string) => scoreAnswer({ question, answer, references: [note] }).score;
    expect(score(faithful)).toBeGreaterThanOrEqual(8);
    expect(score(swapped)).toBeLessThanOrEqual(score(faithful) - 3);
  });
});
