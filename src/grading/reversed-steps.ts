/**
 * The note's steps reversed within one sentence of the answer ("先写 binlog，再写 redo"): the order cue of
 * contradictions.ts, over the note's own sequenced prose, its points that sequence steps by themselves,
 * and its listed steps.
 */
import { memoByObject, memoByText } from './grading-memo.ts';
import { compareOrder, isSequenced, listedSteps } from './sequence-order.ts';
import type { Statement } from './statements.ts';

export interface NotePoint {
  text: string;
  /** The point's weight, when known (the premise of a question is charged to the heaviest point). */
  weight?: number;
}

export interface ReversedSteps {
  /** The note clause holding the later step. */
  notes: Statement;
  said: string;
}

/**
 * Reversed step pairs needed, and their share of all ordered pairs, to call an order reversed. Prose orders loosely
 * ("先从Redis扣减库存，在通过消息通知异步扣减DB库存" against an answer that also says "扣成功再发一条消息"), so one
 * pair is not enough; a point that is a chain of arrows ("CLOSED->LISTEN->SYN收到->ESTABLISHED") states its order
 * outright, and one pair said the other way round ("先 ESTABLISHED 再 LISTEN") reverses it.
 */
const minimumReversed = 2;
const minimumReversedInChain = 1;
const arrowChain = /(?:->|→|=>|⇒)[^\n]*?(?:->|→|=>|⇒)/u;
const reversedShare = 0.2;

/** The note as one text, and whether it lists steps in order: once per set of points. */
const noteOf = memoByObject((points: readonly NotePoint[]) => {
  const text = points.map((point) => point.text).join('\n');
  return { text, sequenced: isSequenced(text) };
});

/** The points that sequence steps by themselves: once per set of points. */
const sequencedPoints = memoByObject((points: readonly NotePoint[]) => (points.length > 1 ? points.map((point) => point.text).filter(isSequenced) : []));

/** A reference's listed steps: once per card. */
const stepsOfReference = memoByText((reference: string) => memoByText((question: string) => listedSteps(reference, question), 16), 1024);

/** Unit → the points of the note clauses holding it, in clause order: once per note and unit (read-only). */
const pointsHolding = memoByObject((note: readonly Statement[]) => {
  const known = new Map<string, number[]>();
  return (unit: string): number[] => {
    let points = known.get(unit);
    if (!points) known.set(unit, (points = note.filter((statement) => statement.units.has(unit)).map((statement) => statement.point)));
    return points;
  };
});

/** Note points within which two steps count as one sequence: a pair further apart is not ordered by the note. */
const stepWindow = 3;

export function reversedSteps(points: readonly NotePoint[], note: readonly Statement[], answerText: string, ignored: ReadonlySet<string>, reference: string, question: string): ReversedSteps[] {
  const steps = stepsOfReference(reference)(question);
  const { text: noteText, sequenced } = noteOf(points);
  const pointsOf = pointsHolding(note);
  // A word in several points names a participant ("follower" is sent the log and later persists it), not a step.
  const placed = (unit: string) => new Set(pointsOf(unit)).size === 1;
  const near = (a: string, b: string) => placed(a) && placed(b) && pointsOf(a).some((left) => pointsOf(b).some((right) => Math.abs(left - right) < stepWindow));
  // The note's own sequenced prose (pairs far apart in it are not ordered by it), and its listed steps (every pair is).
  // A point that sequences steps on its own is read on its own too: a note that tells its sequence twice
  // ("先写 XID 到 redo，然后写 binlog …" and "--> write XID to redo. --> write data to Binlog …") has every
  // step term in two places, which places none of them in the note as a whole.
  const sequences = [
    ...(sequenced ? [{ text: noteText, near, needed: minimumReversed }] : []),
    ...sequencedPoints(points).map((text) => ({ text, near: () => true, needed: arrowChain.test(text) ? minimumReversedInChain : minimumReversed })),
    ...steps.map((text) => ({ text, near: () => true, needed: minimumReversed })),
  ];
  const found: ReversedSteps[] = [];
  for (const sentence of answerText.split(/[。！？!?\n]|\.\s/u)) {
    if (!isSequenced(sentence)) continue;
    for (const sequence of sequences) {
      const { agreeing, reversed, example } = compareOrder(sequence.text, sentence, ignored, sequence.near);
      if (reversed < sequence.needed || reversed < reversedShare * (agreeing + reversed) || !example) continue;
      const later = note.find((statement) => statement.units.has(example[1])) ?? note.find((statement) => statement.units.has(example[0]));
      if (later) found.push({ notes: later, said: sentence.trim() });
      break;
    }
  }
  return found;
}

