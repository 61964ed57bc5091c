import { describe, expect, it } from 'vitest';
import { isClaim } from '../../src/ingest/claims.ts';

describe('claims: narration is told from content', () => {
  it('keeps a statement about 上下文 (context): "下文" inside it is not "see below"', () => {
    expect(isClaim('上下文切换：协程只发生在用户态，线程需要在用户态和内核态之间进行切换。', { personal: true })).toBe(true);
    expect(isClaim('线程的上下文包括了程序计数器、寄存器、虚拟内存信息等。', { personal: true })).toBe(true);
  });

  it('still drops a pointer to the rest of the text', () => {
    expect(isClaim('具体的实现细节见下文的代码分析部分。', { personal: true })).toBe(false);
    expect(isClaim('这个问题在上文已经讲过了，这里不再赘述。', { personal: true })).toBe(false);
  });
});
