/**
 * A direction said the other way: the note's consistent hashing stores data "顺时针存到节点中", and the answer has a key look
 * "从它的位置逆时针往回找"; an index sorted 升序 said to be 降序. The two words of a pair exclude each other and share no
 * characters the bag of words would weigh apart from the one that differs.
 *
 * Read only when the note names one side of a pair and never the other, the answer's clause names the other side alone and
 * denies nothing, and the answer's sentence shares a content word with the note's sentence (节点, 存到): the same matter.
 */
import { sharesContentWord } from './opposite-measures.ts';
import { sideOf } from './opposite-settings.ts';
import { sentenceUnits, type ClauseClash, type Statement } from './statements.ts';

/** Units of the direction words themselves, which two sentences sharing says nothing of their matter. */
const directionUnit = (unit: string) => /时针|序|递|高地|低地|^high$|^low$/u.test(unit);

const pairs: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/顺时针/u, /逆时针/u],
  [/升序/u, /降序/u],
  [/递增/u, /递减/u],
  [/从小到大|由小到大/u, /从大到小|由大到小/u],
  [/自顶向下|自上而下/u, /自底向上|自下而上/u],
  [/正序/u, /倒序|逆序/u],
  // Growing from high addresses to low or the other way, in either language: 「由高地址向低地址增长」 against "从 low address 往
  // high address 增长".
  [/(?:由|从)\s*(?:高|high\b)[^，,。；;低]{0,12}?(?:向|往|到)\s*(?:低|low\b)/u, /(?:由|从)\s*(?:低|low\b)[^，,。；;高]{0,12}?(?:向|往|到)\s*(?:高|high\b)/u],
];

export function oppositeDirections(note: readonly Statement[], answer: readonly Statement[]): ClauseClash[] {
  const noteText = note.map((statement) => statement.normalised).join('\n');
  const clashes: ClauseClash[] = [];
  pairs.forEach((pair) => {
    const noted = sideOf(noteText, pair);
    if (noted === undefined) return;
    const notes = note.find((statement) => sideOf(statement.normalised, pair) === noted)!;
    const noteSentence = sentenceUnits(note, notes.sentence);
    for (const said of answer) {
      if (said.scopes.length || sideOf(said.normalised, pair) !== 1 - noted) continue;
      if (sharesContentWord(sentenceUnits(answer, said.sentence), noteSentence, directionUnit)) clashes.push({ said, notes });
    }
  });
  return clashes;
}
