import { describe, expect, it } from 'vitest';
import type { Grade, KeyPoint } from '../../src/core/types.ts';
import { addedPoints } from '../../src/interview/followup-result.ts';

// corpus/cpp-backend-projects-and-internship.md, "为什么ZK可以用来做注册中心".
const watchPoint = 'ZK的watch机制可以做服务发现';
const monitorPoint = 'ZK可以监控每个服务的连接情况，从而通报给监控的节点，从而更新对应的服务URL';
const earlier = 'ZK可以保存对应的key-value';
const before = [
  { text: watchPoint, covered: 'no' as const },
  { text: monitorPoint, covered: 'no' as const },
];

/** The joined grade as a grader returns it, offline or LLM: only the key points matter here. */
const joinedGrade = (keyPoints: KeyPoint[]): Grade => ({ score: 6, band: 'fair', keyPoints, strengths: [], gaps: [], feedback: '', references: [], grader: 'llm', fallback: false });

describe('the points a follow-up answer is credited with', () => {
  it('counts a point quoted from the follow-up answer itself', () => {
    const answer = '还有就是 watch 机制，客户端监听节点变化，能做服务发现。';
    const after = joinedGrade([{ text: watchPoint, covered: 'yes', evidence: 'watch 机制，客户端监听节点变化，能做服务发现' }]);
    expect(addedPoints(before, after, { answer, earlier, nonAnswer: false })).toEqual([watchPoint]);
  });

  it('does not count a point whose quote rests on the main answer\'s words', () => {
    const answer = '我觉得主要就是加锁，然后所有节点都要同意才行，少一个都不行。';
    const spanning = joinedGrade([{ text: monitorPoint, covered: 'partial', evidence: 'ZK可以保存对应的key-value 我觉得主要就是加锁，然后所有节点都要同意才行' }]);
    expect(addedPoints(before, spanning, { answer, earlier, nonAnswer: false })).toEqual([]);
  });

  it('judges a model\'s loose quote, found in neither answer, by where the point\'s words are', () => {
    // A model may quote loosely ("服务发现可以靠 watch") against an answer that says "watch 机制能做服务发现".
    const answer = '还有就是 watch 机制，能做服务发现。';
    const loose = joinedGrade([{ text: watchPoint, covered: 'yes', evidence: '服务发现可以靠 watch' }]);
    expect(addedPoints(before, loose, { answer, earlier, nonAnswer: false })).toEqual([watchPoint]);
    const fromMain = joinedGrade([{ text: monitorPoint, covered: 'partial', evidence: '对应的key-value' }]);
    expect(addedPoints(before, fromMain, { answer: '嗯，差不多就这些。', earlier, nonAnswer: false })).toEqual([]);
  });

  it('splits a quote that runs from the main answer into the follow-up where it was written, Latin words kept apart', () => {
    // corpus/image-service-project-qa.md, 缓存失效策略: five names. The main answer named LFU; the follow-up named all five.
    const names = ['FIFO', 'LFU', 'LRU', 'TTL', 'Random'];
    const made = names.map((text): KeyPoint => ({ text, covered: 'yes', evidence: 'LFU FIFO LFU LRU TTL Random' }));
    const named = names.map((text) => ({ text, covered: text === 'LFU' ? ('yes' as const) : ('no' as const) }));
    expect(addedPoints(named, joinedGrade(made), { answer: 'FIFO\n\nLFU\n\nLRU\n\nTTL\n\nRandom', earlier: 'LFU', nonAnswer: false })).toEqual(['FIFO', 'LRU', 'TTL', 'Random']);
  });

  it('credits nothing to a non-answer, and nothing already made before', () => {
    const after = joinedGrade([{ text: watchPoint, covered: 'yes', evidence: 'watch 机制能做服务发现' }]);
    expect(addedPoints(before, after, { answer: 'watch 机制能做服务发现', earlier, nonAnswer: true })).toEqual([]);
    expect(addedPoints([{ text: watchPoint, covered: 'yes' }], after, { answer: 'watch 机制能做服务发现', earlier, nonAnswer: false })).toEqual([]);
  });
});
