/**
 * Order of steps. A note that says "先写 redo log（prepare），再写 binlog" and an answer that says
 * "先写 binlog，再写 redo" share every word; only the order differs. Both texts are cut into steps
 * at order words (先/再/然后/之后/最后/→, first/then/after), "X 在 Y 之后" is read as Y then X, and each
 * pair of the note's step terms that the answer puts the other way round is a reversal.
 */
import { memoByText } from './grading-memo.ts';
import { profileText } from './text-analysis.ts';

/** Words and arrows that end one step and start the next. */
const stepBreak =
  /->|→|=>|⇒|，?(?:然后|接着|随后|之后|以后|再|最后|最终|接下来|才)|[;；]|\b(?:then|after that|afterwards|next|finally|before that)\b/giu;
/** Order words: without them a text lists things, it does not sequence them. 才 is matched before its lookbehind, which would otherwise run at every character. */
const ordered = /先(?!后)|然后|才(?<=先[^。；;]{1,40}才)|接着|随后|之后|以后|再|最后|最终|->|→|=>|\bthen\b|\bfirst\b|\bafter\b|\bbefore\b|\bfinally\b/giu;
/** "X 在 Y 之后…": Y happens first. */
const afterPattern = /([^，,。；;]{2,24}?)在([^，,。；;]{2,24}?)(?:之后|以后)/gu;
const beforePattern = /([^，,。；;]{2,24}?)在([^，,。；;]{2,24}?)(?:之前|以前)/gu;

/**
 * 在 typed for 再, the commonest slip of Chinese notes: after a clause with 先, "，在通过消息通知异步扣减DB库存" is the next
 * step, not a place, when nothing in its clause ends the place (在…中/里/上/下/时/后/前).
 */
const misspeltThen = /(先[^，,。；;\n]{1,40}[，,]\s*)在(?![^，,。；;\n]*?(?:中|里|上|下|内|时|后|前|之))/gu;
export const withThenSpelt = (text: string): string => text.replace(misspeltThen, '$1再');

/** A text that sequences steps: two order words at least ("先…再…", "A → B → C"). */
export function isSequenced(text: string): boolean {
  return (withThenSpelt(text).match(ordered) ?? []).length >= 2;
}

/** The first and last step a unit appears in. */
type StepSpan = readonly [first: number, last: number];

/** Characters either side of a unit that tell the action it names from a participant named in several actions. */
const contextCharacters = 2;

/** The characters around a unit's first mention in a step, or undefined when it is not written as is (a stemmed English word). */
function contextOf(step: string, unit: string): string | undefined {
  const at = step.indexOf(unit);
  return at < 0 ? undefined : `${step.slice(Math.max(0, at - contextCharacters), at)}|${step.slice(at + unit.length, at + unit.length + contextCharacters)}`;
}

/**
 * The steps each unit appears in, after "X 在 Y 之后" is rewritten as "Y → X". A unit in several steps places none
 * of them when it names a participant (日志, leader, "发送给follower" and "follower日志持久化"); one that repeats
 * the same action in the same words keeps its place: "…日志条目追加到自己的日志中" said of the leader in one step
 * and of the followers in the next is still before "应用到状态机" in the last.
 */
function stepsOf(text: string): Map<string, StepSpan> {
  const rewritten = withThenSpelt(profileText(text).text)
    .replace(afterPattern, (_, later: string, earlier: string) => `${earlier} → ${later}`)
    .replace(beforePattern, (_, earlier: string, later: string) => `${earlier} → ${later}`);
  const steps = new Map<string, StepSpan>();
  const contexts = new Map<string, string | undefined>();
  const participants = new Set<string>();
  rewritten.split(stepBreak).forEach((whole, index) => {
    const step = whole.replace(timeFrame, ' ');
    if (!step.trim()) return;
    for (const unit of profileText(step).units.keys()) {
      const context = contextOf(step, unit);
      const known = steps.get(unit);
      if (known && known[1] !== index && (context === undefined || context !== contexts.get(unit))) participants.add(unit);
      if (!known) contexts.set(unit, context);
      steps.set(unit, [known?.[0] ?? index, index]);
    }
  });
  for (const unit of participants) steps.delete(unit);
  return steps;
}

/**
 * A clause that only says when the steps run ("当数据落盘的时候，", "到了要落盘的时候，") is no step: read as one, its words
 * (数据) came before the note's swap and after the answer's, which said the same order in other words.
 */
const timeFrame = /(?:^|(?<=[，,。]))\s*(?:当|在|等到|到了)?[^，,。；;]{1,20}?的?时候\s*[，,]/gu;

/** Which of two units' steps comes first: 1 when all of a's come before all of b's, -1 the other way round, 0 when they interleave. */
function orderOf(a: StepSpan, b: StepSpan): number {
  if (a[1] < b[0]) return 1;
  if (b[1] < a[0]) return -1;
  return 0;
}

/** A note's steps (read-only): the same note is compared with every sequenced sentence of every answer. */
const stepsOfNote = memoByText(stepsOf, 1024);

/** Units that name a step: specific enough that their order means something. */
function stepTerm(unit: string, weight: number): boolean {
  return weight >= 1 && !unit.startsWith('$');
}

export interface OrderComparison {
  /** Weight of unit pairs the answer orders as the note does. */
  agreeing: number;
  /** Weight of unit pairs the answer orders the other way round. */
  reversed: number;
  /** A reversed pair, for feedback: [what the note has first, what it has second]. */
  example?: [string, string];
}

/**
 * Compares the order of the units both texts sequence. Units the question names and pairs whose steps
 * interleave in either text (a unit in one step with the other, 日志 or leader said all along) say nothing about order.
 */
export function compareOrder(note: string, answer: string, ignored: ReadonlySet<string>): OrderComparison {
  const noteSteps = stepsOfNote(note);
  const answerSteps = stepsOf(answer);
  const weights = profileText(answer).units;
  const shared = [...answerSteps.keys()].filter((unit) => noteSteps.has(unit) && !ignored.has(unit) && stepTerm(unit, weights.get(unit) ?? 0));
  // The units of one word ("扣减记录" gives 扣减, 减记, 记录) sit in the same steps of both texts: they are one term, and a
  // pair of terms is one pair, so a long word does not outvote a short one ("Redis") however its order goes.
  const terms = new Map<string, { unit: string; weight: number }>();
  for (const unit of shared) {
    const placement = `${noteSteps.get(unit)!.join(',')}|${answerSteps.get(unit)!.join(',')}`;
    const term = terms.get(placement);
    if (term) term.weight += weights.get(unit) ?? 0;
    else terms.set(placement, { unit, weight: weights.get(unit) ?? 0 });
  }
  const representatives = [...terms.values()];
  const result: OrderComparison = { agreeing: 0, reversed: 0 };
  for (let i = 0; i < representatives.length; i += 1) {
    for (let j = i + 1; j < representatives.length; j += 1) {
      const a = representatives[i]!;
      const b = representatives[j]!;
      const inNote = orderOf(noteSteps.get(a.unit)!, noteSteps.get(b.unit)!);
      const inAnswer = orderOf(answerSteps.get(a.unit)!, answerSteps.get(b.unit)!);
      if (inNote === 0 || inAnswer === 0) continue;
      // A pair weighs what its lighter term does: a word against a stray character pair is little evidence.
      const weight = Math.min(a.weight, b.weight);
      if (inNote === inAnswer) result.agreeing += weight;
      else {
        result.reversed += weight;
        result.example ??= inNote > 0 ? [a.unit, b.unit] : [b.unit, a.unit];
      }
    }
  }
  return result;
}

/**
 * Questions about a process ("怎么同步到各个节点的"), whose note's list is a list of steps in order. A question
 * that asks what lies between a start and an end ("从产生到落到磁盘上，中间会处在哪几种状态") asks for the stages
 * in order too; "从 follower 读到…" only names a place.
 */
const asksForProcess = /流程|步骤|一步步|一步一步|过程|顺序|先后|经历|从[^。？?]{1,20}?到[^。？?]{0,20}?(?:中间|之间|经过)|(?:怎么|如何|怎样)(?:进行|同步|复制|传播|执行|运行|工作|完成|实现)|\bsteps?\b|\bprocess\b|\border\b/iu;
/** Whether a question asks for a process or an order, so the order of its steps is what it asks about. */
export function asksForOrder(question: string): boolean {
  return asksForProcess.test(question);
}

/** A question that asks when in a process a thing happens ("服务端什么时候进入 SYN_RECEIVED？") asks where it is in the order. */
export const asksWhen = (question: string): boolean => /什么时候|何时|\bwhen\b/iu.test(question);

/** Words that place one thing before or after another ("binlog 在 prepare 之前", "先…再…"). */
const placesInOrder = /之前|之后|以前|以后|先(?!进|入|出)|然后|再|最后|\bbefore\b|\bafter\b|\bthen\b|\bfirst\b/iu;

/** Whether a clause states an order. */
export function statesOrder(text: string): boolean {
  return placesInOrder.test(text);
}

/** A line that introduces the list below it as steps ("通过匿名管道实现进程间通信的步骤如下："). */
const introducesSteps = /步骤|流程|过程|顺序|\bsteps?\b/iu;
const listItem = /^\s*(?:\d+(?:\.\d+)+\.?|\d+[.、)）]|[-*+])\s+(.+)$/u;
/** An outline number's depth: "1." is 1, "1.1" is 2; 0 for any other item. */
const outlineDepth = (line: string): number => /^\s*(\d+(?:\.\d+)*)[.、)）]?\s/u.exec(line)?.[1]?.split('.').length ?? 0;

/**
 * Lists of the reference that are steps: three items or more, introduced as steps, or any list when
 * the question asks for a process ("go build 背后经历了哪些步骤" → 1. 解析包导入 2. 依赖包的编译 …). Each
 * is returned as one sequenced text ("a → b → c").
 */
export function listedSteps(reference: string, question: string): string[] {
  const runs: string[] = [];
  let items: string[] = [];
  let numbered = true;
  let introduced = false;
  const close = () => {
    // Two numbered items are steps too when the question asks for a process ("1. Reflector … 2. controller …").
    if (items.length >= (numbered ? 2 : 3) && (introduced || asksForProcess.test(question) || asksWhen(question))) runs.push(items.join(' → '));
    items = [];
    numbered = true;
  };
  let depth = 0;
  for (const line of reference.split('\n')) {
    if (!line.trim()) continue;
    const item = listItem.exec(line);
    if (item) {
      // An outline's "1. 写路径（按顺序）" over "1.1 先追加写 WAL", "1.2 再写内存 MemTable" introduces its sub-items as a
      // heading does, and "2. 读路径" after them starts another list.
      const itemDepth = outlineDepth(line);
      if (itemDepth && depth && itemDepth !== depth) {
        const parent = itemDepth > depth ? items.pop() : undefined;
        close();
        introduced = parent !== undefined && introducesSteps.test(parent);
      }
      depth = itemDepth;
      items.push(item[1]!);
      numbered &&= /^\s*\d/u.test(line);
      continue;
    }
    depth = 0;
    close();
    introduced = introducesSteps.test(line);
  }
  close();
  return runs;
}
