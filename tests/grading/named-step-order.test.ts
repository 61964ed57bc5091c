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
