/**
 * Choices a question asks for ("拿到的连接是处于半连接还是全连接状态？"): the alternative the note picks is the
 * conclusion, and an answer that picks the other one ("accept 是从半连接队列里取连接的") gets the question wrong
 * however many of the note's words it repeats. Each text's pick is its first clause that names exactly one
 * of the two alternatives together with something else the question asks about (accept, 状态), so a clause
 * that only describes the other alternative on the way ("SYN 来了先放半连接队列") picks nothing; a denied
 * alternative ("不是半连接") picks the other.
 */
import { clauseEnd } from '../text/clause-marks.ts';
import { normaliseText } from '../text/tokenizer.ts';
import { inNote } from './note-subjects.ts';
import { negationScopeTexts } from './statements.ts';
import { wordUnits } from './text-analysis.ts';

/**
 * "A 还是 B": the words on either side, up to a clause boundary or a framing word. Not 还是 as "still" before a verb or an
 * adverb ("改了文件前端还是看到旧版本，这算不算 bug？"), which offers no choice.
 */
const choice = /([a-z0-9_\u4e00-\u9fff]{2,})还是(?!看到|会|能|可以|要|在|有|没|不|得|照样|需要|可能|只|很|都|被)([a-z0-9_\u4e00-\u9fff]{2,})/u;

/** The two alternatives: the longest ends of the two sides that the note names (半连接 / 全连接 of "处于半连接" / "全连接状态"). */
function alternatives(question: string, reference: string): [string, string] | undefined {
  const asked = normaliseText(question).replace(/\s+/g, '');
  const match = choice.exec(asked);
  if (!match) return undefined;
  // A choice the question sets aside is not asked: 「除了决定变量放栈上还是堆上，跟锁有没有关系？」 asks about locks.
  const clause = asked.slice(0, match.index + match[1]!.length).split(clauseEnd).at(-1) ?? '';
  if (/除了|除去/u.test(clause)) return undefined;
  const note = normaliseText(reference).replace(/\s+/g, '');
  let left = inNote(match[1]!, 'end', note);
  let right = inNote(match[2]!, 'start', note);
  // A note often names only the alternative it picks ("全连接", and 连接 alone): the other is the question's word of the same length.
  const piece = (side: string, length: number, fromEnd: boolean) => {
    const characters = Array.from(side);
    return characters.length >= length ? (fromEnd ? characters.slice(-length) : characters.slice(0, length)).join('') : undefined;
  };
  if (right && (!left || right.includes(left))) left = piece(match[1]!, Array.from(right).length, true);
  else if (left && (!right || left.includes(right))) right = piece(match[2]!, Array.from(left).length, false);
  if (!left || !right || left === right || left.includes(right) || right.includes(left)) return undefined;
  return [left, right];
}

/** The alternative a text picks, or undefined. `asked` are the question's other words. */
function pickOf(text: string, pair: readonly [string, string], asked: ReadonlySet<string>): 0 | 1 | undefined {
  for (const clause of normaliseText(text).replace(/\s+/g, '').split(clauseEnd)) {
    const named = pair.filter((alternative) => clause.includes(alternative));
    if (named.length !== 1) continue;
    const units = wordUnits(clause.replaceAll(pair[0], ' ').replaceAll(pair[1], ' '));
    if (![...units.keys()].some((unit) => asked.has(unit))) continue;
    const side = pair.indexOf(named[0]!) as 0 | 1;
    const denied = negationScopeTexts(clause).some((scope) => scope.text.includes(named[0]!));
    return denied ? ((1 - side) as 0 | 1) : side;
  }
  return undefined;
}

/** 'agree' or 'disagree' when the question asks to choose between two things the note names and both texts pick one. */
export function choiceVerdict(question: string, references: readonly string[], answer: string): 'agree' | 'disagree' | undefined {
  for (const reference of references) {
    const pair = alternatives(question, reference);
    if (!pair) continue;
    // What else the choice's own sentence asks about (accept, 状态), not the question's other asks, nor pieces of the alternatives (连接).
    const sentence = normaliseText(question).replace(/\s+/g, '').split(/[？?。！!\n]/u).find((part) => part.includes(pair[0]) && part.includes(pair[1])) ?? '';
    const asked = new Set([...wordUnits(sentence.replaceAll(pair[0], ' ').replaceAll(pair[1], ' '))].filter(([unit, weight]) => weight >= 0.9 && !pair.some((alternative) => alternative.includes(unit))).map(([unit]) => unit));
    const expected = pickOf(reference, pair, asked);
    const given = pickOf(answer, pair, asked);
    if (expected === undefined || given === undefined) continue;
    return expected === given ? 'agree' : 'disagree';
  }
  return undefined;
}
