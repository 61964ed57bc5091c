/**
 * A question about code is asked with its code: the card carries it (`code`), and the line the
 * candidate sees shows it as a fenced block under the question, which the web app renders as code.
 */
import { describe, expect, it } from 'vitest';
import { item } from '../support/bigram-knowledge.ts';
import { makeHarness } from '../support/interview-harness.ts';

const code = '```go\nfmt.Println(len("你好"))\n```';

describe('code questions', () => {
  it('shows the code under the question when the card asks about code', async () => {
    const codeCard = { ...item({ id: 'go-len', question: '下面的代码会输出什么？', answer: '输出 6：len 返回字节数，一个汉字 3 个字节。', topics: ['go'] }), code };
    const { service } = makeHarness({ items: [codeCard] });
    const { message } = await service.start('owner-1', { mode: 'practice', topics: ['go'], questions: 1 });
    expect(message.questionId).toBe('go-len');
    expect(message.text).toContain('下面的代码会输出什么？');
    expect(message.text).toContain(code);
  });

  it('asks a card without code as it is', async () => {
    const plain = item({ id: 'go-gmp', question: '为什么 GMP 里要有 P？', answer: 'P 持有本地运行队列，减少全局锁竞争。', topics: ['go'] });
    const { service } = makeHarness({ items: [plain] });
    const { message } = await service.start('owner-1', { mode: 'practice', topics: ['go'], questions: 1 });
    expect(message.text).not.toContain('```');
  });
});
