/**
 * One condition said to suffice where the note needs them all together: "死锁只要出现其中一个条件就会发生" against
 * "四个同时满足才会死锁". The answer shares one word with the note clause (the outcome, 死锁), and 只要 makes its
 * sentence a supposition to every other cue, so none reads it; the claim is the sufficiency itself.
 */
import { contentKeys, isConceptKey } from './claim-reading.ts';
import { negationScopeTexts, type Statement } from './statements.ts';
import { isGenericWord } from './text-analysis.ts';

/** The note needs every condition at once for the outcome: "同时满足才会", "都具备才", "缺一不可". */
const jointlyNeeded = /(?:同时|都|全部|全都|所有)[^，,。；;]{0,4}才|缺一不可/u;
/** The answer says one of them is enough: "只要出现其中一个条件就会", "任意一个满足就". */
const oneSuffices = /(?:只要|只需)[^，,。；;]{0,10}(?:其中一|任一|任意一|任何一|某一|某个|一个|一条|之一)[^，,。；;]{0,10}就|(?:任一|任意一|任何一)个?[^，,。；;]{0,8}(?:满足|出现|成立)就/u;

/** The words a clause says besides the quantifiers, distinctive ones only: what the outcome is. */
const outcomeWords = (normalised: string) => new Set([...contentKeys(normalised)].filter((key) => !isConceptKey(key) && !isGenericWord(key)));

export function sufficiencyClaims(note: readonly Statement[], answer: readonly Statement[]): { said: Statement; notes: Statement }[] {
  const found: { said: Statement; notes: Statement }[] = [];
  for (const said of answer) {
    // "只要破坏其中一个就不会死锁" agrees: breaking one condition prevents the outcome the note needs all of them for.
    if (!oneSuffices.test(said.normalised) || negationScopeTexts(said.normalised).length) continue;
    const own = outcomeWords(said.normalised);
    const notes = note.find((clause) => jointlyNeeded.test(clause.normalised) && !negationScopeTexts(clause.normalised).length && [...outcomeWords(clause.normalised)].some((key) => own.has(key)));
    if (notes) found.push({ said, notes });
  }
  return found;
}
