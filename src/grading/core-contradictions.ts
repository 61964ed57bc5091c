/**
 * Whether a contradiction is of the note's core: what an interviewer fails an answer for, however much else
 * of the note it repeats (offline-scorer.ts caps such an answer).
 */
import type { ContradictionCue } from './contradictions.ts';
import { asksForOrder, asksWhen, statesOrder } from './sequence-order.ts';

/** A point at least this share of the heaviest point's weight is of the note's core… */
const coreWeightShare = 0.6;
/** …if it also carries this share of all the note's weight: one point of a flat dozen is not the core. */
const coreMinimumShare = 0.15;

/**
 * Whether the answer contradicts the note's core: a point among the heaviest, or the order of the steps when the question asks
 * for an order, a process or when something happens (asked when SYN_RECEIVED is entered, "先等 ACK，再回复 SYN-ACK" is wrong).
 * An interviewer fails an answer that says the opposite of the core claim, however much else of the note it repeats.
 */
export function contradictsCore(question: string, points: readonly { weight: number }[], contradictions: readonly { point: number; cue: ContradictionCue; said?: string }[]): boolean {
  const heaviest = Math.max(0, ...points.map((point) => point.weight));
  const total = points.reduce((sum, point) => sum + point.weight, 0);
  const ordered = asksForOrder(question) || asksWhen(question);
  return contradictions.some((entry) => {
    const weight = points[entry.point]?.weight ?? 0;
    if (heaviest > 0 && weight >= coreWeightShare * heaviest && weight >= coreMinimumShare * total) return true;
    return ordered && (entry.cue === 'order' || (entry.said !== undefined && statesOrder(entry.said)));
  });
}
