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

describe('claims: a practice list is not a claim, however its site is spelt', () => {
  it('drops problem lists with the site misspelt, numbered problems and 题号', () => {
    for (const line of ['0 leetcod51 n皇后', '3. leecode 146 LRU缓存', '2. 100 letcode 72 编辑距离', 'lintcod 110 平衡二叉树', '力扣第 146 题 LRU 缓存', '题号 206 反转链表']) {
      expect(isClaim(line, { personal: true }), line).toBe(false);
    }
  });

  it('keeps technical statements with names glued to numbers', () => {
    for (const line of ['utf8 编码一个汉字占 3 个字节', 'sha256 输出 32 字节的摘要', 'http2 在一个连接上多路复用请求', 'select 最多监听 1024 个文件描述符', 'let 声明的变量有块级作用域，const 声明后不能再赋值']) {
      expect(isClaim(line, { personal: true }), line).toBe(true);
    }
  });

  it('reads 没写完 / 没看 as a note to self only when said of the note, not of the data ("数据没写完")', () => {
    // corpus/cpp-backend-projects-and-internship.md, 协程和io多路复用的结合: the clause that says what the coroutine does.
    expect(isClaim('当可读或者可写事件没有处理完（数据没读完，对方服务器没有发完，数据没写完，缓冲区没有空间0），需要重复注册监听事件时，协程函数就把事件注册了', { personal: true })).toBe(true);
    for (const line of ['（没写完）', '这块还没看，回头补', 'epoll 的原理没看', '这里没写完']) expect(isClaim(line, { personal: true }), line).toBe(false);
  });
});
