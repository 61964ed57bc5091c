import { describe, expect, it } from 'vitest';
import { frameOf } from '../../src/grading/claim-reading.ts';

describe('the frame a sentence sets for its claim (claim-reading.ts frameOf)', () => {
  it('reads 在…中/里/下/上 that opens a clause', () => {
    expect(frameOf('在顺序表中，频繁插入删除时需要移动大量元素')).toBe('顺序表');
    expect(frameOf('顺序表要移动元素，而在链表中，只需修改前驱节点的指针')).toBe('链表');
    expect(frameOf('在 http2 中由于多路复用，请求可以并行')).toBe('http2');
    expect(frameOf('在内核态下，才能执行特权指令')).toBe('内核态');
  });

  it('reads 对于… that opens a clause', () => {
    expect(frameOf('对于写操作，先写主库')).toBe('写操作');
    expect(frameOf('对于写操作来说，先写主库')).toBe('写操作');
  });

  it('reads no frame in a place named inside a clause, which is what the clause claims', () => {
    expect(frameOf('save是在主线程中写入RDB文件，会造成阻塞')).toBeUndefined();
    expect(frameOf('这个方案对于写操作，先写主库')).toBeUndefined();
    expect(frameOf('链式存储结构插入删除时不需要移动元素')).toBeUndefined();
  });
});
