import { describe, expect, it } from 'vitest';
import { evaluateGrading, type GradingCase } from '../../scripts/eval-grading.ts';
import { BigramKnowledgeBase, item } from '../support/bigram-knowledge.ts';

const kb = new BigramKnowledgeBase([
  item({ id: 'rdb', question: 'RDB 是怎么生成的？', answer: 'save 在主线程里写 RDB 文件，会阻塞；bgsave fork 一个子进程写 RDB，不阻塞主线程。', topics: ['redis'] }),
  item({ id: 'aof', question: 'AOF 有哪几种写回策略？', answer: 'always 每条命令都写回；everysec 每秒写回一次；no 交给操作系统决定何时写回。', topics: ['redis'] }),
]);

const answer = (id: string, question: string, ref: string | undefined): GradingCase => ({
  id,
  question,
  answer: 'save 会阻塞主线程，bgsave 用子进程写，不阻塞。',
  label: 8,
  references: undefined,
  kind: undefined,
  group: question,
  ref,
});

describe('grading eval: which note an answer was graded against', () => {
  it('counts the answers whose retrieved note holds the passage the set names, whitespace aside', async () => {
    const cases = [answer('a', 'RDB 是怎么生成的？save 和 bgsave 有什么区别？', 'bgsave fork一个子进程写RDB'), answer('b', 'RDB 是怎么生成的？', 'everysec 每秒写回一次'), answer('c', 'RDB 是怎么生成的？', undefined)];
    const { metrics } = await evaluateGrading(cases, kb);
    expect(metrics.rightNote).toEqual({ checked: 2, right: 1 });
  });
});

describe('grading eval: the same answers graded against the card holding the ref, as a session grades it', () => {
  it('grades each answer with a ref against its card, so a note the finder missed does not decide the figure', async () => {
    const onAof = { ...answer('d', 'AOF 有哪几种写回策略？', 'everysec 每秒写回一次'), answer: 'always 每条都写，everysec 每秒写一次，no 让操作系统决定。', label: 9 };
    const wrong = { ...answer('e', 'AOF 有哪几种写回策略？', 'everysec 每秒写回一次'), answer: '我不知道。', label: 0 };
    const { metrics } = await evaluateGrading([onAof, wrong, answer('f', 'RDB 是怎么生成的？', undefined)], kb);
    expect(metrics.withRightCard?.n).toBe(2);
    expect(metrics.withRightCard?.spearman).toBe(1);
    expect(metrics.withRightCard?.mae).toBeLessThan(3);
  });
});

describe('grading eval: correct answers the grader accuses of contradicting the notes', () => {
  it('names a correct answer with a point marked wrong, and passes one without', async () => {
    const question = 'RDB 是怎么生成的？';
    const right = { ...answer('g', question, undefined), answer: 'save 在主线程写 RDB，会阻塞；bgsave fork 子进程去写，不阻塞主线程。', label: 9 };
    // Labelled correct, but it swaps save and bgsave: the check must name it.
    const swapped = { ...answer('h', question, undefined), answer: 'bgsave 在主线程写 RDB，会阻塞；save fork 子进程去写，不阻塞主线程。', label: 9 };
    const { metrics } = await evaluateGrading([right, swapped], kb);
    const check = metrics.targets.find((target) => target.name.includes('no point marked wrong'));
    expect(check).toEqual({ name: expect.any(String), checked: 2, misses: ['h'] });
  });
});
