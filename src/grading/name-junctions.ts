/**
 * Bigrams a name makes with the characters beside it. 「协程切换」 holds 程切, and so does 「线程切换」: readers that set a clause's
 * names aside to compare what it says of them (role-swaps.ts, sibling-terms.ts) set these aside with them, or two names
 * ending alike read as saying the same thing of each ("协程切换不进内核" was taken for the note's "从一个线程切换到另一个线程").
 */
import { profileText } from './text-analysis.ts';

/** The units of `normalised` that only its names make with their neighbours (the names' own units included); concepts are whole words and stay. */
export function junctionUnits(normalised: string, names: readonly string[]): Set<string> {
  const present = names.filter((name) => name && normalised.includes(name));
  if (!present.length) return new Set();
  const apart = profileText(present.reduce((text, name) => text.split(name).join('，'), normalised)).units;
  return new Set([...profileText(normalised).units.keys()].filter((unit) => !unit.startsWith('~') && !apart.has(unit)));
}
