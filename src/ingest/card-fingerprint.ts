/**
 * One hash of what the parser makes of a corpus. Indexes are rebuilt only when the notes or
 * `ingestVersion` change, so a parser change that alters cards without a version bump leaves every
 * existing index (and a deployed Worker's bundle) serving the old cards. A committed fingerprint of
 * the default corpus's cards, stored beside the version it was taken under, turns that into a
 * failing test.
 */
import { stableHash } from '../core/hash.ts';
import type { Card } from '../core/types.ts';

/** What a candidate sees of a card and what search and grading read: ids, wording, answers, points. */
export function cardFingerprint(cards: readonly Card[]): string {
  const seen = cards.map((card) => [card.id, card.question, card.reference, card.keyPoints.map((point) => point.text), card.followups.map((followup) => followup.question)]);
  return stableHash(JSON.stringify(seen));
}
