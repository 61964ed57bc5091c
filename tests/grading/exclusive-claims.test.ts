import { describe, expect, it } from 'vitest';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';
import { contradicted } from './contradicted.ts';

describe('a note that gives something to one holder alone (exclusive-claims.ts)', () => {
  const question = '主从复制里写请求是怎么处理的？';
  const note = ['只有primary节点处理写请求，写入后把日志推给每个replica。', 'replica节点只提供读，并定期向primary发送心跳。'];

  it('is contradicted by an answer giving it to another holder the note names', () => {
    expect(contradicted(question, note, '每个replica节点都可以直接处理写请求，再同步给primary。')).toEqual([note[0]]);
  });

  it('is contradicted by an answer giving it to every one', () => {
    expect(contradicted(question, note, '所有节点都可以处理写请求，写完再互相同步。')).toEqual([note[0]]);
  });

  it('is contradicted in English too', () => {
    const english = ['Only the leader handles client writes and appends them to its log.'];
    expect(contradicted('How are writes handled?', english, 'Any follower can handle client writes directly.')).toEqual([english[0]]);
  });

  it('is not contradicted by an answer that names the holder, forwards, or denies', () => {
    expect(contradicted(question, note, '写请求都由primary节点处理，replica收到写请求会转发过去。')).toEqual([]);
    expect(contradicted(question, note, 'replica节点不能处理写请求。')).toEqual([]);
  });

  it('reads 只有 before a count or a condition as no holder at all', () => {
    const counted = ['高度为n的n个节点的二叉树，每个节点只有一个孩子，除根外每个节点可以是左孩子或右孩子。'];
    expect(contradicted('高度为n的二叉树有多少种？', counted, '每个分支结点都只有一个孩子，左右两种选择，共2^(n-1)种。')).toEqual([]);
    const conditional = ['只有在事务提交后修改才对其他事务可见。'];
    expect(contradicted('事务的修改什么时候可见？', conditional, '所有已提交事务的修改对其他事务可见。')).toEqual([]);
  });

  it('costs the answer that gives the holder\'s role away its score', () => {
    const reference = note.join('\n');
    const wrongAnswer = '每个replica节点都可以直接处理写请求，写入后把日志推给primary，replica也会定期发送心跳。';
    const rightAnswer = '只有primary处理写请求，写完把日志推给各个replica；replica只提供读，并定期给primary发心跳。';
    const wrongScore = scoreAnswer({ question, answer: wrongAnswer, references: [reference] }).score;
    expect(wrongScore).toBeLessThanOrEqual(3);
    expect(scoreAnswer({ question, answer: rightAnswer, references: [reference] }).score).toBeGreaterThanOrEqual(wrongScore + 5);
  });
});

describe('a note that allows something only under a condition (exclusive-claims.ts)', () => {
  const question = '怎么让 recover 生效？';
  const note = ['只有在 defer 的函数里直接调用 recover 才能捕获本 goroutine 的 panic。'];

  it('is contradicted by an answer allowing it everywhere', () => {
    expect(contradicted(question, note, '在主 goroutine 里 recover 一下，就能捕获所有子 goroutine 的 panic。')).toEqual(note);
  });

  it('is not contradicted by an answer that keeps the condition, or does not say "every"', () => {
    expect(contradicted(question, note, '要在 defer 的函数里直接调用 recover，所有本 goroutine 的 panic 都能捕获。')).toEqual([]);
    expect(contradicted(question, note, 'recover 能捕获本 goroutine 的 panic。')).toEqual([]);
  });
});
