/**
 * The grader keeps the work it does on a card's own text (issue 15, item 3). These tests hold the
 * memos to what they promise: each text or object is worked on once, memory stays bounded, and a
 * grade made from remembered work is the grade made from scratch, including after a note changes.
 */
import { describe, expect, it } from 'vitest';
import { memoByObject, memoByText } from '../../src/grading/grading-memo.ts';
import { gradeOffline } from '../../src/grading/offline-grader.ts';

describe('memoByText', () => {
  it('computes each text once and answers from memory afterwards', () => {
    const seen: string[] = [];
    const length = memoByText((text: string) => {
      seen.push(text);
      return text.length;
    });
    expect([length('abc'), length('abc'), length('de'), length('abc')]).toEqual([3, 3, 2, 3]);
    expect(seen).toEqual(['abc', 'de']);
  });

  it('keeps at most maxEntries, dropping what was not used recently first', () => {
    const seen: string[] = [];
    const upper = memoByText((text: string) => {
      seen.push(text);
      return text.toUpperCase();
    }, 2);
    upper('a');
    upper('b');
    upper('a'); // a is now the most recently used
    upper('c'); // evicts b
    upper('a');
    upper('b');
    expect(seen).toEqual(['a', 'b', 'c', 'b']);
  });

  it('keeps what is read again however many other texts come, and forgets the rest', () => {
    const seen: string[] = [];
    const upper = memoByText((text: string) => {
      seen.push(text);
      return text.toUpperCase();
    }, 4);
    for (let index = 0; index < 20; index += 1) {
      upper('kept');
      upper(`other ${index}`);
    }
    upper('other 0');
    expect(seen.filter((text) => text === 'kept')).toEqual(['kept']);
    expect(seen.filter((text) => text === 'other 0')).toEqual(['other 0', 'other 0']);
  });

  it('remembers undefined results too', () => {
    let calls = 0;
    const nothing = memoByText(() => {
      calls += 1;
      return undefined;
    });
    nothing('x');
    nothing('x');
    expect(calls).toBe(1);
  });
});

describe('memoByObject', () => {
  it('computes once per object, not per equal object', () => {
    let calls = 0;
    const size = memoByObject((list: readonly number[]) => {
      calls += 1;
      return list.length;
    });
    const list = [1, 2, 3];
    expect([size(list), size(list), size([1, 2, 3])]).toEqual([3, 3, 3]);
    expect(calls).toBe(2);
  });
});

describe('grading with remembered card work', () => {
  // A note no other test grades against, so the first grade below is made from scratch.
  const question = 'Redis 的 AOF 重写是怎么做的？为什么不会阻塞主线程？';
  const note = [
    'AOF 重写由 bgrewriteaof 触发，主进程 fork 出子进程，子进程根据内存快照写新的 AOF 文件。',
    '重写期间主进程继续处理命令，新的写命令同时写入 AOF 缓冲区和 AOF 重写缓冲区。',
    '子进程完成后，主进程把重写缓冲区的内容追加到新文件，再原子地替换旧文件。',
    '因为写文件的是子进程，所以主线程不会因为重写而阻塞，只有 fork 的瞬间会短暂停顿。',
  ].join('\n');
  const reference = (text: string) => [{ source: 'redis.md', heading: 'redis > AOF 重写', text }];
  const answers = [
    'fork 一个子进程去写新的 AOF，主进程继续服务，期间的写命令记到重写缓冲区，最后追加进去再替换旧文件，所以不阻塞主线程。',
    '好像是主线程自己把 AOF 重写一遍吧，会阻塞一会儿。',
    'AOF rewrite forks a child process that writes a new file from a snapshot, while the parent keeps serving and buffers new writes.',
  ];

  it('gives the same grade from memory as from scratch', () => {
    const fromScratch = answers.map((answer) => gradeOffline({ question, answer, references: reference(note) }));
    const fromMemory = answers.map((answer) => gradeOffline({ question, answer, references: reference(note) }));
    expect(fromMemory).toEqual(fromScratch);
    // The grades differ between answers: the memo does not hand one answer's result to another.
    expect(new Set(fromScratch.map((result) => result.grade.score)).size).toBeGreaterThan(1);
  });

  it('grades a changed note on its new text', () => {
    const before = gradeOffline({ question, answer: answers[0]!, references: reference(note) });
    const changed = `${note}\n重写完成时主进程会收到子进程的信号，在 serverCron 里处理收尾。`;
    const after = gradeOffline({ question, answer: answers[0]!, references: reference(changed) });
    expect(after.grade.keyPoints.map((point) => point.text)).toContain('重写完成时主进程会收到子进程的信号，在 serverCron 里处理收尾。');
    expect(before.grade.keyPoints.map((point) => point.text)).not.toContain('重写完成时主进程会收到子进程的信号，在 serverCron 里处理收尾。');
  });
});
