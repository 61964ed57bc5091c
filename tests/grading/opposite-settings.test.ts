import { describe, expect, it } from 'vitest';
import { contradictedIn } from './contradicted-in.ts';

// corpus/image-service-project-qa.md, "为什么协程比线程好？".
const question = '协程相比线程，到底好在哪些地方？';
const note = '- 资源消耗小：协程轻量，内存占用小。\n- 上下文切换：协程只发生在用户态，线程需要在用户态和内核态之间进行切换。';

describe('a thing put in the opposite setting (opposite-settings.ts)', () => {
  it('reads 协程 put in the kernel against "协程只发生在用户态"', () => {
    expect(contradictedIn(question, note, '协程的好处主要是它由操作系统内核来调度，调度更公平。')).toEqual([expect.stringContaining('协程只发生在用户态')]);
    expect(contradictedIn(question, note, '协程比线程轻，但协程切换其实也是要进内核的。')).toEqual([expect.stringContaining('协程只发生在用户态')]);
  });

  it('leaves the note\'s setting, a denial, and the other thing in the kernel alone', () => {
    expect(contradictedIn(question, note, '协程切换只在用户态完成，所以开销小。')).toEqual([]);
    expect(contradictedIn(question, note, '协程在用户态切换，不用进内核。')).toEqual([]);
    expect(contradictedIn(question, note, '线程切换要进内核，所以比协程慢。')).toEqual([]);
  });

  it('reads a stage said the other way round: 运行时 against "在编译阶段完成"', () => {
    const escape = '- 逃逸分析在编译阶段完成\n- 逃逸分析的作用：减少GC的压力，不逃逸的对象分配在栈上。';
    expect(contradictedIn('逃逸分析是在哪个阶段做的？', escape, '逃逸分析是运行时做的，程序跑起来以后才决定。')).toEqual(['逃逸分析在编译阶段完成']);
    expect(contradictedIn('逃逸分析是在哪个阶段做的？', escape, '逃逸分析是编译期做的。')).toEqual([]);
  });

  it('reads run time said as the program running ("在程序跑起来以后做的"), and compile time as 编译的时候', () => {
    const escape = '- 逃逸分析在编译阶段完成\n- 逃逸分析的作用：减少GC的压力，不逃逸的对象分配在栈上。';
    const asked = 'Go 编译器按什么来决定一个变量放栈上还是堆上？怎么看一个变量有没有逃逸？';
    expect(contradictedIn(asked, escape, '逃逸分析是在程序跑起来以后做的，所以编译的时候看不出来。')).toEqual(['逃逸分析在编译阶段完成']);
    expect(contradictedIn(asked, escape, '逃逸分析是编译的时候做的，程序跑起来以后就不变了。')).toEqual([]);
  });

  it('reads a new variable each time against a variable used again ("stu 变量会被复用")', () => {
    const loop = 'golang 的 for ... range 语法中，stu 变量会被复用，每次循环会将集合中的值复制给这个变量。';
    const asked = '用for range遍历一个结构体切片，循环里把&stu存进map，最后map里的值会是什么样？';
    expect(contradictedIn(asked, loop, '这个没问题的，因为range每次迭代都会给stu新建一个变量。')).toEqual([loop]);
    expect(contradictedIn(asked, loop, 'stu 是复用的同一个变量，每次只是把值拷进去。')).toEqual([]);
  });
});
