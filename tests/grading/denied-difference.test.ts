import { describe, expect, it } from 'vitest';
import { deniesDifference } from '../../src/grading/denied-difference.ts';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';

const question = '令牌桶和漏桶都能限流，它们的区别在哪？遇到突发流量各自怎么表现？';
const reference = `- 漏桶：请求进桶排队，以固定速率流出，桶满则丢弃；输出速率恒定，无法应对突发。
- 令牌桶：以固定速率往桶里放令牌，请求拿到令牌才能通过；桶里攒下的令牌允许一定的突发流量。
- 区别：漏桶强制平滑输出，令牌桶限制平均速率但允许突发。`;

describe('a difference denied (denied-difference.ts)', () => {
  it('fails an answer that says the two the question contrasts are the same, however many of the note\'s words follow', () => {
    const answer = '其实两个在效果上没区别，都是以固定速率处理请求，桶满了就丢弃。令牌桶用令牌，漏桶用队列，选哪个只看代码写着方便。';
    const graded = scoreAnswer({ question, answer, references: [reference] });
    expect(graded.flags).toContain('denied-difference');
    expect(graded.score).toBeLessThanOrEqual(1);
    expect(deniesDifference('namespace 和 cgroup 在容器里各自负责什么？', 'namespace 和 cgroup 其实是同一个机制的两个叫法，老内核叫 cgroup。', [])).toBe(true);
    expect(deniesDifference('What is the difference between a process and a thread?', 'They are basically the same thing, a thread is just a newer name.', [])).toBe(true);
  });

  it('leaves a sameness granted in one respect, with the difference said after it', () => {
    const answer = '两者在平均速率上没区别，区别在于突发：漏桶输出恒定，突发的请求排队或丢弃；令牌桶攒下的令牌允许一定的突发。';
    const graded = scoreAnswer({ question, answer, references: [reference] });
    expect(graded.flags).not.toContain('denied-difference');
    expect(graded.score).toBeGreaterThanOrEqual(6);
    expect(deniesDifference(question, '令牌桶和漏桶不是一回事：漏桶平滑输出，令牌桶允许突发。', [reference])).toBe(false);
  });

  it('agrees with a note that itself says there is no difference, and reads only questions that ask for one', () => {
    expect(deniesDifference('Go 里 byte 和 uint8 有什么区别？', '两者没有区别，byte 就是 uint8 的别名。', ['byte 是 uint8 的别名，两者没有区别。'])).toBe(false);
    expect(deniesDifference('令牌桶是怎么限流的？', '令牌桶和漏桶其实没区别。', [reference])).toBe(false);
  });
});

describe('an English sameness of one aspect', () => {
  const asked = 'Go 1.18 前后切片扩容的策略有什么区别？';

  it('is no denied difference: "In both versions the mechanics are the same" has the mechanics for its subject', () => {
    expect(deniesDifference(asked, 'From 1.18 the threshold moved to 256. In both versions the mechanics are the same: append allocates a bigger array.', [])).toBe(false);
  });

  it('still reads the pair as the subject: "they", "the two versions", "before and after 1.18" are the same', () => {
    expect(deniesDifference(asked, 'They are the same, nothing changed.', [])).toBe(true);
    expect(deniesDifference(asked, 'The two versions are identical.', [])).toBe(true);
    expect(deniesDifference(asked, 'Before and after 1.18 are basically the same.', [])).toBe(true);
  });
});
