import { describe, expect, it } from 'vitest';
import { contradictedIn } from './contradicted-in.ts';

// corpus/image-service-project-qa.md, c++虚函数的底层.
const vtable = `- 每一个有虚函数的类（或者说，每一个多态的类）都有一个对应的虚函数表。
- 这个表是一个存储函数指针的数组，这些函数指针指向类的虚函数。
- 每一个类的对象都有一个指向虚函数表的指针，这个指针通常是在对象的内存布局的开始位置。`;
const asked = 'C++ 的虚函数表是每个类一张，还是每个对象一张？对象里面放的又是什么？';

describe('what each one of something has, said of the other unit (per-unit-ownership.ts)', () => {
  it('reads the table given to each object against the note giving it to each class', () => {
    expect(contradictedIn(asked, vtable, '虚函数表是每个对象一张的，对象创建的时候会把虚函数的地址拷一份放在对象里面。')).toEqual([expect.stringContaining('都有一个对应的虚函数表')]);
    expect(contradictedIn(asked, vtable, '虚函数表是每个对象各有一份完整的。')).toEqual([expect.stringContaining('都有一个对应的虚函数表')]);
  });

  it('leaves the note\'s own pairing alone', () => {
    expect(contradictedIn(asked, vtable, '每个有虚函数的类都有自己的一张虚函数表，每个对象有一个虚表指针，放在对象内存布局的开头。')).toEqual([]);
  });

  it('reads it in another note: a local queue given to each M instead of each P', () => {
    const gmp = '- 每个 P 都有一个本地队列，存放等待运行的 G。\n- 每个 M 都对应一个内核线程。';
    expect(contradictedIn('GMP 里本地队列挂在哪？', gmp, '本地队列是每个 M 一个的，M 从自己的队列里取 G。')).toEqual([expect.stringContaining('每个 P 都有一个本地队列')]);
    expect(contradictedIn('GMP 里本地队列挂在哪？', gmp, '每个 P 有一个本地队列，M 要绑定 P 才能取 G 运行。')).toEqual([]);
  });
});
