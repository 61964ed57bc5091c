import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';
import { contradictedIn } from './contradicted-in.ts';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';
import { readStances } from '../../src/grading/answer-signals.ts';
import { negationScopeTexts } from '../../src/grading/statements.ts';
import { profileText } from '../../src/grading/text-analysis.ts';

describe('a swap stands down when the note says the same of the answer\'s subject', () => {
  const question = '简述如何使用栈S1和S2来模拟队列，描述入队、出队的操作过程。';
  const note = ['X中元素按序全部顺序进入S1中。', '依次将S1中元素出栈并压入S2栈中，直到S1栈空为止。', '出队：若S2栈不为空，则取S2栈栈顶元素作为出队元素。'];
  const reference = `${note[0]}${note[1]}依次将S2中元素出栈并压入Y，直到S2栈空为止。${note[2]}`;

  it('does not read "S2出栈一个元素" as giving S2 what the note says of S1, when the note says S2 pops too', () => {
    expect(contradicted(question, note, '出队时S2不为空，S2出栈一个元素。', reference)).toEqual([]);
  });

  it('still reads it as a swap when the note says it of S1 only', () => {
    expect(contradicted(question, note, '出队时S2不为空，S2出栈一个元素。', note.join(''))).toEqual([note[1]]);
  });

  it('does not read a clause naming both subjects in the note\'s order as a swap, and still reads the reversed order', () => {
    const moving = ['入队元素直接放入S1栈中。', '否则将栈S1中元素全部搬到S2中，再取S2栈栈顶元素作为出队元素。'];
    expect(contradicted(question, moving, '若S2为空，才能将S1中的元素全部插入S2中。')).toEqual([]);
    expect(contradicted(question, moving, '否则将栈S2中元素全部搬到S1中。')).toEqual([moving[1]]);
  });
});

describe('a need denied for anything at all ("不需要做任何检查")', () => {
  const question = '如果让你用 Go 实现一个栈，你会怎么写？有哪些要注意的地方？';
  const note = ['其实就是一个切片的问题，注意pop的时候一定要注意切片长度检查，否则会panic。'];

  it('denies the note\'s "一定要注意切片长度检查", though the clause shares one word with it', () => {
    expect(contradicted(question, note, '用channel就能当栈用，读空了会返回零值，所以不需要做任何检查。')).toEqual([note[0]]);
  });

  it('does not fire when the note does not say the thing is needed, or denies it itself', () => {
    expect(contradicted(question, ['用切片实现，pop 时做长度检查，否则会panic。'], '用切片实现，所以不需要做任何检查。')).toEqual([]);
    expect(contradicted(question, ['一定要注意切片长度检查。', '用channel实现时不需要检查。'], '用channel实现，不需要做任何检查。')).toEqual([]);
  });
});

describe('"先不要 X，…之后再 X" denies doing X first', () => {
  const question = '你写的阻塞队列，程序退出时卡在析构函数里出不来，是什么原因，怎么修的？';
  const answer = '所以解决办法是析构的时候先不要唤醒条件变量，等析构完成之后再去唤醒它。';

  it('denies the note\'s "先唤醒条件变量", though the sentence asserts 唤醒 again later', () => {
    const note = ['最后在阻塞队列析构的时候，先唤醒条件变量。'];
    expect(contradicted(question, note, answer)).toEqual([note[0]]);
  });

  it('denies it too when the note\'s story of the bug says the wake-up never came', () => {
    const note = ['发现是阻塞到了条件变量，它没有接受到唤醒，只能一直在等待唤醒。', '最后在阻塞队列析构的时候，先唤醒条件变量。'];
    expect(contradicted(question, note, answer)).toContain(note[1]);
  });

  it('does not fire when the note says nothing of first, and a later assertion without 先 still agrees', () => {
    expect(contradicted(question, ['最后在阻塞队列析构的时候，唤醒条件变量。'], answer)).toEqual([]);
    expect(contradicted(question, ['最后在阻塞队列析构的时候，先唤醒条件变量。'], '析构的时候不要忘了唤醒条件变量，析构时一定唤醒它。')).toEqual([]);
  });
});

describe('不管: "regardless" before an alternative or a question word, "does not manage" otherwise', () => {
  it('reads "它不管容器的生命周期" as a negation', () => {
    expect(negationScopeTexts(profileText('它不管容器的生命周期').text).map((scope) => scope.word)).toEqual(['不']);
  });

  it('still reads "不管…还是", "不管…有没有", "不管…提没提交", "不管先到谁" as "regardless"', () => {
    for (const text of ['不管是一次性全部出栈还是边入栈边出栈', '不管 redo 有没有 prepare', '它不管事务提没提交', '请求不管先到谁']) {
      // (提没提交's own 没 is another matter: only 不管 is asked about here.)
      expect(negationScopeTexts(profileText(text).text).filter((scope) => scope.word === '不')).toEqual([]);
    }
  });
});

describe('a whether-question states neither side', () => {
  const question = 'save 和 bgsave 有什么区别？';
  const note = ['redis 有两个命令生成RDB，区别在于是否阻塞主线程。', 'save 会阻塞主线程。'];

  it('does not read "主线程不阻塞" as denying "区别在于是否阻塞主线程"', () => {
    expect(contradicted(question, note.slice(0, 1), 'bgsave fork 一个子进程来写，主线程不阻塞。')).toEqual([]);
  });

  it('still reads a denial of the note\'s plain claim', () => {
    expect(contradicted(question, note, 'save 不会阻塞主线程。')).toEqual([note[1]]);
  });
});


describe('a Latin name right after a Chinese word is still named', () => {
  const question = '你们用 RabbitMQ，里面的 exchange、queue、routing key、channel 这几个东西分别是干什么的？';
  const note = ['queue需要绑定exchange', '消息载体 routing key：路由关键字，exchange根据这个关键字来投递消息', 'channel：消息通道，需要和生产者和消费者之间建立'];

  it('reads "消息载体 routing key：路由关键字" as said of routing key, so restating it is no swap', () => {
    expect(contradicted(question, note, 'routing key就是路由关键字，exchange根据这个关键字来投递消息。', note.join('\n'))).toEqual([]);
  });

  it('still reads the description given to another of the things as a swap', () => {
    expect(contradicted(question, note, 'channel就是路由关键字，exchange根据它来投递消息。', note.join('\n'))).toEqual([note[1]]);
  });
});

describe('a label claims nothing', () => {
  it('does not read "引用计数：" after "常见的垃圾回收算法：" as giving 常见的垃圾回收算法 a description', () => {
    const note = ['常见的垃圾回收算法： 引用计数：对每个对象维护一个引用计数，当引用计数为0时回收该对象。', '标记-清除：从根变量遍历所有引用的对象，引用对象标记为”被引用“，没有被标记的进行回收。', '分代收集：按照对象生命周期的长短划分不同的代空间。'];
    const answer = '常见的垃圾回收算法：引用计数：对每个对象维护一个引用计数，当引用计数为0时回收该对象。标记-清除：从根变量遍历所有引用的对象，没有被标记的进行回收。';
    expect(contradicted('聊聊你对GC的理解', note, answer, note.join('\n'))).toEqual([]);
  });

  it('still reads a claim that ends in a colon ("LRU 是按频率淘汰的：")', () => {
    const note = ['lru是根据最近访问时间来进行缓存置换的，优先置换尾部', 'lfu 是按访问频率淘汰的，低8位来记录频率'];
    expect(contradicted('Redis 的 LRU 和 LFU 淘汰是怎么实现的？', note, 'Redis 的 LRU 是按访问频率淘汰的：次数最少的先删。', note.join('\n'))).toEqual([note[1]]);
  });
});

describe('the fault described is not the fix denied', () => {
  const note = ['虽然有使用sync.Mutex做写锁，但是map是并发读写不安全的。', '因此，在 Get 中也需要加锁，因为这里只是读，建议使用读写锁 sync.RWMutex。'];

  it('does not read the question\'s own premise, repeated ("Get 没加锁"), as denying "在 Get 中也需要加锁"', () => {
    const question = '这个 UserAges 结构体，Add 加了 Mutex、Get 没加锁，有什么问题？';
    expect(contradicted(question, note, 'Get 没加锁，并发读写 map 会崩')).toEqual([]);
  });

  it('does not read what was not done ("Get 没有加锁") as denying that it must be, and still reads a need denied', () => {
    const question = '下面的代码有什么问题？';
    expect(contradicted(question, note, 'Get 没有加锁，并发读写 map 会崩')).toEqual([]);
    expect(contradicted(question, note, 'Get 不需要加锁，只读是安全的')).toEqual([note[1]]);
    expect(contradicted(question, note, 'Get 没必要加锁')).toEqual([note[1]]);
  });
});

describe('API and 接口 are one concept', () => {
  const question = '令牌桶和漏桶都能做限流，它们最大的区别在哪？';
  const note = ['令牌桶适合 API 限流，能容忍用户偶尔的突发点击；', '漏桶适合：比如往第三方接口匀速推送、网络流量整形。'];

  it('does not read "做接口限流一般用令牌桶" as giving 令牌桶 what the note says of 漏桶', () => {
    expect(contradicted(question, note, '所以做接口限流一般用令牌桶，要保护下游、匀速推送就用漏桶。')).toEqual([]);
  });

  it('still reads the two uses swapped', () => {
    expect(contradicted(question, note, '漏桶适合 API 限流，令牌桶适合往第三方接口匀速推送。')).not.toEqual([]);
  });
});

describe('a clause naming no subject goes on about the one its sentence opens with', () => {
  const question = 'Go 编译器按什么来决定一个变量放栈上还是堆上？';
  const note = ['栈上分配的内存不需要GC处理。', '而堆上动态分配内存比栈上静态分配内存，开销大很多。'];

  it('reads "堆上…，还要交给 GC 处理" as said of the heap, not as denying the stack needs no GC', () => {
    expect(contradicted(question, note, '堆上动态分配比栈上开销大很多，还要交给 GC 处理。')).toEqual([]);
  });

  it('still reads it as a denial when the sentence opens with the stack', () => {
    expect(contradicted(question, note, '栈上分配也很快，还要交给 GC 处理。')).toEqual([note[0]]);
  });
});

describe('a note clause of one word besides the question\'s is denied only of what it names', () => {
  const question = '没 make 过的 nil map 能读吗、能写吗？一个 nil channel 读、写、close 又分别是什么结果？';
  const note = ['close(ch) (关闭)：nil的channel panic；正常channel 成功；已关闭channel panic'];

  it('does not read "nil map 读…，不会 panic" as denying "nil的channel panic"', () => {
    expect(contradicted(question, note, 'nil map 读没问题，返回零值，不会 panic；只有 close 一个 nil channel 才会 panic。')).toEqual([]);
  });

  it('still reads "close 一个 nil channel 不会 panic" as denying it', () => {
    expect(contradicted(question, note, 'close 一个 nil channel 不会 panic。')).toEqual(note);
  });
});

describe('a clause another note clause holds word for word, in another order, exchanges nothing', () => {
  const question = '分块上传好在哪？分块信息为什么放 Redis？';
  const note = ['极大提高传输效率', '数据操作频繁，存取效率高'];

  it('reads "传输效率高" as the note\'s "极大提高传输效率", not "存取效率高" with a word exchanged', () => {
    expect(contradicted(question, note, '各个 chunk 能并行上传，传输效率高。')).toEqual([]);
  });

  it('still reads an exchange the note says nowhere', () => {
    const both = ['Redis 存取数据频繁所以存取效率高', '极大提高传输效率'];
    expect(contradicted(question, both, 'Redis 存取数据频繁所以传输效率高。')).toEqual([both[0]]);
  });
});

describe('a bare label and a concessive denial claim nothing the note could deny', () => {
  it('does not read the label "- 客户端：" as asserting anything about the client', () => {
    const note = ['然而，cookie和session可以更安全地处理敏感信息，因为它们不需要在客户端存储所有的信息。'];
    expect(contradicted('登录以后的 token 是怎么生成和校验的？客户端和服务端各做什么？', note, '- 客户端：\n每个请求都带上 token。')).toEqual([]);
  });

  it('reads "不说话也得定期发心跳包" as "even without talking", not as a denial', () => {
    const note = ['即使用户“什么都不做”，WebSocket 连接仍然需要定期发送心跳包来保持连接。'];
    const question = '大量用户只挂着 WebSocket 长连接什么也不干，服务端哪里可能先扛不住？';
    expect(contradicted(question, note, '带宽：不说话也得定期发心跳包。')).toEqual([]);
    expect(contradicted(question, note, '带宽：连接不需要定期发心跳包。')).toEqual(note);
  });
});

describe('labels, pronouns and possibilities', () => {
  it('denies no label that only names its point ("有名管道 (named pipe) ：")', () => {
    const note = ['有名管道 (named pipe) ：', '有名管道也是半双工的通信方式，但是它允许无亲缘关系进程间的通信。'];
    expect(contradicted('有名管道和匿名管道有什么区别？', note, 'An anonymous pipe from pipe() has no name, so only related processes share it.')).toEqual([]);
  });

  it('reads a clause opening with 它 as about the subject named last before it in its sentence', () => {
    const note = ['save是在主线程中写入RDB文件，会造成阻塞。', 'bgsave是创建一个子进程来写入RDB文件。'];
    expect(contradicted('save 和 bgsave 有什么区别？', note, '分工是这样：bgsave 创建子进程写 RDB 文件，它不会造成阻塞。')).toEqual([]);
    expect(contradicted('save 和 bgsave 有什么区别？', note, '分工是这样：save 在主线程写 RDB 文件，它不会造成阻塞。')).toEqual([note[0]]);
  });

  it('reads "may be so" as no denial of a plain claim, and as one of a certain claim', () => {
    const plain = ['第二个字段为false时，可以证明channel中已没有残留数据且已关闭'];
    const question = '怎么判断一个 channel 是不是已经被关闭了？';
    expect(contradicted(question, plain, 'ok 为 true 只说明读到了值，channel 可能已经关了、只是里面还有残留数据。')).toEqual([]);
    const certain = ['channel关闭后里面一定没有残留数据。'];
    expect(contradicted(question, certain, 'channel 关闭后里面可能还有残留数据。')).toEqual(certain);
  });
});

describe('a number in Chinese numerals that the note writes in digits is the note\'s', () => {
  const question = '猴子搬香蕉：100 根香蕉、家在 50 米外、一次最多背 50 根，每走一米吃一根，折返也吃。最后能剩几根到家？';
  const note = ['当走到17米的时候，猴子一共吃了17\\*3=51个香蕉，还剩49，这样猴子就可以一次性搬回家了，离家还剩下50-17=33米，需要吃33根香蕉，所以到家时还剩下49-33=16根。'];

  it('reads "一共吃了五十一根" and "还剩三十三米" as the note\'s 51 and 33', () => {
    expect(contradicted(question, note, '推进到第十七米，一共吃了五十一根，剩四十九根。离家还剩三十三米，再吃三十三根，到家剩十六根。')).toEqual([]);
  });
});

describe('what others believe, reported to be corrected, is no claim of the candidate\'s', () => {
  const question = 'Java 的 GC 有分代和内存压缩，Go 的 GC 为什么没有这些？';
  const note = '线性分配内存的话就是内存压缩，或者分代回收这些比较需要耗时的操作，伴随着内存的移动。Go 用的是 tcmalloc 的空闲链表分配，不需要它们。';
  const scored = (answer: string) => scoreAnswer({ question, answer, references: [note] });

  it('reads "很多人觉得 Go 的 GC 没分代是个短板吧，其实是设计上的取舍" as no denial of 分代回收', () => {
    expect(scored('很多人觉得 Go 的 GC 没分代是个短板吧，其实是设计上的取舍：Go 用空闲链表分配，不用靠压缩整理碎片。').flags).not.toContain('contradiction');
  });

  it('still reads the same words said as the candidate\'s own view', () => {
    expect(readStances('我觉得 Go 的 GC 没分代。').asserted).not.toBe('');
    expect(readStances('很多人觉得 Go 的 GC 没分代，其实是取舍。').clauses.map((clause) => clause.stance)).toEqual(['reported', 'asserted']);
  });
});

describe('outside what the note says its thing is not in', () => {
  it('reads "etcd 可以部署在 master 之外的机器上" as the note\'s "Etcd(可以不在master节点)"', () => {
    const note = ['Etcd(可以不在master节点)：担任数据中心的角色，保存了整个群集的状态；'];
    expect(contradicted('etcd 一定要部署在 master 节点上吗？', note, '不一定，etcd 可以部署在 master 之外的机器上。')).toEqual([]);
  });
});

describe('a note clause that names the answer\'s subject among others says it of that subject too', () => {
  const question = '做 native 向量化，业界还有 Databricks Photon、Blaze 这些方案，为什么没选它们？';
  const note = `- 目前业界的方案有databricks photon，但是photon是闭源的，只有论文。
- databricks photon datafusion blaze使用自己的protonuf来描述算子不是使用的substrait，与社区脱节。`;

  it('reads "Blaze 描述算子不用 Substrait" as the note\'s, though the clause opens with photon', () => {
    expect(contradictedIn(question, note, 'Blaze 描述算子不用 Substrait，而是自己定义的 protobuf。')).toEqual([]);
  });

  it('still reads Blaze given photon\'s closed source as a swap', () => {
    expect(contradictedIn(question, note, 'Photon 用自己的 protobuf 描述算子，Blaze 是闭源的只有论文。')).toEqual(['目前业界的方案有databricks photon，但是photon是闭源的，只有论文。']);
  });
});

describe('a step named after an arrow is where the chain goes next, not who did what came before it', () => {
  const question = '执行 go build 之后，从源码到可执行文件大概经过哪几步？';
  const note = `- 依赖包的编译：编译器会先编译源代码依赖的包。
- 主包的编译：编译器编译主包，结果是主包的一个对象文件。
- 链接：链接器将主包和所有依赖的包的对象文件链接在一起，并把这些引用替换成实际的内存地址或偏移量。
- 生成可执行文件：链接器生成的最终输出是一个可执行文件。`;

  it('reads "符号引用换成实际地址或偏移 → 生成可执行文件" as the linking step followed by the next one', () => {
    expect(contradictedIn(question, note, '先编译依赖包，再编译 main 包 → linker 把 object file 链起来，符号引用换成实际地址或偏移 → 生成可执行文件。')).toEqual([]);
  });

  it('still reads the linking given to another step, without an arrow, as a swap', () => {
    expect(contradictedIn(question, note, '生成可执行文件的时候把引用替换成实际的内存地址或偏移量。')).not.toEqual([]);
  });
});

describe('an invariant (不变性) is a word, not a negation', () => {
  const question = 'Go GC 的强三色不变性是什么？';
  const note = ['强三色不变性：黑色对象永远不会指向白色对象；'];

  it('reads "强三色不变性就是黑色对象永远不能直接指向白色对象" as the note\'s one denial', () => {
    expect(contradicted(question, note, '强三色不变性就是黑色对象永远不能直接指向白色对象；')).toEqual([]);
    expect(contradicted(question, note, '强三色不变性就是黑色对象可以指向白色对象；')).toEqual([note[0]]);
  });
});

describe('the time a step runs until is no claim ("直到没有灰色对象")', () => {
  const question = '讲一下 Go GC 的三色标记法。';
  const note = ['灰色：对象还在标记队列中等待', '黑色：对象已被标记，gcmarkBits对应的位为1', '白色：对象未被标记，gcmarkBits对应的位为0'];

  it('does not read 直到 / 等到 / until 没有 X as denying what the note says of X', () => {
    expect(contradicted(question, note, '取出灰色对象标黑，把它引用的对象标灰，直到没有灰色对象，剩下的白色对象就是垃圾。')).toEqual([]);
    expect(contradicted(question, note, '等到没有灰色对象了，剩下白色的就回收。')).toEqual([]);
  });

  it('still reads a plain denial of it', () => {
    expect(contradicted(question, note, '灰色不是对象还在标记队列中等待，灰色对象已经扫描完了。')).toEqual([note[0]]);
  });
});
