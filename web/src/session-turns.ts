/** What the session page reads off a transcript's turns. */
import type { Turn } from './api.ts';

/** Turns the server counts as the candidate's moves; used to tell whether a lost request landed. */
export function movesOf(turns: Turn[]): number {
  return turns.filter((turn) => turn.role === 'candidate' || turn.kind === 'hint').length;
}

/** Seq of the line awaiting an answer: the latest turn, which is always the interviewer's. */
export function currentTurn(turns: Turn[]): number | undefined {
  return turns.at(-1)?.seq;
}

/** The last answer the candidate sent, to tell whether the saved draft already reached the server. */
export function lastCandidateAnswer(turns: Turn[]): string | undefined {
  for (let index = turns.length - 1; index >= 0; index--) {
    const turn = turns[index];
    if (turn?.role === 'candidate' && turn.kind === 'answer') return turn.text;
  }
  return undefined;
}

/** When the current question was asked, so the timer survives a reload. */
export function questionStart(turns: Turn[]): number {
  for (let index = turns.length - 1; index >= 0; index--) {
    const turn = turns[index];
    if (turn?.role === 'interviewer' && turn.kind !== 'hint') {
      const at = turn.createdAt ? Date.parse(turn.createdAt) : Number.NaN;
      return Number.isFinite(at) && at <= Date.now() ? at : Date.now();
    }
  }
  return Date.now();
}
