import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';
import { contradictsCore } from '../../src/grading/core-contradictions.ts';

const question = '三次握手里，服务端什么时候进入 SYN_RECEIVED？这个“半开放”状态下它在等什么？';
const note = [
  '在正常的TCP三次握手过程中，客户端会发送一个SYN（Synchronize）包以请求建立连接，服务器会回复一个SYN-ACK（Synchronize-Acknowledge）包，然后客户端会发送一个ACK（Acknowledge）包，这样连接就建立了。',
  '当服务器收到客户端的SYN包并回复SYN-ACK包后，这个连接就进入了"SYN_RECEIVED"状态，这个状态也被称为"半开放"状态。',
];
const reference = note.join('\n');

describe('two named steps the note orders with 然后 / 后, reversed by the answer', () => {
  it('reads "先等 ACK，再回复 SYN-ACK" against the note\'s "回复一个SYN-ACK包，然后客户端会发送一个ACK包"', () => {
    expect(contradicted(question, note, '服务器先等客户端的 ACK 包，收到 ACK 之后再回复 SYN-ACK 包，这时连接才进入 SYN_RECEIVED。', reference)).toEqual([note[0]]);
    expect(contradicted(question, note, '服务器先回复 SYN-ACK 包，然后再等客户端的 ACK 包，这时连接已经进入 SYN_RECEIVED。', reference)).toEqual([]);
  });

  it('counts a reversed order as the core of a question that asks when something happens', () => {
    const flat = Array.from({ length: 10 }, () => ({ weight: 0.1 }));
    expect(contradictsCore(question, flat, [{ point: 4, cue: 'order' }])).toBe(true);
    expect(contradictsCore('TCP 的半开放状态是什么？', flat, [{ point: 4, cue: 'order' }])).toBe(false);
  });
});

describe('two steps ordered by 再 after a step that is done', () => {
  // corpus/cpp-backend-projects-and-internship.md, 非对称协程 (its "yeild" is a misspelling of yield, folded like a variant spelling).
  const coroutineQuestion = '非对称协程里，协程 A 想让协程 B 接着跑，控制权是怎么转过去的？';
  const asymmetric = ['只能yeild到调用者，再由调用者resume到其他'];

  it('reads "A 直接 resume 到 B，B 跑完了再 yield" against the note\'s "只能yeild到调用者，再由调用者resume到其他"', () => {
    // One 再 each: neither text had two order words, so neither was read as ordering anything, and the reversal scored 10.
    expect(contradicted(coroutineQuestion, asymmetric, 'A 直接 resume 到 B，B 跑完了再 yield 回调用者。', asymmetric[0])).toEqual(asymmetric);
    expect(contradicted(coroutineQuestion, asymmetric, 'A 只能先 yield 回它的调用者（调度器），再由调用者 resume B，不能直接切到 B。', asymmetric[0])).toEqual([]);
  });

  it('reads 再加上 as "besides", no order', () => {
    expect(contradicted(coroutineQuestion, asymmetric, 'A 可以 resume B，再加上 yield 就能来回切换。', asymmetric[0])).toEqual([]);
  });
});
