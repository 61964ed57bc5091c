import { describe, expect, it } from 'vitest';
import { contradictedIn } from './contradicted-in.ts';

// corpus/cpp-backend-projects-and-internship.md, 一致性哈希.
const ring = '- 将hash值组织成一个抽象的环，hash环，节点在环上，数据映射到环上，顺时针存到节点中，引入虚拟节点避免数据分布不均';
const asked = '一致性哈希里，节点和数据是怎么放到环上的？一个 key 最后会落到哪台节点上？';

describe('a direction said the other way (opposite-directions.ts)', () => {
  it('reads 逆时针 against the note\'s 顺时针 in a sentence about the same matter', () => {
    expect(contradictedIn(asked, ring, '一个 key 是从它的位置逆时针往回找，找到的第一个节点就是它的归属，也就是存到它前面那个节点上。')).toEqual([ring.slice(2)]);
  });

  it('leaves the note\'s direction, and a direction of something else, alone', () => {
    expect(contradictedIn(asked, ring, '数据映射到环上以后，顺时针找到的第一个节点就是它存的地方。')).toEqual([]);
    expect(contradictedIn(asked, ring, '虚拟节点让分布更均匀；我们的日志文件按时间降序展示。')).toEqual([]);
  });

  it('reads an order said the other way: 降序 against 升序', () => {
    const index = '- B+树的叶子节点按键值升序排列，并用指针串成链表，方便范围查询。';
    expect(contradictedIn('B+树的叶子节点有什么特点？', index, '叶子节点是按键值降序排列的，用链表串起来。')).toEqual([index.slice(2)]);
  });

  it('reads growing from low addresses to high against the note\'s high to low, in either language', () => {
    // After corpus/go-mysql-redis-ecommerce-qa.md, the heap's bitmap (whose note says it in a sentence about a figure).
    const bitmap = '- bitmap的高地址部分指向arena区域的低地址部分，bitmap的地址是由高地址向低地址增长的。';
    const question = 'Go 早期的堆布局里，bitmap 区的地址是怎么增长的？';
    expect(contradictedIn(question, bitmap, 'bitmap 跟 arena 一样是从 low address 往 high address 增长的。')).toEqual([bitmap.slice(2)]);
    expect(contradictedIn(question, bitmap, 'bitmap 是从低地址往高地址长的。')).toEqual([bitmap.slice(2)]);
    expect(contradictedIn(question, bitmap, 'bitmap 是反着长的，从 high address 往 low address 增长。')).toEqual([]);
  });
});
