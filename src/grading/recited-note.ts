/**
 * Recited note text: a clause the note itself says, word for word, is never a contradiction of it, however
 * its table or list was flattened (contradictions.ts drops such clauses from what it reports).
 */
import { memoByObject, memoByText } from './grading-memo.ts';
import { wholeIndexOf } from './latin-words.ts';
import type { NotePoint } from './reversed-steps.ts';
import { lettersOnly } from './text-analysis.ts';

/** The note's points and reference in letters only: once per card. */
const lettersOfNote = memoByObject((points: readonly NotePoint[]) =>
  memoByText((reference: string) => lettersOnly(`${points.map((point) => point.text).join('\n')}\n${reference}`), 4),
);

/**
 * A clause the note itself says, word for word, cannot contradict the note: recited text whose
 * table or list was flattened ("redis数据类型丰富，memcached单一 特性 Redis Memcached") named both
 * subjects of a row and read as a swap, and zeroed a verbatim answer.
 */
export function noteSaysItself(said: string, noteWords: string): boolean {
  const words = lettersOnly(said);
  if (words.length < 6) return false;
  // Latin words match whole: 'save是创建一个子进程' is not said by 'bgsave是创建一个子进程'.
  return wholeIndexOf(noteWords, words) >= 0;
}

/** The note's points and reference as noteSaysItself reads them. */
export function noteInLetters(points: readonly NotePoint[], reference: string): string {
  return lettersOfNote(points)(reference);
}
