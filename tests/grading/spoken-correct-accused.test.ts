/**
 * Correct spoken answers a first run of the spoken-correct dev set marked wrong (eval/grading-spoken-correct-dev.jsonl,
 * 2026-12-07), each read in its class, with the wrong answer of the same shape still caught.
 */
import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';

describe('a clause that only says when the steps run is no step', () => {
  // corpus/cpp-backend-projects-and-internship.md, 双缓冲日志.
  const question = '你项目里的双缓冲异步日志是怎么工作的？为什么说它细化了锁粒度？';
  const note = ['这里分为前端和后端，前端和后端分别由两个缓冲区和一个缓冲队列组成，当数据落盘的时候，后端的缓冲区、缓冲队列会先和前端的进行交换，然后释放锁，后端的写磁盘不会影响前端的日志添加，这也就是细化了锁粒度。'];

  it('reads "交换完马上就释放锁，然后后端再慢慢把数据写到磁盘" in the note\'s order, whatever 「当数据落盘的时候」 names first', () => {
    expect(contradicted(question, note, '到了要落盘的时候，后端加锁，把自己的缓冲区跟前端的交换一下，交换完马上就释放锁，然后后端再慢慢把数据写到磁盘。')).toEqual([]);
  });

  it('still reads the lock released before the swap as the order reversed', () => {
    expect(contradicted(question, note, '先释放锁，然后再和前端交换缓冲区。')).toEqual(note);
  });
});

describe('whose thing a denial denies', () => {
  // corpus/cpp-backend-projects-and-internship.md, 无栈协程和有栈协程的区别.
  const question = '有栈协程和无栈协程有什么区别？';
  const note = [
    '**有栈协程**有自己的栈帧，当调用函数时会生成被调函数的栈帧，因此可以在任意调用层级进行让出。',
    '**无栈协程**只是在刚开始的时候就把协程需要用到的内存分配好了，当发生函数调用时，只能等待其函数返回后才能让出，也就是只能自己挂自己。',
  ];

  it('is the thing, not its owner: "无栈协程没有自己的栈帧" does not deny 「只能自己挂自己」', () => {
    expect(contradicted(question, note, '无栈协程呢，它没有自己的栈帧，是靠状态机记住跳转到哪了。')).toEqual([]);
  });

  it('still reads the stackful coroutine said to have none as a contradiction', () => {
    expect(contradicted(question, note, '有栈协程没有自己的栈帧。')).toEqual([note[0]]);
  });
});

describe('an opposite measure of something else', () => {
  // corpus/image-service-project-qa.md, 为什么应用程序管理协程切换会比操作系统管理线程切换开销更小.
  const question = '为什么说应用程序自己管理协程切换，比操作系统切换线程开销要小？';
  const note = ['相比之下，协程的上下文只包括了栈和程序计数器，因此保存和恢复的开销更小。'];

  it('shares more than the attribute\'s concept with the note\'s clause: thread switching\'s "这个代价比较大" is no opposite', () => {
    expect(contradicted(question, note, '线程切换的时候要保存的东西很多，而且要在用户态和内核态之间来回切换，这个代价比较大。')).toEqual([]);
  });

  it('still reads the coroutine\'s own overhead said to be larger as the opposite', () => {
    expect(contradicted(question, note, '协程的上下文只有栈和程序计数器，保存和恢复的开销更大。')).toEqual(note);
  });
});

describe("a note's misspelt word", () => {
  // corpus/os-network-k8s-microservices.md, Kubernetes中pod的创建流程: 「po信息」 among many "pod".
  const question = '在K8s里你kubectl apply一个Pod的yaml，到Pod跑起来，中间各个组件都做了什么？';
  const note = ['apiserver通过对应的kubeconfig进行认证，认证通过后将yaml中的po信息存到etcd。', 'Scheduler通过算法给pod分配节点，并将pod和对应节点绑定的信息写到etcd，然后将pod交给kubelet。'];

  it('is the word it misspells: "pod信息" for 「po信息」 is no exchange', () => {
    expect(contradicted(question, note, '通过了之后把yaml里的pod信息存到etcd。', note.join('\n'))).toEqual([]);
  });

  it('still reads two words both used as two things (lru for lfu)', () => {
    const cache = ['lru 淘汰最近最少使用的数据，lfu 淘汰使用频率最低的数据。', 'lfu 需要记录访问次数。'];
    expect(contradicted('LRU 和 LFU 有什么区别？', cache, 'lru 需要记录访问次数。')).toEqual([cache[1]]);
  });
});
