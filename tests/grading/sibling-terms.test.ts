import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';

// A clause that says the note's claim in its own words with one term exchanged for a sibling of its family
// (src/text/term-families.ts). Example from the shared set (g018): FIN for SYN, TIME_WAIT for 半开放.
const question = 'SYN Flood 攻击的原理是什么？怎么防御？';
const note = ['在SYN Flood攻击中，攻击者会连续发送大量的SYN包到服务器，但不会发送ACK包。', '如果服务器没有收到这个ACK包，连接就会停留在"半开放"状态。'];

describe('sibling-term exchanges', () => {
  it('catches a paraphrased clause that names a sibling flag or state', () => {
    expect(contradicted(question, note, 'SYN Flood 就是攻击者在四次挥手阶段不停地发送 FIN 包，把端口占满。')).toEqual([note[0]]);
    expect(contradicted(question, note, '最后服务器的大量连接都卡在 TIME_WAIT 状态。')).toEqual([note[1]]);
  });

  it('catches a thread where the note has a child process (heldout hg019)', () => {
    const bgsave = ['bgsave是创建一个子进程来写入RDB文件，不会造成阻塞。'];
    expect(contradicted('Redis 的 save 和 bgsave 有什么区别？', bgsave, 'bgsave 是 Redis 在后台开一个线程来写 RDB 文件。')).toEqual(bgsave);
    expect(contradicted('Redis 的 save 和 bgsave 有什么区别？', bgsave, 'bgsave 会在后台 fork 一个子进程来写 RDB 文件。')).toEqual([]);
  });

  it('does not catch an honest paraphrase', () => {
    expect(contradicted(question, note, 'SYN Flood 就是攻击者不停地发送 SYN 包却从不回 ACK，服务器的连接一直停在半开放状态。')).toEqual([]);
  });

  it('does not catch a clause naming both members, or denying the sibling', () => {
    expect(contradicted(question, note, '比起 FIN 包攻击者更会连续发送大量的 SYN 包到服务器。')).toEqual([]);
    expect(contradicted(question, note, '攻击者会连续发送大量的 FIN 包或 SYN 包到服务器。')).toEqual([]);
    expect(contradicted(question, note, '攻击者连续发送到服务器的大量包并不是 FIN 包。')).toEqual([]);
  });

  it("does not catch a claim the note also makes of the answer's member", () => {
    // Another row of the note says it of AOF.
    const rows = ['RDB 持久化会 fork 子进程在后台写快照文件', 'AOF 重写也会 fork 子进程在后台写新的 AOF 文件'];
    expect(contradicted('Redis 持久化方式有哪些？', rows, 'AOF 重写时会 fork 一个子进程在后台写文件。')).toEqual([]);
    // The note's sentence names ACK too, a clause later (g016, an excellent answer).
    const handshake = ['在正常的TCP三次握手过程中，客户端会发送一个SYN（Synchronize）包以请求建立连接，服务器会回复一个SYN-ACK（Synchronize-Acknowledge）包，然后客户端会发送一个ACK（Acknowledge）包，这样连接就建立了。'];
    expect(contradicted(question, handshake, '等合法的 ACK 回来校验通过再建立连接。')).toEqual([]);
  });

  it('reads nothing shared in the bigram two names ending alike make with the next word (协程切换 / 线程切换)', () => {
    const switching = ['当操作系统从一个线程切换到另一个线程时，它需要保存当前线程的上下文。', '相比之下，协程的上下文只包括了栈和程序计数器，因此保存和恢复的开销更小。'];
    const asked = '为什么说让应用程序自己切换协程，比操作系统切换线程开销更小？';
    expect(contradicted(asked, switching, '协程切换不进内核，只存栈和 PC。')).toEqual([]);
    // The note's own words given to threads are still the exchange.
    expect(contradicted(asked, switching, '线程的上下文只包括了栈和程序计数器，开销小。')).toEqual([switching[1]]);
  });

  it('reads the note sentence\'s conditional clause as telling of its member too (如果是Follower接收请求的)', () => {
    const reads = ['Raft对只读操作的处理办法是 只读请求最终也必须依靠Leader来执行，如果是Follower接收请求的，那么必须转发。'];
    const asked = '想让 Raft 的 follower 分担读请求，follower 和 leader 各做什么？';
    expect(contradicted(asked, reads, 'follower 收到只读请求以后，先去问 leader 要当前的 readIndex。')).toEqual([]);
    // Said of the follower in place of the leader, it is still the exchange.
    expect(contradicted(asked, ['只读请求最终也必须依靠Leader来执行。'], '只读请求最终也可以依靠 follower 来执行。')).toEqual(['只读请求最终也必须依靠Leader来执行。']);
  });
});
