/**
 * "Not only" against the note's "only": the note limits a claim to one thing ("新增节点 X 只会接管它逆时针方向到上一个节点之间的那段
 * key"), the answer repeats it with the limit denied ("新增节点 X 不只接管它逆时针方向到上一个节点之间的那段 key"). Every word
 * of the claim is the note's, and the answer's negation falls on 只, a word the note's clause reads as part of 只会, so
 * the polarity check sees nothing denied.
 */
import { contentKeys, wordKeys } from './claim-reading.ts';
import type { ClauseClash, Statement } from './statements.ts';

/** The note's limit, and what it limits (the rest of the clause). */
const only = /(?<![不并])(?:只会|只能|只是|只有|只|仅仅|仅|\bonly\b)\s*(.+)$/u;
/** The answer's denied limit ("不只", "不仅仅是", "not only"), and what it denies is all. */
const notOnly = /(?:不只|不止|不仅仅|不仅|不光|\bnot (?:only|just)\b)\s*(?:会|能|是)?\s*(.+)$/u;
/** Share of what the note limits, and of the clause before the limit, the answer must repeat. */
const restShare = 0.7;
const minimumWords = 3;

function repeats(said: string, noted: string): boolean {
  const words = wordKeys(noted);
  const own = contentKeys(said);
  const kept = words.filter((word) => own.has(word)).length;
  return kept >= minimumWords && kept >= restShare * words.length;
}

export function deniedOnly(note: readonly Statement[], answer: readonly Statement[]): ClauseClash[] {
  const found: ClauseClash[] = [];
  for (const said of answer) {
    const denied = notOnly.exec(said.normalised);
    if (!denied) continue;
    const before = said.normalised.slice(0, denied.index);
    const notes = note.find((statement) => {
      const limited = only.exec(statement.normalised);
      if (!limited) return false;
      // What comes before the limit is the same thing (新增节点 X), or the answer names none of its own.
      const subject = statement.normalised.slice(0, limited.index);
      return repeats(denied[1]!, limited[1]!) && (wordKeys(before).length === 0 || wordKeys(subject).some((word) => contentKeys(before).has(word)));
    });
    if (notes) found.push({ said, notes });
  }
  return found;
}
