/**
 * A choice the note calls random, said by the answer to follow a fixed order: against 「当有多个case可以执行时，则随机选择1个case
 * 执行」, "多个 case 同时就绪时总是执行排在最前面的那个" / "select 会按 case 书写的顺序从上往下检查". The two clauses share
 * almost no words of their own (随机选择 against 按顺序检查), so no polarity or swap check meets them: what they share is the
 * thing chosen among, which the sentences around them name (多个 case 执行).
 */
import { heldOf, sentenceUnits, type ClauseClash, type Statement } from './statements.ts';
import { profileText } from './text-analysis.ts';

/** The note's word for a choice made at random (无序: "Go map 的遍历是无序的"). */
const random = /随机|无序|\brandom(?:ly)?\b|\bunordered\b/u;
/**
 * The answer's word for a fixed order: 按…顺序, 依次, 从上往下, 排在最前面, 固定顺序, 有序. Words that only name an order
 * ("顺序写", "先进先出") are not read: they are what many notes say of other things.
 */
const fixedOrder = /按(?:照)?[^，,。；;]{0,10}?顺序|依次|从上(?:往|到)下|最前面|固定(?:的)?顺序|有序|\bin (?:the )?order\b|\bsequentially\b/u;
/** Share of the note sentence's content (its random word left out) the answer's sentence must hold, and at least this weight. */
const minimumShare = 0.4;
const minimumWeight = 1.5;

/** A note sentence's units with its random word left out, and the pairs it makes with its neighbours (则随, 机选). */
function withoutRandom(note: readonly Statement[], sentence: number): Map<string, number> {
  const text = note.filter((statement) => statement.sentence === sentence).map((statement) => statement.normalised).join(' ');
  return profileText(text.replace(new RegExp(random.source, 'gu'), ' ')).units;
}

/**
 * Answer clauses that give a fixed order to what a note clause calls random. `answer` holds only what the candidate asserts;
 * a clause that denies anything ("不是按顺序") or a sentence that says random itself ("随机打乱后依次执行") is not read.
 */
export function randomOrderClashes(note: readonly Statement[], answer: readonly Statement[]): ClauseClash[] {
  const randomNotes = note.filter((statement) => !statement.scopes.length && random.test(statement.normalised));
  if (!randomNotes.length) return [];
  const clashes: ClauseClash[] = [];
  for (const said of answer) {
    if (said.scopes.length || !fixedOrder.test(said.normalised)) continue;
    const sentence = answer.filter((statement) => statement.sentence === said.sentence);
    if (sentence.some((statement) => random.test(statement.normalised))) continue;
    const saidUnits = sentenceUnits(answer, said.sentence);
    const notes = randomNotes.find((statement) => {
      const { share, weight } = heldOf(withoutRandom(note, statement.sentence), saidUnits);
      return share >= minimumShare && weight >= minimumWeight;
    });
    if (notes) clashes.push({ said, notes });
  }
  return clashes;
}
