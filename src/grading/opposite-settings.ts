/**
 * A thing put in the opposite setting: the note says where or when something happens ("协程只发生在用户态", "这一步在运行时
 * 完成") and the answer puts the same thing in the other one ("协程的好处主要是它由操作系统内核来调度", "协程切换其实也是要进
 * 内核的"). The settings are pairs a field opposes (用户态 / 内核态, 编译期 / 运行时); the thing is what the note clause opens
 * with and the question names. A clause that names both settings, or denies anything, is not read.
 */
import { spaceless, type ClauseClash, type Statement } from './statements.ts';

/** Settings that exclude each other, each as the words that name it. */
const pairs: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/用户态|用户空间/u, /内核态?|内核空间/u],
  // Spoken, run time is when the program runs ("程序跑起来以后做的", 跑 read as 运行): after it starts, not at compile time.
  [/编译期|编译时|编译阶段|编译的时候/u, /运行时|运行期|运行阶段|运行的时候|运行起来|(?<!编译)运行(?:之后|以后)/u],
  // One variable used again each time, or a new one each time (Go's loop variable before 1.22: "stu 变量会被复用").
  [/复用|重用/u, /创建|新建|新分配/u],
];

/** A label before the claim ("上下文切换：") is not what the clause opens with. */
const label = /^[^：:，,。；;]{1,16}[：:]\s*/u;

interface Setting {
  statement: Statement;
  /** What the clause opens with, which the question names too. */
  thing: string;
  pair: number;
  /** Which of the pair's two settings the clause names. */
  side: 0 | 1;
}

/** Which of a pair of exclusive words a text names: undefined when it names both or neither. */
export function sideOf(text: string, pair: readonly [RegExp, RegExp]): 0 | 1 | undefined {
  const [first, second] = [pair[0].test(text), pair[1].test(text)];
  return first === second ? undefined : first ? 0 : 1;
}

/** The two to four characters a clause opens with, as the question writes them (协程, 线程, goroutine). */
function openingThing(text: string, question: string): string | undefined {
  const latin = /^[a-z][a-z0-9_]+/u.exec(text)?.[0];
  if (latin) return question.includes(latin) ? latin : undefined;
  for (let length = 4; length >= 2; length -= 1) {
    const opening = Array.from(text).slice(0, length).join('');
    if (/^[\u4e00-\u9fff]+$/u.test(opening) && question.includes(opening)) return opening;
  }
  return undefined;
}

function settingsOf(note: readonly Statement[], question: string): Setting[] {
  return note.flatMap((statement) => {
    if (statement.scopes.length) return [];
    const text = spaceless(statement.normalised).replace(label, '');
    const thing = openingThing(text, question);
    if (!thing) return [];
    return pairs.flatMap((pair, index) => {
      const side = sideOf(text, pair);
      return side === undefined ? [] : [{ statement, thing, pair: index, side }];
    });
  });
}

export function oppositeSettings(note: readonly Statement[], answer: readonly Statement[], question: string): ClauseClash[] {
  const compactQuestion = spaceless(question.toLowerCase());
  const found = settingsOf(note, compactQuestion);
  // A note that puts the thing in both settings ("线程需要在用户态和内核态之间…" names both; or two clauses) is not read.
  const settings = found.filter((setting) => !found.some((other) => other.thing === setting.thing && other.pair === setting.pair && other.side !== setting.side));
  if (!settings.length) return [];
  const clashes: ClauseClash[] = [];
  for (const said of answer) {
    if (said.scopes.length) continue;
    const text = spaceless(said.normalised);
    const clash = settings.find((setting) => {
      const side = sideOf(text, pairs[setting.pair]!);
      // Named by the clause, before its setting, and no other thing the note sets is named with it.
      const at = text.indexOf(setting.thing);
      const others = found.some((other) => other.thing !== setting.thing && text.includes(other.thing));
      return side !== undefined && side !== setting.side && at >= 0 && !others;
    });
    if (clash) clashes.push({ said, notes: clash.statement });
  }
  return clashes;
}
