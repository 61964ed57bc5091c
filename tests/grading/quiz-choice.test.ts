import { describe, expect, it } from 'vitest';
import { gradeOffline } from '../../src/grading/offline-grader.ts';
import { readQuizChoice } from '../../src/grading/quiz-choice.ts';

/** A quiz as notes keep them: options, the key under them as the quiz's number and letter, then why. */
const onceQuiz = [
  'A: 不能编译',
  'B: 可以编译，正确实现了单例',
  'C: 可以编译，有并发问题，f函数可能会被执行多次',
  'D: 可以编译，但是程序运行会panic',
  '4. C',
  '在多核CPU中，因为CPU缓存会导致多个核心中变量值不同步。',
  '',
  '没有使用atomic是无法保证done这个字段对所有cpu可见。所以sync.Once使用了锁和atomic',
].join('\n');
const onceQuestion = '双检查是怎么实现单例的？';

/** Another note's format: the key as 答案, bold, and options that differ only in a number. */
const channelQuiz = [
  'A: 不能编译',
  'B: 一段时间后总是输出 #goroutines: 1',
  'C: 一段时间后总是输出 #goroutines: 2',
  'D: panic',
  '**答案：C**',
  '因为 ch 未初始化，写和读都会阻塞，之后被第一个协程重新赋值，导致写的 ch 都阻塞。',
].join('\n');
const channelQuestion = '下面这段 channel 代码运行一段时间后输出什么？';

const choice = (question: string, note: string, answer: string) => readQuizChoice(question, [note], answer)?.choice;
const grade = (question: string, note: string, answer: string) =>
  gradeOffline({ question, answer, references: [{ source: 'quiz.md', heading: question, text: note }] }).grade;

describe('which option of a quiz an answer picks', () => {
  it('reads a letter after 选 / 答案是 / 是, or opening the answer, and the key in either format', () => {
    expect(choice(onceQuestion, onceQuiz, '选 C，因为 done 没用 atomic。')).toBe('agree');
    expect(choice(onceQuestion, onceQuiz, 'C。多核下 done 的值不同步。')).toBe('agree');
    expect(choice(onceQuestion, onceQuiz, '答案是B')).toBe('disagree');
    expect(choice(onceQuestion, onceQuiz, 'B 吧，加了锁应该没问题。')).toBe('disagree');
    expect(choice(channelQuestion, channelQuiz, 'I think the answer is C, since ch starts nil.')).toBe('agree');
    expect(choice(channelQuestion, channelQuiz, '应该是 B')).toBe('disagree');
  });

  it('reads an option said in its own words, and not one that is denied', () => {
    expect(choice(onceQuestion, onceQuiz, '能编译，但有并发问题，f 可能被执行多次。')).toBe('agree');
    expect(choice(onceQuestion, onceQuiz, '能编译，也能正确实现单例。')).toBe('disagree');
    // "不会 panic" says nothing for option D, and "不是 B" rules B out before C is chosen.
    expect(choice(onceQuestion, onceQuiz, '不会 panic，但是有并发问题，f 会执行多次。')).toBe('agree');
    expect(choice(onceQuestion, onceQuiz, '不是B，是C')).toBe('agree');
    expect(choice(channelQuestion, channelQuiz, '一段时间后总是输出 2，第一个协程重新赋值了 ch。')).toBe('agree');
  });

  it('reads a key written as the note writes it as the choice, whatever options are copied above it', () => {
    expect(choice(onceQuestion, onceQuiz, onceQuiz)).toBe('agree');
    expect(choice(onceQuestion, onceQuiz, onceQuiz.replace('4. C', '4. B'))).toBe('disagree');
    // Said in one breath, the key is a sentence of its own.
    expect(choice(onceQuestion, onceQuiz, '嗯，A: 不能编译。B: 可以编译，正确实现了单例。C: 可以编译，有并发问题。4. C。因为 done 没用 atomic。')).toBe('agree');
  });

  it('calls several options named without one chosen a recital', () => {
    expect(choice(onceQuestion, onceQuiz, 'A 不能编译；B 可以编译，正确实现了单例；C 可以编译，有并发问题，f函数可能会被执行多次；D 可以编译，但是程序运行会panic')).toBe('recited');
    expect(choice(onceQuestion, onceQuiz, '可能是B也可能是C')).toBe('recited');
  });

  it('reads nothing when the note is no quiz, or the answer picks no option ("C++", "A 协程")', () => {
    expect(readQuizChoice(onceQuestion, ['A: 一种说法\nB: 另一种说法'], '选 B')).toBeUndefined();
    expect(choice(onceQuestion, onceQuiz, '这和 C++ 里的双检查锁一样，要用内存屏障。')).toBeUndefined();
  });
});

describe('grading a quiz', () => {
  it('never makes an option the key rules out a key point', () => {
    const points = grade(onceQuestion, onceQuiz, '选 C').keyPoints.map((point) => point.text).join('\n');
    expect(points).toContain('有并发问题');
    expect(points).not.toMatch(/正确实现了单例|程序运行会panic|不能编译/u);
  });

  it('gives nothing for reciting the options or picking a wrong one, and says why', () => {
    const recited = grade(onceQuestion, onceQuiz, 'A 不能编译；B 可以编译，正确实现了单例；C 可以编译，有并发问题，f函数可能会被执行多次；D 可以编译，但是程序运行会panic');
    expect(recited.score).toBeLessThanOrEqual(1);
    expect(recited.feedback).toContain('没有选定其中一个');
    const wrong = grade(onceQuestion, onceQuiz, '选B，可以编译，双检查加了锁，正确实现了单例。');
    expect(wrong.score).toBeLessThanOrEqual(1);
    expect(wrong.feedback).toContain('选的选项和笔记里的答案不一样');
  });

  it('credits the right letter alone with the keyed point, and the why with the rest', () => {
    const bare = grade(onceQuestion, onceQuiz, 'C');
    expect(bare.score).toBeGreaterThanOrEqual(3);
    expect(bare.score).toBeLessThan(6);
    expect(bare.keyPoints.find((point) => point.text.includes('有并发问题'))?.covered).toBe('yes');
    expect(bare.feedback).not.toContain('没有一条能和笔记里的要点对上');
    const explained = grade(onceQuestion, onceQuiz, '选 C：能编译，但有并发问题，f 可能执行多次。多核下 CPU 缓存让 done 的值在各核之间不同步，没用 atomic 就保证不了可见性，所以 sync.Once 里用的是锁加 atomic。');
    expect(explained.score).toBeGreaterThanOrEqual(8.5);
  });
});

describe('a quiz typed in whole, its options in the question', () => {
  const asked = `${onceQuestion}\nA: 不能编译\nB: 可以编译，正确实现了单例\nC: 可以编译，有并发问题，f函数可能会被执行多次\nD: 可以编译，但是程序运行会panic`;

  it('takes the right letter alone as the conclusion, the keyed point being all the question\'s words', () => {
    expect(readQuizChoice(asked, [onceQuiz], 'C')?.shown).toBe(true);
    const bare = grade(asked, onceQuiz, '选 C');
    expect(bare.score).toBeGreaterThanOrEqual(3);
    expect(bare.score).toBeLessThan(7);
    expect(grade(asked, onceQuiz, '选B').score).toBeLessThanOrEqual(1);
    expect(grade(asked, onceQuiz, '选 C：多核下 CPU 缓存让 done 的值在各核之间不同步，没用 atomic 就保证不了可见性，所以 sync.Once 用锁加 atomic。').score).toBeGreaterThanOrEqual(8);
  });
});
