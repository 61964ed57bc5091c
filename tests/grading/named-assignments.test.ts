import { describe, expect, it } from 'vitest';
import { contradictedIn } from './contradicted-in.ts';

// corpus/image-service-project-qa.md, 字节流（大小端）.
const note = `- 大端字节序：最高有效字节在最低的内存地址处，最低有效字节在最高的内存地址处。
- 小端字节序：最低有效字节在最低的内存地址处，最高有效字节在最高的内存地址处。
- 字节序的选择取决于使用的硬件平台或协议规定。例如，Intel 的 x86 架构采用的是小端字节序，而网络协议（如 TCP/IP）通常使用大端字节序。`;
const asked = '大端和小端分别是什么意思？';

describe('a named thing given to the other of the two things the question contrasts (named-assignments.ts)', () => {
  it('reads x86 said to be 大端 against the note\'s "x86 架构采用的是小端字节序"', () => {
    expect(contradictedIn(asked, note, '我们平时用的x86就是大端的，跟网络上传输的顺序一样。')).toEqual([expect.stringContaining('x86 架构采用的是小端字节序')]);
  });

  it('leaves the note\'s own pairing, and a name merely mentioned beside the other thing', () => {
    expect(contradictedIn(asked, note, 'x86 用的是小端，网络协议用大端。')).toEqual([]);
    expect(contradictedIn(asked, note, '网络上传输统一用大端，跟 x86 不一样，所以发之前要转换。')).toEqual([]);
  });
});
