/**
 * A complexity the answer gives for what the note gives another one: "跳表通过多层索引，查找是 O(1) 的" against
 * "跳表查找、插入、删除的平均时间复杂度都是 O(logN)". The numbers checks (changed-numbers.ts) read values with units;
 * a complexity is a growth, compared by evaluating both formulas at one large size (formula-value.ts), so
 * O(log n), O(logN) and O(lg n) agree and O(1), O(n) do not. The two clauses must be about the same operation: they
 * share a word beyond the question's and the vocabulary of complexity, and the answer measures no resource or case the note's
 * clause does not (空间, 最坏). A complexity the note gives anywhere may be another operation's, and is left alone.
 */
import { sentenceText } from './claim-reading.ts';
import { readFormula } from './formula-value.ts';
import { sentenceUnits, type ClauseClash, type Statement } from './statements.ts';

const bigO = /\bo\s*\(([^()]{1,24}(?:\([^()]{0,12}\)[^()]{0,12})?)\)/gu;

/** Size at which growths are compared: large enough that log n, n and n log n are far apart. */
const size = 65_536;

/** log2 of a complexity's value at `size` for every variable; undefined when it is no formula. */
function growthOf(inside: string): number | undefined {
  const formula = readFormula(`o(${inside.replace(/\blg\b|\bln\b/gu, 'log')})`);
  if (!formula) return undefined;
  const value = formula(new Proxy({}, { get: () => size }) as Record<string, number>);
  return Number.isFinite(value) && value > 0 ? Math.log2(value) : undefined;
}

function growthsIn(normalised: string): number[] {
  return [...normalised.matchAll(bigO)].map((match) => growthOf(match[1]!)).filter((growth): growth is number => growth !== undefined);
}

const sameGrowth = (a: number, b: number) => Math.abs(a - b) < 0.01;

/** Words of complexity itself, which say nothing of which operation is measured. */
const complexityWords = /复杂|杂度|时间|空间|平均|最坏|最好|最差|均摊|都是|度是|度为|complex|time|space|average|worst|best|amortized/u;

/** What a complexity measures besides the operation: a resource and a case. */
const measures: ReadonlyArray<readonly RegExp[]> = [
  [/空间|space|memory|内存/u, /时间|time/u],
  [/最坏|最差|worst/u, /平均|均摊|average|amortized/u, /最好|best/u],
];

/**
 * Whether an answer clause measures a resource or a case its note clause does not say it measures: "最坏情况下查找会退化到
 * O(n)" against "查找的时间复杂度是 O(logN)" (the note's is the usual case), "空间复杂度 O(n)" against "复杂度 O(logN)".
 */
function measuresOtherwise(said: string, noted: string): boolean {
  return measures.some((kinds) => kinds.some((kind) => kind.test(said) && !kind.test(noted)));
}

export function changedComplexities(note: readonly Statement[], answer: readonly Statement[], ignored: ReadonlySet<string>): ClauseClash[] {
  const noted = note.flatMap((statement) => growthsIn(statement.normalised).map((growth) => ({ statement, growth })));
  if (!noted.length) return [];
  const found: ClauseClash[] = [];
  const noteWords = new Set(note.flatMap((statement) => [...statement.units.keys()]));
  for (const said of answer) {
    // A clause naming something the note never does ("哈希表查找是 O(1)" beside a note on skip lists) is about that thing.
    if (operationWords(said, ignored).some((unit) => !noteWords.has(unit))) continue;
    for (const growth of growthsIn(said.normalised)) {
      if (noted.some((entry) => sameGrowth(entry.growth, growth))) continue;
      const about = noted.filter((entry) => !measuresOtherwise(said.normalised, entry.statement.normalised) && sameOperation(said, sentenceUnits(note, entry.statement.sentence), ignored));
      // The note clause that measures what the answer's does (空间 with 空间) is the one it changes.
      const measured = about.find((entry) => measures.some((kinds) => kinds.some((kind) => kind.test(said.normalised) && kind.test(sentenceText(note, entry.statement.sentence)))));
      const changed = measured ?? about[0];
      if (changed) {
        found.push({ said, notes: changed.statement });
        break;
      }
    }
  }
  return found;
}

/** The words of a clause that can say which operation it measures: neither the question's nor complexity's own. */
function operationWords(said: Statement, ignored: ReadonlySet<string>): string[] {
  return [...said.units].filter(([unit, weight]) => weight >= 0.9 && !ignored.has(unit) && !unit.startsWith('$') && !unit.startsWith('~') && !complexityWords.test(unit) && !/^[\d.]+$|^[a-z]$|^log$|^o$/u.test(unit)).map(([unit]) => unit);
}

/** Whether an answer clause shares a word of the note sentence beyond the question's and the vocabulary of complexity. */
function sameOperation(said: Statement, noteUnits: ReadonlyMap<string, number>, ignored: ReadonlySet<string>): boolean {
  return operationWords(said, ignored).some((unit) => noteUnits.has(unit));
}
