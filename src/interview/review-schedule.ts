/**
 * Spaced repetition for drills: one FSRS card per (owner, question), scheduled by ts-fsrs. A
 * finished drill question is one review, rated from the question's final score.
 */
import { createEmptyCard, fsrs, Rating, TypeConvert, type Card as FsrsCard, type Grade as FsrsRating } from 'ts-fsrs';
import type { Card, ReviewCard } from '../core/types.ts';

// Fuzz would make intervals depend on hidden randomness; the engine's randomness is injected.
const scheduler = fsrs({ enable_fuzz: false });

/**
 * Score → rating. A hint caps the score at 7 (→ Good at best) or 5 (→ Hard), so leaning on hints
 * brings a card back sooner; a skip scores 0 (→ Again).
 */
export function ratingForScore(score: number): FsrsRating {
  if (score < 4) return Rating.Again;
  if (score < 6.5) return Rating.Hard;
  if (score < 9) return Rating.Good;
  return Rating.Easy;
}

/** Rating name for display and logs. */
export function ratingName(rating: FsrsRating): 'again' | 'hard' | 'good' | 'easy' {
  if (rating === Rating.Again) return 'again';
  if (rating === Rating.Hard) return 'hard';
  if (rating === Rating.Good) return 'good';
  return 'easy';
}

/** Revives a stored card (dates arrive as strings from JSON); anything unreadable starts fresh. */
export function readCard(stored: unknown, now: Date): FsrsCard {
  if (stored && typeof stored === 'object') {
    try {
      const card = TypeConvert.card(stored as FsrsCard);
      if (!Number.isNaN(card.due.getTime())) return card;
    } catch {
      // A corrupt card must not block a drill; the question is simply scheduled as new.
    }
  }
  return createEmptyCard(now);
}

/** Applies one review and returns the card to persist with `store.putCard`. */
export function reviewCard(
  ownerId: string,
  item: Card,
  existing: ReviewCard | undefined,
  score: number,
  now: Date,
): ReviewCard {
  const card = readCard(existing?.card, now);
  const next = scheduler.next(card, now, ratingForScore(score)).card;
  return {
    ownerId,
    questionId: item.id,
    topics: item.topics,
    due: next.due.toISOString(),
    card: JSON.parse(JSON.stringify(next)) as unknown,
  };
}

/** Whether a stored card is due at `now`. */
export function isDue(card: ReviewCard, now: Date): boolean {
  const due = Date.parse(card.due);
  return Number.isNaN(due) || due <= now.getTime();
}

/** Probability, by FSRS's forgetting curve, that the card is still recalled at `at` (0 for a never-reviewed card). */
export function retrievabilityAt(card: FsrsCard, at: Date): number {
  return scheduler.get_retrievability(card, at, false);
}

/**
 * The FSRS card a question's graded history implies after each of its reviews, one review per
 * graded answer: practice and interview answers leave no stored review card, yet their grades
 * fade the same way.
 */
export function replayReviewStates(history: readonly { score: number; at: Date }[]): FsrsCard[] {
  const first = history[0];
  if (!first) return [];
  let card = createEmptyCard(first.at);
  return history.map((review) => (card = scheduler.next(card, review.at, ratingForScore(review.score)).card));
}

/** The FSRS card a question's graded history implies now (after its last review). */
export function replayReviews(history: readonly { score: number; at: Date }[]): FsrsCard | undefined {
  return replayReviewStates(history).at(-1);
}
