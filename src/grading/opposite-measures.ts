/**
 * A measure said the other way round: the note gives a thing's attribute one measure ("最近加入的数据因为起始的频率很低") and the
 * answer gives the same thing's same attribute the opposite one ("新加进来的数据默认频率是最高的"). The clauses share the
 * attribute word right before its measure and something the attribute is of (数据); the words around differ too much for
 * an alignment, and neither clause denies anything, so no other cue meets them.
 */
import { conceptTokens } from '../text/glossary.ts';
import { wordUnits } from './text-analysis.ts';
import { spaceless, type ClauseClash, type Statement } from './statements.ts';

/** Measures that have an opposite, each way: 高 / 低, 快 / 慢… (reversed-comparisons.ts reads them too). */
export const opposite: ReadonlyMap<string, string> = new Map([['高', '低'], ['低', '高'], ['多', '少'], ['少', '多'], ['快', '慢'], ['慢', '快'], ['大', '小'], ['小', '大'], ['强', '弱'], ['弱', '强'], ['长', '短'], ['短', '长'], ['早', '晚'], ['晚', '早']]);

/**
 * An attribute (a two-character word) and its measure, with only degree words between, the measure ending its phrase:
 * "频率很低，", "频率是最高的". A measure inside a word (提高, 大量, 减少, 长连接) ends no phrase and is not read.
 */
const measured = /([\u4e00-\u9fff]{2})(?:也|都|会|就|是|很|较|比较|更|最|非常|特别|相对|反而|其实|默认|通常|一般|太|越来越)*(高|低|多|少|快|慢|大|小|强|弱|长|短|早|晚)(?=$|的|了|得多|一些|一点|[，,。；;！!？?）)\s])/gu;

/** Words that are no attribute: degree and linking words that can stand right before a measure. */
const notAttribute = /^(?:非常|特别|相对|比较|其实|默认|通常|一般|反而|越来|一样|没有|不是|也是|就是|还是|都是|更加|最为)$/u;

interface Measure {
  attribute: string;
  measure: string;
}

function measuresOf(statement: Statement): Measure[] {
  if (statement.scopes.length) return [];
  return [...spaceless(statement.normalised).matchAll(measured)].filter((found) => !notAttribute.test(found[1]!)).map((found) => ({ attribute: found[1]!, measure: found[2]! }));
}

/** Whether two texts' units share a content word (unit weight 1 in both), those `skip` names aside. */
export function sharesContentWord(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>, skip: (unit: string) => boolean): boolean {
  for (const [unit, weight] of a) if (weight >= 1 && (b.get(unit) ?? 0) >= 1 && !skip(unit)) return true;
  return false;
}

/** Content words a clause shares with another besides the attribute: what the attribute is of. */
function sharesItsThing(said: Statement, notes: Statement, attribute: string): boolean {
  // The attribute's glossary concept (开销 gives ~overhead) is the attribute again, not what it is of: 「这个开销比较大」 said of
  // thread switching shared only ~overhead with 「协程…保存和恢复的开销更小」, and read as its opposite.
  const attributeUnits = new Set([...wordUnits(attribute).keys(), ...conceptTokens(attribute)]);
  return sharesContentWord(said.units, notes.units, (unit) => attributeUnits.has(unit));
}

export function oppositeMeasures(note: readonly Statement[], answer: readonly Statement[]): ClauseClash[] {
  const noteMeasures = note.map((statement) => ({ statement, measures: measuresOf(statement) })).filter((entry) => entry.measures.length);
  if (!noteMeasures.length) return [];
  // An attribute the note measures both ways (a comparison of two things, "读多写少"…) is left alone.
  const stated = new Set(noteMeasures.flatMap((entry) => entry.measures.map((item) => `${item.attribute}${item.measure}`)));
  const clashes: ClauseClash[] = [];
  const saidMeasures = answer.map((statement) => ({ statement, measures: measuresOf(statement) }));
  const saidAnywhere = new Set(saidMeasures.flatMap((entry) => entry.measures.map((item) => `${item.attribute}${item.measure}`)));
  for (const { statement: said, measures } of saidMeasures) {
    for (const { attribute, measure } of measures) {
      const other = opposite.get(measure)!;
      if (stated.has(`${attribute}${measure}`) || saidAnywhere.has(`${attribute}${other}`)) continue;
      const contradicted = noteMeasures.find((entry) => entry.measures.some((item) => item.attribute === attribute && item.measure === other) && sharesItsThing(said, entry.statement, attribute));
      if (contradicted) {
        clashes.push({ said, notes: contradicted.statement });
        break;
      }
    }
  }
  return clashes;
}
