import { describe, expect, it } from 'vitest';
import { finishCards } from '../../src/ingest/card-bank.ts';
import { parseNote } from '../../src/ingest/markdown-parser.ts';

const fence = '```';
/** A note of numbered code quizzes: the first marked by a heading, the second by a bare "9 defer" line. */
const quizNote = [
  '# 3 互斥锁的重入',
  `${fence}go`,
  'func main() {',
  '\tvar mu sync.Mutex',
  '\tmu.Lock()',
  '\tmu.Lock()',
  '}',
  fence,
  'A: 不能编译',
  'B: 正常退出',
  'C: 死锁，fatal error',
  'D: panic',
  '3. C',
  'Go 的互斥锁不可重入，同一个协程第二次加锁会一直等待。',
  '',
  '9 defer',
  `${fence}go`,
  'func main() {',
  '\tfor i := 0; i < 3; i++ {',
  '\t\tdefer fmt.Print(i)',
  '\t}',
  '}',
  fence,
  'A: 012',
  'B: 210',
  'C: 333',
  'D: 不能编译',
  '9. B',
  'defer 按后进先出的顺序执行，循环变量在 defer 注册时已经求值。',
  '',
].join('\n');

const cardsOf = (markdown: string) => finishCards(parseNote('quiz.md', markdown));

describe('numbered code quizzes', () => {
  it('starts a quiz whose marker lacks its dot as its own item, with its code, options and explanation', () => {
    const cards = cardsOf(quizNote);
    const mutex = cards.find((card) => card.question.includes('互斥锁'));
    const deferQuiz = cards.find((card) => card.question.includes('defer'));
    expect(mutex?.reference).not.toContain('9 defer');
    expect(mutex?.reference).not.toContain('后进先出');
    expect(mutex?.keyPoints.map((point) => point.text).join('\n')).not.toContain('defer');
    expect(deferQuiz?.lines).toEqual({ start: 16, end: 29 });
    // Both quizzes carry their code: the question is about it, however the quiz's title reads.
    expect(mutex?.code).toContain('mu.Lock()');
    expect(`${deferQuiz?.code}\n${deferQuiz?.reference}`).toContain('defer fmt.Print(i)');
    expect(deferQuiz?.reference).toContain('A: 012');
    expect(deferQuiz?.reference).toContain('后进先出');
    // The options are asked with the code, or the candidate is asked to choose among options never shown.
    expect(deferQuiz?.code).toContain('- A: 012\n- B: 210\n- C: 333\n- D: 不能编译');
    expect(mutex?.code?.indexOf('mu.Lock()')).toBeLessThan(mutex?.code?.indexOf('- C: 死锁，fatal error') ?? -1);
  });

  it('takes only the keyed option as a key point, never the options it rules out', () => {
    const points = cardsOf(quizNote).flatMap((card) => card.keyPoints.map((point) => point.text));
    // A short option rides with the explanation below it ("B: 210； defer 按后进先出…").
    expect(points.some((point) => point.includes('B: 210'))).toBe(true);
    expect(points.filter((point) => /A: 012|C: 333|不能编译|正常退出|panic/.test(point))).toEqual([]);
  });

  it('leaves prose that opens with a number, numbered steps above a snippet, and practice lists where they are', () => {
    const note = [
      '# Redis 持久化',
      'RDB 做快照，AOF 记录写命令。',
      '4.0+ 混合持久化',
      `${fence}`,
      'aof-use-rdb-preamble yes',
      fence,
      '2 个线程同时写 AOF 缓冲区时要加锁',
      `${fence}`,
      'appendfsync everysec',
      fence,
      '',
      '# 安装',
      '1 下载',
      `${fence}`,
      'curl -LO https://go.dev/dl/go1.22.linux-amd64.tar.gz',
      fence,
      '2 解压',
      `${fence}`,
      'tar -C /usr/local -xzf go1.22.linux-amd64.tar.gz',
      fence,
      '',
      '# 刷题',
      '100 leetcode54 螺旋矩阵',
      `${fence}`,
      'func spiralOrder(matrix [][]int) []int',
      fence,
      '',
    ].join('\n');
    expect(parseNote('note.md', note).map((card) => card.headingPath.at(-1))).toEqual(['Redis 持久化', '安装', '刷题']);
  });
});

describe('an item that answers "like the previous question"', () => {
  const note = [
    '## 下面代码输出什么？',
    `${fence}go`,
    'var p *Pet',
    'var a Animal = p',
    'fmt.Println(a == nil)',
    fence,
    '**解析：**',
    '',
    '输出 false。接口值由类型和值两部分组成，Animal 里存了类型 *Pet 和一个 nil 指针，类型不为空，所以接口不等于 nil。',
    '',
    '## 下面代码输出什么？（二）',
    `${fence}go`,
    'var a Animal',
    'fmt.Println(a == nil)',
    fence,
    '**解析：**',
    '',
    '跟上一题一样，不同的是 Animal 没有赋值，类型和值都为空，所以输出 true。',
    '',
  ].join('\n');

  it('gets the gist of the previous answer, so it is graded against an answer', () => {
    const second = cardsOf(note).find((card) => card.question.includes('二'));
    expect(second?.reference).toContain('跟上一题一样');
    expect(second?.reference).toContain('接口值由类型和值两部分组成');
    expect(second?.keyPoints.map((point) => point.text).join('\n')).toContain('接口值由类型和值两部分组成');
  });

  it('gets nothing from a previous item about something else (the one it means was left out of the note)', () => {
    const unrelated = note.replace(/var p \*Pet\nvar a Animal = p\nfmt.Println\(a == nil\)/, 'm := map[string]int{}\ngo write(m)\nread(m)').replace(/输出 false。.*$/m, 'map 并发读写不安全，会报 concurrent map read and map write。');
    const second = cardsOf(unrelated).find((card) => card.question.includes('二'));
    expect(second?.reference).not.toContain('concurrent map');
  });
});
