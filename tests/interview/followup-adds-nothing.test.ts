import { describe, expect, it } from 'vitest';
import { createGrader } from '../../src/grading/grader.ts';
import { item } from '../support/bigram-knowledge.ts';
import { makeHarness } from '../support/interview-harness.ts';
import { rdbNote, rdbQuestion } from '../grading/rdb-note.ts';

const owner = 'followup-adds-nothing-owner';

// corpus/cpp-backend-projects-and-internship.md, "什么是raft算法".
const raft = item({
  id: 'raft-what',
  question: '什么是Raft算法？',
  answer: [
    'Raft算法是一种共识算法(做冗余实现高可用的，而不是扩展)，用于在分布式系统中实现一致性。旨在提供一种更易理解和可靠的分布式一致性算法。',
    'Raft算法解决了分布式系统中的领导者选举、日志复制和安全性等关键问题。它将分布式系统中的节点划分为 **领导者（leader）、跟随者（follower）和候选者（candidate）** 三种角色，并通过一个选举过程来选择领导者。',
    '在Raft算法中，领导者负责接收客户端的请求，并将请求复制到其他节点的日志中。跟随者和候选者则通过与领导者保持心跳和选举的方式来保持一致性。如果领导者失去联系或无法正常工作，系统会触发新一轮的选举过程，选择新的领导者。',
  ].join('\n\n'),
  topics: ['distributed' as const],
});
const next = item({ id: 'raft-log', question: '说说Raft里的日志复制。', answer: '领导者把日志条目复制到多数节点后提交。', topics: ['distributed' as const] });

// corpus/cpp-backend-projects-and-internship.md, "为什么ZK可以用来做注册中心".
const registry = item({
  id: 'zk-registry',
  question: '为什么ZooKeeper可以用来做注册中心？',
  answer: ['- ZK可以保存对应的key-value', '- ZK的watch机制可以做服务发现', '- ZK底层用的多线程模型，性能也还行', '- ZK可以监控每个服务的连接情况，从而通报给监控的节点，从而更新对应的服务URL'].join('\n'),
  topics: ['distributed' as const],
});

/** A drill on the registry card, its main answer the note's first point. */
async function answeredRegistry() {
  const { service } = makeHarness({ items: [registry, next], grader: () => createGrader({}) });
  const { session } = await service.start(owner, { mode: 'drill', cards: ['zk-registry', 'raft-log'] });
  const main = await service.submit(session.id, owner, { answer: 'ZK可以保存对应的key-value' });
  return { service, session, main };
}

describe('a follow-up answer that makes no new point', () => {
  it('leaves the question\'s grade where the main answer put it', async () => {
    const { service } = makeHarness({ items: [raft, next], grader: () => createGrader({}) });
    const { session } = await service.start(owner, { mode: 'drill', cards: ['raft-what', 'raft-log'] });
    const main = await service.submit(session.id, owner, { answer: '嗯，我理解是这样的：Raft算法是一种共识算法(做冗余实现高可用的，而不是扩展)，用于在分布式系统中实现一致性。，大概就是这样。' });
    expect(main.next.kind).toBe('followup');
    // Wrong (Raft needs a majority), and the joined text reached a little further into two partly made points: 5.9 became 6.2.
    const followup = await service.submit(session.id, owner, { answer: '我觉得主要就是加锁，然后所有节点都要同意才行，少一个都不行。' });
    expect(followup.grade?.followup?.added).toEqual([]);
    expect(followup.grade?.followup?.feedback).toBe('这次追问的回答没有补上新的要点。');
    expect(followup.grade?.score).toBe(main.grade?.score);
    expect(followup.grade?.followup?.questionScore).toBe(main.grade?.score);
    // The report, export, history and FSRS read the question's grade from the same turns.
    if (followup.next.kind === 'followup') await service.submit(session.id, owner, { action: 'skip' });
    const report = await service.report(session.id, owner);
    expect(report.questions[0]?.score).toBe(main.grade?.score);
  });

  it('is told what it said against the notes, and the question keeps its grade', async () => {
    const rdb = item({ id: 'rdb', question: rdbQuestion, answer: rdbNote, topics: ['redis' as const] });
    const { service } = makeHarness({ items: [rdb, next], grader: () => createGrader({}) });
    const { session } = await service.start(owner, { mode: 'drill', cards: ['rdb', 'raft-log'] });
    const main = await service.submit(session.id, owner, { answer: 'save 是在主线程中写入 RDB 文件，会造成阻塞。' });
    expect(main.next.kind).toBe('followup');
    const followup = await service.submit(session.id, owner, { answer: 'bgsave 是在主线程中写入 RDB 文件，不需要创建子进程。' });
    // It had read only 「这次追问的回答没有补上新的要点」.
    expect(followup.grade?.followup?.feedback).toMatch(/^这次追问的回答和笔记不一致：你说「bgsave 是在主线程中写入 RDB 文件[^」]*」，但笔记里是「[^」]+」。/u);
    expect(followup.grade?.score).toBe(main.grade?.score);
  });

  it('is not credited with a point the joined text made only by reaching back into the main answer', async () => {
    const { service, session, main } = await answeredRegistry();
    expect(main.next.kind).toBe('followup');
    // Read on its own it makes no point; joined, a window from 「ZK可以保存对应的key-value」 into it had read as half of the
    // monitoring point: 「这次追问补上了：ZK可以监控每个服务的连接情况」, and the question went 5.2 → 5.8.
    const followup = await service.submit(session.id, owner, { answer: '我觉得主要就是加锁，然后所有节点都要同意才行，少一个都不行。' });
    expect(followup.grade?.followup?.added).toEqual([]);
    expect(followup.grade?.followup?.feedback).toBe('这次追问的回答没有补上新的要点。');
    expect(followup.grade?.score).toBe(main.grade?.score);
  });

  it('is credited with a point its own words make', async () => {
    const { service, session, main } = await answeredRegistry();
    const followup = await service.submit(session.id, owner, { answer: '还有就是 watch 机制，客户端监听节点变化，能做服务发现。' });
    expect(followup.grade?.followup?.added).toContain('ZK的watch机制可以做服务发现');
    expect(followup.grade?.followup?.feedback).toMatch(/^这次追问补上了：/u);
    expect(followup.grade?.score).toBeGreaterThan(main.grade?.score ?? 10);
  });
});
