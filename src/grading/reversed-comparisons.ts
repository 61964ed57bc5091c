/**
 * Comparisons made the other way round ("堆上分配比栈上快" for the note's "栈的分配比堆快"): the roles of the two things
 * compared are swapped, whatever the question contrasts. A swap cue of contradictions.ts beside role-swaps.ts.
 */
import type { Statement } from './statements.ts';
import { compactNormalised } from './note-subjects.ts';
import type { Swap } from './role-swaps.ts';
import { isFunctionCharacter } from './text-analysis.ts';
import { opposite } from './opposite-measures.ts';

/** 比 as "than", not inside 比如 / 比较 / 相比 / 比例 / 正比…, which compare nothing in this clause. */
const than = /(?<![对相类好无正反占])比(?![如较例特率方重值赛对起])/u;

/** "X 多于 Y" (少于, 大于, 快于, 高于…) says "X 比 Y 多": written that way, it compares as 比 does. */
const comparativeYu = /^(.+?)(?:的(?:数量|个数))?(?:都|会|要|一般)*(多|少|大|小|快|慢|高|低|长|短|强|弱|早|晚)于(.+)$/u;

function asThan(text: string): string {
  const found = comparativeYu.exec(text);
  return found && !than.test(text) ? `${found[1]}比${found[3]}${found[2]}` : text;
}

/** A text's tokens: Latin words whole, Chinese characters one by one, function characters left out. */
const tokensOf = (text: string) => new Set((text.match(/[a-z0-9_+#]+|[\u4e00-\u9fff]/gu) ?? []).filter((token) => !isFunctionCharacter(token)));

/** A clause's tokens on either side of its 比. */
function comparedSides(statement: Statement): [Set<string>, Set<string>] | undefined {
  const text = asThan(compactNormalised(statement.normalised));
  const parts = text.split(than);
  // One comparison per clause; a clause that denies anything ("并不比堆快") is not read.
  if (parts.length !== 2 || statement.scopes.length) return undefined;
  const [left, right] = parts.map(tokensOf) as [Set<string>, Set<string>];
  return left.size && right.size ? [left, right] : undefined;
}

/** Tokens of one set the other does not hold. */
export const onlyIn = (tokens: ReadonlySet<string>, other: ReadonlySet<string>) => [...tokens].filter((token) => !other.has(token));

type Sides = readonly [Set<string>, Set<string>];

/**
 * Whether `said` compares the things `notes` compares, in the note's order or the other way round: some token of
 * the note's left side alone (栈 of "栈的分配比堆快") stands on the answer's left side alone (or, reversed, its right),
 * one of the note's right side alone (堆) on the other side, and what remains of the two right sides shares a token
 * (快): "堆上分配比栈上快" is the note's comparison reversed, "堆分配比栈慢" the opposite predicate, which shares none.
 */
function compares(said: Sides, notes: Sides, reversed: boolean): boolean {
  const [saidLeft, saidRight] = reversed ? [said[1], said[0]] : said;
  const [noteLeft, noteRight] = notes;
  const first = onlyIn(noteLeft, noteRight).filter((token) => saidLeft.has(token) && !saidRight.has(token));
  const second = onlyIn(noteRight, noteLeft).filter((token) => saidRight.has(token) && !saidLeft.has(token));
  if (!first.length || !second.length) return false;
  const predicate = [...noteRight].filter((token) => !second.includes(token));
  return predicate.some((token) => said[1].has(token) && !first.includes(token) && !second.includes(token));
}

/**
 * Comparisons the answer makes the other way round from the note's ("堆上分配比栈上快" for "栈的分配比堆快"): the roles
 * of the two things compared are swapped, whatever the question contrasts. A comparison the note also makes the
 * answer's way (a note comparing two things on two measures) is not one.
 */
export function reversedComparisons(note: readonly Statement[], answer: readonly Statement[]): Swap[] {
  const compared = note.flatMap((statement) => {
    const sides = comparedSides(statement);
    return sides ? [{ statement, sides }] : [];
  });
  if (!compared.length) return [];
  const swaps: Swap[] = [];
  for (const said of answer) {
    const sides = comparedSides(said);
    if (!sides) {
      const measuredOtherwise = compared.find((entry) => saysOppositeOfOne(said, entry.sides));
      if (measuredOtherwise) swaps.push({ said, notes: measuredOtherwise.statement });
      continue;
    }
    const reversed = compared.find((entry) => compares(sides, entry.sides, true));
    if (reversed && !compared.some((entry) => compares(sides, entry.sides, false))) swaps.push({ said, notes: reversed.statement });
  }
  return swaps;
}

/** Share of such a clause's tokens the comparison's own words (either side, or a measure's opposite) must make up. */
const ownShare = 0.5;

/**
 * A clause that is no comparison but gives one of the two things the note compares the opposite measure: after the note's
 * "栈的分配比堆快", "栈上分配反而慢" says the faster one is slow. It names the note's left side alone, none of its right, and
 * the measure's opposite, which the note's right side does not hold; a clause that denies anything is not read.
 */
function saysOppositeOfOne(said: Statement, notes: Sides): boolean {
  if (said.scopes.length) return false;
  const tokens = tokensOf(compactNormalised(said.normalised));
  const [left, right] = notes;
  const leftOnly = onlyIn(left, right);
  const rightOnly = onlyIn(right, left);
  if (!leftOnly.some((token) => tokens.has(token)) || rightOnly.some((token) => tokens.has(token) && !opposite.has(token))) return false;
  // Mostly the comparison's own words: "所以高并发下时间轮锁竞争最小" shares only 时间 and a 小 with "在old区中的缓存…时间超过1s才挪到
  // young区" and is about something else.
  const own = [...tokens].filter((token) => left.has(token) || right.has(token) || (opposite.has(token) && right.has(opposite.get(token)!)));
  if (own.length < ownShare * tokens.size) return false;
  return rightOnly.some((token) => opposite.has(token) && tokens.has(opposite.get(token)!) && !tokens.has(token) && !right.has(opposite.get(token)!));
}
