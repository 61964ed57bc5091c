import { describe, expect, it } from 'vitest';
import { looksLikeBagOfWords } from '../../src/grading/non-answers.ts';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';

const question = 'Go 里哪些类型是值类型，哪些是引用类型？';
const note = `值类型分别有：int系列、float系列、bool、string、数组和结构体。
引用类型有：指针、slice切片、管道channel、接口interface、map、函数等。
值类型的特点是变量直接存储值，内存通常在栈中分配；引用类型的特点是变量存储的是一个地址，内存通常在堆中分配。`;

const score = (answer: string) => scoreAnswer({ question, answer, references: [note] }).score;

describe('bags of words', () => {
  it('reads a bag of terms or two-character fragments as one, and a separated list or a sentence as not', () => {
    expect(looksLikeBagOfWords('slice 值类型 string map 数组 引用类型 channel 结构体 bool 指针')).toBe(true);
    expect(looksLikeBagOfWords('单线 程简 单避 免死 锁数 据竞 争效 率高')).toBe(true);
    expect(looksLikeBagOfWords('全双 工有 状态 长连 接请 求响 应无 状态')).toBe(true);
    expect(looksLikeBagOfWords('FIFO、LFU、LRU、TTL、Random')).toBe(false);
    expect(looksLikeBagOfWords('FIFO\nLFU\nLRU\nTTL\nRandom')).toBe(false);
    expect(looksLikeBagOfWords('值类型有 int float bool string 数组 结构体')).toBe(false);
  });

  it('keeps a bag of the note\'s own names low even when the note is a list of names', () => {
    const bag = score('slice 值类型 string map 数组 引用类型 channel 结构体 bool 指针 interface int 函数 float');
    expect(bag).toBeLessThanOrEqual(1.5);
    const grouped = score('值类型有 int、float、bool、string、数组和结构体；引用类型有指针、slice、channel、interface、map 和函数。值类型直接存值，一般在栈上；引用类型存的是地址，一般在堆上。');
    expect(grouped).toBeGreaterThanOrEqual(7);
  });
});
