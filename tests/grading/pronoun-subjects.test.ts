import { describe, expect, it } from 'vitest';
import { subjectsOf } from '../../src/grading/note-subjects.ts';
import { contradictedIn } from './contradicted-in.ts';

// corpus/cpp-backend-projects-and-internship.md, "观察者模式和reactor模型".
const note = `- 观察者模式的观察者需要直接向通知者注册，当通知者有事件时会直接和观察者进行通信，他两个直接交互
- reactor模式不需要注册，且两者不是直接通信的，当有事件到来时，主线程会把任务压入到队列，等待线程池来消耗，也就是属于观察者不是和通知者直接通信的，而是有中间代理，这个中间代理就是阻塞队列`;
const question = '你项目里用的是reactor模式，那它跟观察者模式有什么不一样？';

describe('a spoken question that names one thing and compares it by a pronoun', () => {
  it('reads 它 as the thing the clause before names: reactor and 观察者 are contrasted', () => {
    expect(subjectsOf(question, note, note.split('\n'))).toEqual(['reactor', '观察者']);
    expect(subjectsOf('你用过 epoll 吗？它和 select 有什么区别？', 'epoll 用红黑树管理 fd，select 每次都要拷贝 fd 集合。', [])).toEqual(['epoll', 'select']);
  });

  it('reads an answer that gives the observer reactor\'s queue as a swap', () => {
    expect(contradictedIn(question, note, '其实reactor就是观察者模式的一种，主线程有事件了就直接回调工作线程；观察者模式反而是通知者把事件扔进一个消息队列里，观察者自己去队列里拉。')).not.toEqual([]);
  });

  it('reads the note clause by the thing it names itself, not by its sentence, so the right contrast is not a denial', () => {
    expect(contradictedIn(question, note, '观察者需要注册，reactor不用注册，主线程把任务放进阻塞队列，线程池去取。')).toEqual([]);
  });
});

describe('a pronoun about one of the things a question names in passing', () => {
  const kubernetes = `- scheduler 通过预选、优选给 Pod 选出节点，把绑定结果写回 apiserver。
- kubelet收到pod后，调用CNI接口给pod创建pod网络，调用CRI接口去启动容器，调用CSI进行存储卷的挂载。`;
  const asked = 'K8s 里 scheduler 是怎么给 Pod 挑节点的？节点定下来以后，kubelet 又做了哪些事 Pod 才算真正跑起来？';

  it('reads "它自己不启动容器" as said of the scheduler its sentence opens with, not against the kubelet starting containers', () => {
    expect(contradictedIn(asked, kubernetes, 'scheduler 只负责决定 Pod 去哪个节点，然后把绑定关系写到 etcd，它自己不启动容器。')).toEqual([]);
  });

  it('reads the question\'s names however they are capitalised ("Scheduler", "Kubelet")', () => {
    const capitalised = 'K8s 里 Scheduler 是怎么给 Pod 挑节点的？节点定下来以后，Kubelet 又做了哪些事 Pod 才算真正跑起来？';
    expect(contradictedIn(capitalised, kubernetes, 'scheduler 只负责决定 Pod 去哪个节点，然后把绑定关系写到 etcd，它自己不启动容器。')).toEqual([]);
  });

  it('still reads the kubelet said not to start containers as a denial', () => {
    expect(contradictedIn(asked, kubernetes, 'kubelet 收到 Pod 以后只配网络，它自己不启动容器。')).not.toEqual([]);
  });
});

describe('前者 and 后者 stand for the first and the last thing named before them', () => {
  it('reads "后者要注册、直接通信" as said of 观察者模式, and "前者" of reactor', () => {
    expect(contradictedIn(question, note, 'Reactor ≠ 观察者模式：后者要注册、直接通信；Reactor 里主线程把事件压进阻塞队列，线程池去消费。')).toEqual([]);
    expect(contradictedIn(question, note, 'Reactor ≠ 观察者模式：前者要注册、直接通信；观察者模式里主线程把事件压进阻塞队列。')).not.toEqual([]);
  });
});
