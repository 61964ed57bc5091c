/**
 * What the 题库 page shows of a card: the card as its owner sees it (overlay applied), the owner's
 * overlay itself for the editor, and its review state (next review, FSRS retrievability) and
 * recent scores. Runtime-agnostic: reads go through the SessionStore.
 */
import type { Card, CardOverlay, ReviewCard, SessionStore, StoredCardOverlay } from '../core/types.ts';
import { readCard, replayReviews, retrievabilityAt } from '../interview/review-schedule.ts';

export interface ReviewView {
  due: string;
  /** Probability (0–1) that the answer is still recalled now, by FSRS's forgetting curve. */
  retrievability: number;
  reps: number;
  lapses: number;
}

export interface CardView {
  id: string;
  question: string;
  context: string;
  code?: string;
  reference: string;
  source: string;
  heading: string;
  lines: Card['lines'];
  keyPoints: Array<{ text: string; weight: number }>;
  followups: Card['followups'];
  variants: string[];
  topics: Card['topics'];
  kind: Card['kind'];
  answered: boolean;
  /** Never asked in a session: a passage with no question of its own, a merged or an excluded card. */
  asked: boolean;
  overlay: CardOverlay | null;
  /** The note under the owner's edit changed since it was saved. */
  needsReview: boolean;
  review: ReviewView | null;
  /** The model that compiled this card (`npm run index -- --llm`), null for a card as parsed. */
  compiledBy: string | null;
}

function reviewOf(stored: ReviewCard | undefined, now: Date): ReviewView | null {
  if (!stored) return null;
  const card = readCard(stored.card, now);
  return { due: stored.due, retrievability: retrievabilityAt(card, now), reps: card.reps, lapses: card.lapses };
}

export function cardView(card: Card, overlay: StoredCardOverlay | undefined, review: ReviewCard | undefined, now: Date): CardView {
  return {
    id: card.id,
    question: card.question,
    context: card.context,
    ...(card.code ? { code: card.code } : {}),
    reference: card.reference,
    source: card.source,
    heading: card.headingPath.join(' > '),
    lines: card.lines,
    keyPoints: card.keyPoints.map(({ text, weight }) => ({ text, weight })),
    followups: card.followups,
    variants: card.variants ?? [],
    topics: card.topics,
    kind: card.kind,
    answered: card.answered,
    asked: !card.searchOnly,
    overlay: overlay?.overlay ?? null,
    needsReview: card.edit?.needsReview ?? false,
    review: reviewOf(review, now),
    compiledBy: card.compiled?.model ?? null,
  };
}

/** Does the card mention every word of the query, in any field the page shows? */
export function matchesQuery(card: Card, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [card.question, ...(card.variants ?? []), card.context, card.reference, card.code ?? '', card.source, ...card.headingPath, ...card.keyPoints.map((point) => point.text)]
    .join('\n')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

export interface ScoreEntry {
  score: number;
  at: string;
  sessionId: string;
  mode: string;
}

/** Sessions searched for a card's scores: the most recent ones, so a long history stays cheap. */
const recentSessions = 60;

/** The card's graded answers across the owner's recent sessions, newest first. */
export async function scoresOf(store: SessionStore, ownerId: string, cardId: string, limit = 10): Promise<ScoreEntry[]> {
  const sessions = (await store.listSessions(ownerId)).slice(0, recentSessions);
  const scores: ScoreEntry[] = [];
  for (const session of sessions) {
    for (const turn of await store.listTurns(session.id)) {
      if (turn.role === 'candidate' && turn.questionId === cardId && turn.grade) {
        scores.push({ score: turn.grade.score, at: turn.createdAt, sessionId: session.id, mode: session.mode });
      }
    }
  }
  return scores.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}

/**
 * The review state a card's scores imply when no drill stored one (practice and interview answers
 * leave no review card, yet they fade the same way).
 */
export function reviewFromScores(scores: readonly ScoreEntry[], now: Date): ReviewView | null {
  const replayed = replayReviews([...scores].reverse().map((entry) => ({ score: entry.score, at: new Date(entry.at) })));
  if (!replayed) return null;
  return { due: replayed.due.toISOString(), retrievability: retrievabilityAt(replayed, now), reps: replayed.reps, lapses: replayed.lapses };
}
