import { describe, expect, it } from 'vitest';
import { isClaim } from '../../src/ingest/claims.ts';

describe('claims: narration is told from content', () => {
  it('keeps a statement about 上下文 (context): "下文" inside it is not "see below"', () => {
    expect(isClaim('上下文切换：协程只发生在用户态，线程需要在用户态和内核态之间进行切换。', { personal: true })).toBe(true);
    expect(isClaim('线程的上下文包括了程序计数器、寄存器、虚拟内存信息等。', { personal: true })).toBe(true);
  });

  it('keeps what a sentence says a figure shows, and drops one that only points at a figure', () => {
    // corpus/go-mysql-redis-ecommerce-qa.md, the heap's arena: its one sentence on the bitmap's growth had been left out of the
    // key points, so an answer reversing it scored 5.9.
    expect(isClaim('从上图其实还可以看到bitmap的高地址部分指向arena区域的低地址部分，也就是说bitmap的地址是由高地址向低地址增长的。', { personal: true })).toBe(true);
    expect(isClaim('如上图所示，请求先经过网关再到服务。', { personal: true })).toBe(true);
    expect(isClaim('**技术策略**：扣减库存异步化，异步扣库存主要分3步（见下图）：', { personal: true })).toBe(false);
    expect(isClaim('具体流程见下图，这里不展开。', { personal: true })).toBe(false);
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

  it('reads prose that quotes a little code as prose, and still drops code and a quiz\'s options', () => {
    // corpus/go-basics-qa.md and corpus/os-network-k8s-microservices.md.
    for (const line of ['所以这里msg的类型还是interface{}，所以他没有Name这个字段，编译阶段就会报错', '不能比较空接口中的动态值(比如interface{}中的数组)', 'golang中有规定，switch type的case T1，类型列表只有一个，那么v := m.(type)中的v的类型就是T1类型。']) {
      expect(isClaim(line, { personal: true }), line).toBe(true);
    }
    for (const line of ['type errgroup struct { // context 的 cancel 方法 cancel func() // 复用 WaitGroup wg sync.WaitGroup }', 'A: 不能编译； B: 一段时间后总是输出 #goroutines: 1；']) {
      expect(isClaim(line, { personal: true }), line).toBe(false);
    }
  });

  it('reads 这时候就 and 自行 as narration only in their narrating uses', () => {
    expect(isClaim('这时候就需要主从了，从节点负责读数据，主节点负责写数据。', { personal: true })).toBe(true);
    expect(isClaim('这样应用程序就可以自行引导，因为开发人员可以创建新功能，而无需从头开始编写代码。', { personal: true })).toBe(true);
    expect(isClaim('这时候就有小伙伴会疑惑了，为什么不直接在 M 上加', { personal: true })).toBe(false);
    expect(isClaim('具体的参数含义感兴趣的可以自行百度', { personal: true })).toBe(false);
  });
});
