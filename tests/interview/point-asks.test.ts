import { describe, expect, it } from 'vitest';
import { askOf } from '../../src/interview/point-asks.ts';

describe('a missed key point asked as the question it answers', () => {
  it('asks a condition or a moment of the point, without what follows it', () => {
    expect(askOf('如果候选者收到了多数节点的选票（包括自己的一票），那么它就成为新的领导者。', '说说Raft里的领导者选举。')).toBe('候选者收到了多数节点的选票会怎样');
    expect(askOf('Apiserver收到指令后，会把pod信息写入etcd。', '简述Kubernetes创建一个Pod的主要流程？')).toBe('Apiserver收到指令后会怎样');
    expect(askOf('为了防止内存分配过快，在GC执行过程中，如果goroutine需要分配内存，那么这个goroutine会参与一部分GC的工作。', '聊聊你对GC的理解')).toBe('怎么防止内存分配过快');
  });

  it('asks nothing of a point whose topic is its claim, or whose condition leans on what came before', () => {
    expect(askOf('save 是和操作命令在同一个线程里面，如果有大key写入RDB文件，会造成阻塞。', 'RDB是怎么进行操作？')).toBeUndefined();
    expect(askOf('为了解决这个问题，程序员通常会使用各种同步机制，如互斥锁、读写锁。', '说说你对线程安全的了解。')).toBeUndefined();
    expect(askOf('如果是第一个节点，就获得锁。', '如何用 ZooKeeper 实现分布式锁？')).toBeUndefined();
    expect(askOf('go1.6之后，并发的读写map会报错。', '在并发状态下map如何保证线程安全')).toBeUndefined();
  });
});
