/**
 * The marks a card puts beside each key point agree with the score and say what happened to the point:
 * made, half made, left out, or said the other way round (issue 10 items 1 and 5).
 */
import { describe, expect, it } from 'vitest';
import { coverageOf } from '../../src/grading/grade-builder.ts';
import { gradeOffline } from '../../src/grading/offline-grader.ts';
import { renderMarkdown, type SessionReport } from '../../src/interview/report.ts';
import type { Grade } from '../../src/core/types.ts';

const rdbNote = `redis 一般会有两个命令生产RDB，一个是save，另一个是bgsave，区别在于是否阻塞主线程
- save是在主线程中写入RDB文件，会造成阻塞。
- bgsave是创建一个子进程来写入RDB文件，不会造成阻塞。`;
const rdb = { source: 'redis.md', heading: 'redis > RDB', text: rdbNote };

// corpus/image-service-project-qa.md, "syn flood？" as written: one long note of sixteen points.
const synFloodNote = "- SYN Flood（SYN洪水攻击）是一种常见的拒绝服务（DoS）攻击方法。该攻击利用了TCP协议的三次握手过程。在正常的TCP三次握手过程中，客户端会发送一个SYN（Synchronize）包以请求建立连接，服务器会回复一个SYN-ACK（Synchronize-Acknowledge）包，然后客户端会发送一个ACK（Acknowledge）包，这样连接就建立了。在这个过程中，当服务器收到SYN包并发送了SYN-ACK包后，它会在内存中为这个半开放的连接分配一些资源，等待客户端的ACK包。\n\n  在SYN Flood攻击中，攻击者会连续发送大量的SYN包到服务器，但不会发送ACK包。这样，服务器就会为这些半开放的连接分配大量的资源，而这些资源实际上是被浪费的，因为连接从未被完全建立。如果攻击的强度足够大，服务器的资源可能会被耗尽，导致正常的连接请求无法被处理，从而实现了拒绝服务的目的。\n\n  为了防御SYN Flood攻击，有一些方法可以使用，例如限制来自同一源IP的SYN包的数量，或者使用SYN cookies等技术。SYN cookies技术可以在不需要分配大量资源的情况下处理SYN包，从而避免了资源被耗尽的问题。\n\n  在TCP的三次握手过程中，当服务器收到客户端的SYN（Synchronize）包并回复SYN-ACK（Synchronize-Acknowledge）包后，这个连接就进入了\"SYN_RECEIVED\"状态，这个状态也被称为\"半开放\"状态。在这个状态下，服务器已经准备好接收客户端的ACK（Acknowledge）包，以完成连接的建立，但是这个ACK包还没有到达。\n\n  如果服务器没有收到这个ACK包，连接就会停留在\"半开放\"状态。这可能是因为ACK包在网络中丢失，或者是因为客户端没有发送ACK包（例如，在SYN Flood攻击中）。无论是哪种情况，服务器都会为这个半开放的连接分配一些资源，如内存、套接字等，以等待ACK包的到来。如果ACK包在一定时间内没有到达，服务器通常会关闭这个半开放的连接，以释放资源。\n\n  因此，\"半开放\"连接并不意味着连接已经完全建立，而是指连接正在建立的过程中，已经完成了一半的握手过程（即，已经发送了SYN-ACK包，正在等待ACK包）。";
const synFlood = { source: 'image-service-project-qa.md', heading: 'syn flood？', text: synFloodNote };

describe('a contradicted point is listed as such', () => {
  it('marks the point the answer said the opposite of, quoting what was said, and no other', () => {
    const grade = gradeOffline({ question: 'save 和 bgsave 有什么区别？', answer: 'bgsave 是在主线程中写入RDB文件，会造成阻塞；save 是创建一个子进程来写入，不会造成阻塞。', references: [rdb] }).grade;
    const contradicted = grade.keyPoints.filter((point) => point.contradicted);
    expect(contradicted.length).toBeGreaterThanOrEqual(1);
    for (const point of contradicted) {
      expect(point.covered).toBe('no');
      expect(point.evidence).toMatch(/save/u);
    }
    expect(contradicted.map((point) => point.text).join()).toMatch(/save是在主线程中写入RDB文件|bgsave是创建一个子进程/u);
  });

  it('marks nothing contradicted on the honest twin', () => {
    const grade = gradeOffline({ question: 'save 和 bgsave 有什么区别？', answer: 'save 在主线程里写 RDB，会阻塞；bgsave 创建子进程来写，不会阻塞主线程。', references: [rdb] }).grade;
    expect(grade.keyPoints.some((point) => point.contradicted)).toBe(false);
  });
});

describe('marks on the score\'s scale', () => {
  it('counts a point as made at the share of it a complete answer to a long note needs', () => {
    // A note of 16 points is complete with 6 of them (completePoints): 6 / 16 of a point's made threshold.
    expect(coverageOf(0.2, 0.4, 6 / 16)).toBe('yes');
    expect(coverageOf(0.2, 0.4, 1)).toBe('partial');
    expect(coverageOf(0.05, 0.4, 6 / 16)).toBe('no');
  });

  it('does not list most points as half made beside a full-marks spoken answer to a long note', () => {
    const answer =
      '它是一种 DoS 攻击，利用的是三次握手。攻击者疯狂给服务器发 SYN 包，但是不回第三次握手的 ACK。服务器每收到一个 SYN 都会回 SYN-ACK，并在内存里为这个半连接预留资源等 ACK，等不到就一直占着直到超时，半连接一多资源就被耗光，正常的连接就建不起来了。防御的话可以限制同一个 IP 的 SYN 数量，或者开启 SYN cookies，这样收到 SYN 时不用先分配资源。';
    const grade = gradeOffline({ question: 'SYN Flood 攻击的原理是什么？怎么防御？', answer, references: [synFlood] }).grade;
    expect(grade.score).toBeGreaterThanOrEqual(8.5);
    const made = grade.keyPoints.filter((point) => point.covered === 'yes').length;
    const halfMade = grade.keyPoints.filter((point) => point.covered === 'partial').length;
    expect(made).toBeGreaterThan(halfMade);
  });

  it('keeps the marks of a short note on the point\'s own threshold', () => {
    const grade = gradeOffline({ question: 'save 和 bgsave 有什么区别？', answer: 'save 会阻塞。', references: [rdb] }).grade;
    expect(grade.keyPoints.filter((point) => point.covered === 'yes').length).toBeLessThanOrEqual(1);
  });
});

describe('the export names a contradicted point as said the other way round', () => {
  it('writes what the candidate said beside the point, not "未提到"', () => {
    const grade: Grade = gradeOffline({ question: 'save 和 bgsave 有什么区别？', answer: 'bgsave 是在主线程中写入RDB文件，会造成阻塞；save 是创建一个子进程来写入，不会造成阻塞。', references: [rdb] }).grade;
    const at = '2026-01-01T00:00:00.000Z';
    const report: SessionReport = {
      session: { id: 's', mode: 'practice', topics: ['redis'], status: 'done', createdAt: at, updatedAt: at, progress: { done: 1, total: 1 }, score: grade.score, phase: 'technical' },
      overall: grade.score,
      topics: [],
      weakest: [],
      questions: [],
      spoken: [],
      turns: [
        { sessionId: 's', seq: 0, role: 'interviewer', kind: 'question', text: 'save 和 bgsave 有什么区别？', questionId: 'q', createdAt: at },
        { sessionId: 's', seq: 1, role: 'candidate', kind: 'answer', text: 'bgsave 是在主线程中写入…', questionId: 'q', grade, createdAt: at },
      ],
    };
    const markdown = renderMarkdown(report);
    const contradicted = grade.keyPoints.find((point) => point.contradicted)!;
    const line = markdown.split('\n').find((entry) => entry.startsWith('- ') && entry.includes(contradicted.text.slice(0, 8)));
    expect(line).toMatch(/说法和笔记相反：你说「.*save.*」/u);
    expect(line).not.toContain('未提到');
  });
});

describe('a card a guard decided', () => {
  it('lists nothing as made on a card judged wrong, and says 没讲 only of points the answer never touched', () => {
    const grade = gradeOffline({ question: 'save 和 bgsave 有什么区别？', answer: 'bgsave 是在主线程中写入RDB文件，会造成阻塞；save 是创建一个子进程来写入，不会造成阻塞。区别在于是否阻塞主线程。', references: [rdb] }).grade;
    expect(grade.score).toBeLessThanOrEqual(2);
    expect(grade.keyPoints.filter((point) => point.covered === 'yes')).toEqual([]);
    const missed = /没讲(.+?)，这是笔记里的要点/u.exec(grade.feedback)?.[1] ?? '';
    for (const point of grade.keyPoints.filter((entry) => entry.covered !== 'no' || entry.contradicted)) expect(missed).not.toContain(point.text.slice(0, 6));
  });
});

describe('a denied premise on the card', () => {
  it('lists what the note says beside what was said, not the unrelated point it was charged to', () => {
    const note = '- 简单，避免死锁、数据竞争\n- 效率高，充分利用cpu。多线程切换可能会抵消并行带来的性能提升。\n- 每个操作都是原子性的。';
    const grade = gradeOffline({ question: 'Redis 为什么采用单线程模型？', answer: '因为 Redis 其实是多线程模型，能充分利用多核 CPU；Redis 选择多线程就是为了避免死锁和数据竞争。', references: [{ source: 'r.md', heading: 'redis为什么用单线程？', text: note }] }).grade;
    const contradicted = grade.keyPoints.filter((point) => point.contradicted);
    expect(contradicted.length).toBeGreaterThanOrEqual(1);
    for (const point of contradicted) {
      expect(point.text).toMatch(/单线程/u);
      expect(point.evidence).toMatch(/多线程/u);
    }
    // The gaps name it the same way: not "说反了：简单（避免死锁、数据竞争）".
    for (const gap of grade.gaps.filter((entry) => entry.startsWith('说反了'))) expect(gap).toMatch(/单线程/u);
    expect(grade.gaps.some((entry) => entry.startsWith('说反了'))).toBe(true);
  });
});
