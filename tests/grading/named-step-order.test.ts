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

describe('a bulleted list of steps, under a question that asks when', () => {
  // corpus/os-network-k8s-microservices.md, "GMP 模型，为什么要有 P？": the Go 1.0 scheduler's steps, an unnumbered list.
  const question = 'Go 1.0 的 GM 调度器里，schedule 每调度一次，那把全局锁是在什么时候拿、什么时候放的？';
  const steps = [
    '- 调用 `schedlock` 方法来获取全局锁。',
    '- 获取全局锁成功后，将当前 Goroutine 状态从 Running（正在被调度） 状态修改为 Runnable（可以被调度）状态。',
    '- 调用 `gput` 方法来保存当前 Goroutine 的运行状态等信息，以便于后续的使用；',
    '- 调用 `nextgandunlock` 方法来寻找下一个可运行 Goroutine，并且释放全局锁给其他调度使用。',
    '- 获取到下一个待运行的 Goroutine 后，将其的运行状态修改为 Running。',
    '- 调用 `runtime·gogo` 方法，将刚刚所获取到的下一个待执行的 Goroutine 运行起来。',
  ];
  const points = steps.map((step) => step.replace(/^- /u, ''));
  const reference = steps.join('\n');

  it('reads the list as ordered steps: where in them a thing happens is what "什么时候" asks', () => {
    // An unnumbered list counted as steps only under a question asking for a process (流程, 顺序); this reversal scored 9.6.
    const reversed = '它是最后才拿全局锁的：先找下一个可运行的 goroutine，标成 Running，用 gogo 跑起来，之后才拿 sched.Lock，用 gput 保存旧 goroutine 的状态，然后释放。';
    expect(contradicted(question, points, reversed, reference).length).toBeGreaterThan(0);
    const right = '一进 schedule 先用 schedlock 拿全局锁，把当前 G 从 Running 改回 Runnable、gput 存起来，然后 nextgandunlock 找下一个 G 并释放锁，最后标成 Running 用 gogo 跑起来。';
    expect(contradicted(question, points, right, reference)).toEqual([]);
  });
});
