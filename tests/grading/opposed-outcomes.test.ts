import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';

describe('an outcome said the other way round', () => {
  const question = '并发访问 Go 的 map 和 channel 有哪些坑？';
  const note = ['往已经关闭的 channel 发送数据会导致 panic。', '遍历 map 的同时有协程并发写入，程序会直接崩溃。'];

  it('reads "其实是安全的" for a situation the note says panics', () => {
    expect(contradicted(question, note, '往已经关闭的 channel 发送数据其实是安全的，会直接返回。', note.join('\n'))).toEqual([note[0]]);
  });

  it('reads a failure denied ("不会崩溃") for a situation the note says fails', () => {
    expect(contradicted(question, note, '遍历 map 的同时有协程并发写入也不会崩溃，只是可能读到旧值。', note.join('\n'))).toEqual([note[1]]);
  });

  it('reads it in English too', () => {
    const english = ['Sending on a closed channel causes a panic.'];
    expect(contradicted('What happens when you send on a closed channel?', english, 'Sending on a closed channel is safe, the send just returns.', english.join('\n'))).toEqual([english[0]]);
  });

  it('accepts the note\'s own outcome in other words', () => {
    expect(contradicted(question, note, '往已经关闭的 channel 发送数据会 panic，遍历 map 时并发写入程序会崩溃。', note.join('\n'))).toEqual([]);
  });

  it('accepts an outcome the note gives the situation the answer restates, when it gives the other one to another', () => {
    const both = ['save 在主线程里生成 RDB 文件，会阻塞主线程。', 'bgsave 由 fork 出的子进程生成 RDB 文件，不会阻塞主线程。'];
    expect(contradicted('save 和 bgsave 有什么区别？', both, 'bgsave 由 fork 出的子进程生成 RDB 文件，不会阻塞主线程。', both.join('\n'))).toEqual([]);
  });

  it('does not take one shared participant ("channel") for the same situation', () => {
    expect(contradicted(question, note, 'channel 用完由发送方关掉，这样是安全的。', note.join('\n'))).toEqual([]);
  });
});

describe('an outcome word before a noun names a kind of thing', () => {
  it('does not read "正常channel" (a normal channel) as saying something is fine', () => {
    const note = ['ch<- (写)：nil的channel 阻塞；正常channel 成功或阻塞；已关闭channel panic'];
    expect(contradicted('说说 channel 各状态下的读写。', note, '操作 nil的channel 正常channel 已关闭channel', note.join('\n'))).toEqual([]);
  });
});
