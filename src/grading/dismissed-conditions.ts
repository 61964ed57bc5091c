/**
 * A condition of the note said not to matter: the note decides the outcome on whether something happened ("如果一个事务在prepare
 * 阶段中落盘成功，并在MySQL Server层中的binlog也写入成功，那这个事务必定commit成功"), and the answer says it makes no difference
 * ("binlog写没写都无所谓", "不管binlog写没写，都直接给它提交"). Bag-of-words reads the note's own words; a negation cue reads
 * "没写" as a denial of writing, which shares too little with the note to be aligned.
 *
 * The note's clauses are read whole, suppositions included, since a condition is what is dismissed.
 * The answer's clause says whether-or-not of one verb (写没写, 够不够, 有没有写, 是否写) about a named thing, with 不管 / 无论 before
 * or 无所谓 / 没关系 / 不重要 / 都一样 after. The note's clause names the thing with that verb right after it, in a sentence that sets
 * a condition (如果, 只要, 只有, 才, 后); a note that itself says the thing does not matter is not read. The note is read whole,
 * suppositions included: a condition ("如果 key 设置了过期时间") is what the answer dismisses.
 */
import { sentenceText } from './claim-reading.ts';
import { spaceless, type ClauseClash, type Statement } from './statements.ts';

/** The thing, then whether-or-not of its verb: "binlog写没写", "cap够不够", "binlog有没有写入", "binlog是否写入". */
const whetherOrNot = /([a-z][a-z0-9_+#.\-]*|[\u4e00-\u9fff]{2,4}?)(?:也|都|到底|究竟)?(?:([\u4e00-\u9fff])[没不]\2|有没有([\u4e00-\u9fff])|是否([\u4e00-\u9fff]))/u;
const regardlessBefore = /不管|无论|不论/u;
const noDifferenceAfter = /无所谓|没关系|不重要|都一样|没区别|没差/u;
/** A sentence that makes its outcome depend on what it names. */
const condition = /如果|只要|只有|要是|假如|若|才|之后|以后|后[，,]|后$|则|必定/u;
const supposition = /如果|只要|只有|要是|假如|若/u;
/** Verbs read only as the whole word they start ("写" of 写入, 写成功). */
const verbReach = 3;

interface Dismissal {
  thing: string;
  verb: string;
}

function dismissalOf(statement: Statement, sentence: string): Dismissal | undefined {
  const text = spaceless(statement.normalised);
  const found = whetherOrNot.exec(text);
  if (!found) return undefined;
  const before = text.slice(0, found.index);
  const after = text.slice(found.index + found[0].length);
  if (!regardlessBefore.test(before) && !noDifferenceAfter.test(after) && !noDifferenceAfter.test(sentence)) return undefined;
  const thing = found[1]!.replace(/^(?:不管|无论|不论)/u, '');
  const verb = found[2] ?? found[3] ?? found[4]!;
  return Array.from(thing).length >= 2 ? { thing, verb } : undefined;
}

/** Whether the note clause names the thing with the verb right after it ("binlog也写入成功", "binlog写成功后"). */
function conditionsOn(text: string, dismissal: Dismissal): boolean {
  for (let at = text.indexOf(dismissal.thing); at >= 0; at = text.indexOf(dismissal.thing, at + 1)) {
    const next = text.slice(at + dismissal.thing.length, at + dismissal.thing.length + verbReach);
    if (next.includes(dismissal.verb)) return true;
  }
  return false;
}

export function dismissedConditions(note: readonly Statement[], answer: readonly Statement[]): ClauseClash[] {
  // Most answers say whether-or-not of nothing: the note is read only for one that does.
  const candidates = answer.filter((said) => whetherOrNot.test(spaceless(said.normalised)));
  if (!candidates.length) return [];
  const sentences = new Map(note.map((statement) => [statement.sentence, spaceless(sentenceText(note, statement.sentence))]));
  const noteText = [...sentences.values()].join('。');
  return candidates.flatMap((said) => {
    const dismissal = dismissalOf(said, sentenceText(answer, said.sentence));
    if (!dismissal) return [];
    // The note saying it does not matter itself ("它不管事务提没提交") agrees.
    if (note.some((statement) => dismissalOf(statement, statement.normalised)?.thing === dismissal.thing)) return [];
    if (!noteText.includes(dismissal.thing)) return [];
    const conditioning = note.filter((statement) => conditionsOn(spaceless(statement.normalised), dismissal) && condition.test(sentences.get(statement.sentence) ?? ''));
    // A supposition (如果, 只要) states the condition; a step's "写成功后" only orders it.
    const notes = conditioning.find((statement) => supposition.test(sentences.get(statement.sentence) ?? '')) ?? conditioning[0];
    return notes ? [{ said, notes }] : [];
  });
}
