import { describe, expect, it } from 'vitest';
import { gradeOffline } from '../../src/grading/offline-grader.ts';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';
import { listedVerdicts, yesNoAsks } from '../../src/grading/listed-verdicts.ts';

// The note answers two yes/no asks with a bare list (corpus/os-network-k8s-microservices.md, "goroutine 里面 panic 了会怎么样").
const question = '一个 goroutine 里 panic 了会怎么样？会不会影响其他 goroutine？能不能在别的 goroutine 里 recover？';
const note =
  '假设我们现在有2个协程，我们叫它们协程A和B好了：\n\n- 如果协程A发生了panic，协程B是否会因为协程A的panic而挂掉？\n- 如果协程A发生了panic，协程B是否能用recover捕获到协程A的panic？\n\n答案分别是：会、不能。\n\n**哪个协程发生了panic，我们就需要在哪个协程recover**\n';
const score = (answer: string, asked = question, reference = note) => scoreAnswer({ question: asked, answer, references: [reference] });
const verdictPoint = (answer: string, asked = question, reference = note) => score(answer, asked, reference).points.find((point) => /会、不能|不能。$/u.test(point.spec.text))!;

describe('a note point that lists verdicts, and the asks it answers', () => {
  it('reads the list with or without its label, and the asks in question order', () => {
    expect(listedVerdicts('答案分别是：会、不能。')).toEqual(['yes', 'no']);
    expect(listedVerdicts('结论依次为：是，不是，有')).toEqual(['yes', 'no', 'yes']);
    expect(listedVerdicts('会影响其他协程')).toBeUndefined();
    expect(yesNoAsks(question).map((ask) => ask.keys)).toEqual([['影响'], ['recover']]);
  });
});

describe('grading listed verdicts', () => {
  it('covers the point for the right verdicts said bare (scored 0 before)', () => {
    const right = score('会影响，不能。哪个 goroutine 可能 panic，就在哪个 goroutine 里 defer + recover。');
    expect(right.flags).toContain('right-verdict');
    expect(right.score).toBeGreaterThanOrEqual(5);
    expect(verdictPoint('会影响其他协程，不能。哪个协程会 panic，就在哪个协程里 defer 一个 recover。').coverage.recall).toBe(1);
  });

  it('covers it for the verdicts said in spoken clauses: "会受影响", "拿不到" (scored 1.1 before)', () => {
    const spoken =
      '一个 goroutine panic 了如果自己没 recover，整个进程崩掉，其他 goroutine 也一起没了，所以 B 会受影响。而 recover 只能捕获当前 goroutine 里的 panic，B 里写 recover 是拿不到 A 的 panic 的。';
    expect(score(spoken).flags).toContain('right-verdict');
    expect(score(spoken).score).toBeGreaterThanOrEqual(7);
    expect(score('会的。不能。').flags).toContain('right-verdict');
  });

  it('gives half the point for one ask answered right and the other not at all', () => {
    expect(verdictPoint('整个程序都会退出；B 也无法 recover A 的 panic。').coverage.recall).toBe(0.5);
  });

  it('marks the point wrong, and the verdict, for a verdict against the note', () => {
    const wrong = score('不会影响，能在别的 goroutine 里 recover，主 goroutine 兜住就行。');
    expect(wrong.flags).toContain('wrong-verdict');
    expect(wrong.score).toBeLessThanOrEqual(1);
    expect(verdictPoint('不会影响，能在别的 goroutine 里 recover。').wrong?.said).toBe('不会影响');
    const card = gradeOffline({ question, answer: '会影响。主 goroutine 里 defer 一个 recover 就能兜住所有子 goroutine 的 panic。', references: [{ source: 'go.md', heading: 'goroutine 里面 panic 了会怎么样', text: note }] }).grade;
    expect(card.feedback).toContain('你说「主goroutine里defer一个recover就能兜住');
  });

  it('credits the note given as the answer with its own list', () => {
    const self = score('哪个协程发生了panic，我们就需要在哪个协程recover；答案分别是：会、不能。');
    expect(self.flags).toContain('right-verdict');
    expect(self.points.every((point) => !point.wrong)).toBe(true);
  });

  it('reads a single verdict when the question has one ask', () => {
    const asked = '在 defer 之外调用 recover，能不能捕获到 panic？';
    // The short verdict line joins the next paragraph in one point: its sentence is still read.
    const reference = '答：不能。\n\nrecover 只有在 defer 调用的函数中直接调用才有效，在其他地方调用只会返回 nil，panic 会继续向上传播直到程序崩溃。';
    expect(score('不能，recover 只在 defer 的函数里直接调用才有效。', asked, reference).flags).toContain('right-verdict');
    expect(score('能，在哪里调用 recover 都能捕获到 panic。', asked, reference).flags).toContain('wrong-verdict');
  });
});

describe('a note that asks its own yes/no questions before listing the verdicts', () => {
  // The card's question asks neither: the note poses them, and the list answers the note's.
  const asked = 'goroutine 里面 panic 了会怎么样';
  const wrong = '一个协程 panic 只会让它自己退出，其他协程不受影响，主协程里 recover 一下就能把子协程的 panic 捕获住。';
  const right = '如果一个协程 panic 了又没 recover，整个程序都会崩掉，别的协程也跟着没了。而且别的协程是 recover 不到它的 panic 的，只能在发生 panic 的那个协程里 defer recover。';

  it('reads the note\'s asks, so recovering another goroutine\'s panic is the wrong verdict (it had scored 7.9)', () => {
    expect(score(wrong, asked).flags).toContain('wrong-verdict');
    expect(score(wrong, asked).score).toBeLessThanOrEqual(1);
  });

  it('leaves a right answer that gives no verdict the note\'s words can read as it was', () => {
    expect(score(right, asked).flags).not.toContain('wrong-verdict');
    expect(score(right, asked).score).toBeGreaterThanOrEqual(7);
  });
});
