/**
 * Progress over time, read from what is stored: each finished technical question of a session is
 * one graded review of its card. A card's mastery is the mean of its recent scores times its FSRS
 * retrievability now (the stored review card of a drill, else the one its graded history implies),
 * so a card answered well long ago slowly counts for less. Topics and files average their cards.
 * Nothing here writes.
 */
import type { Card, KnowledgeBase, ReviewCard, SessionMode, SessionRecord, TopicId } from '../core/types.ts';
import { isAskable } from '../ingest/card-bank.ts';
import type { Card as FsrsCard } from 'ts-fsrs';
import { readCard, replayReviewStates, retrievabilityAt } from './review-schedule.ts';
import { isScoredResult, readState } from './session-state.ts';
import { topicNames } from './topic-names.ts';

/** How many of a card's latest scores its mastery averages. */
const recentScores = 3;
/** Days of the due forecast, today included. */
const forecastDays = 14;
const weakestShown = 8;
/** A card at or above this mastery is not weak, however few cards were practised. */
const masteredAt = 8;

export interface MasteryRow {
  /** A topic id or a note's path. */
  key: string;
  name: string;
  /** 0–10, one decimal: mean card mastery of the practised cards. */
  mastery: number;
  /** Cards practised at least once, of the askable answered cards. */
  practised: number;
  cards: number;
  /** Mastery after each session of `ProgressResult.sessions` (null before the first practice of it). */
  trend: (number | null)[];
}

export interface WeakCard {
  questionId: string;
  question: string;
  topics: TopicId[];
  source: string;
  mastery: number;
  lastScore: number;
  /** 0–1, FSRS's probability of recall now. */
  retrievability: number;
  reviews: number;
}

export interface ProgressResult {
  /** 0–10 over every practised card; null before any graded question. */
  overall: number | null;
  /** Sessions with at least one graded technical question, oldest first: the trend's x axis. */
  sessions: { id: string; mode: SessionMode; at: string; overall: number }[];
  topics: MasteryRow[];
  files: MasteryRow[];
  /** The lowest-mastery cards below `masteredAt`, weakest first. */
  weakest: WeakCard[];
  /** Due reviews per local day from today, today including the overdue ones. */
  due: { date: string; count: number }[];
}

export interface ProgressInput {
  kb: KnowledgeBase;
  sessions: readonly SessionRecord[];
  reviewCards: readonly ReviewCard[];
  now: Date;
  /** Only cards of this topic. */
  topic?: TopicId;
  /** The viewer's `Date.getTimezoneOffset()`, so due days are the viewer's days. */
  timezoneOffsetMinutes?: number;
}

interface Review {
  score: number;
  at: Date;
}

const round = (value: number) => Math.round(value * 10) / 10;
const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** Graded technical questions per card, oldest first; an active interview still hides its grades. */
function reviewsByCard(sessions: readonly SessionRecord[], include: (id: string) => boolean) {
  const timeline: { session: SessionRecord; at: Date }[] = [];
  const reviews = new Map<string, Review[]>();
  const ordered = [...sessions].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
  for (const session of ordered) {
    if (session.mode === 'interview' && session.status === 'active') continue;
    const at = new Date(session.updatedAt);
    let graded = false;
    for (const result of readState(session.state).results) {
      if (!isScoredResult(result) || result.score === null || !result.questionId || !include(result.questionId)) continue;
      reviews.set(result.questionId, [...(reviews.get(result.questionId) ?? []), { score: result.score, at }]);
      graded = true;
    }
    if (graded) timeline.push({ session, at });
  }
  return { timeline, reviews };
}

/** A card's graded history with the FSRS card after each review, replayed once. */
interface CardHistory {
  reviews: Review[];
  states: FsrsCard[];
}

function historyOf(reviews: Review[]): CardHistory {
  return { reviews, states: replayReviewStates(reviews) };
}

/** A card's mastery at `at` from its reviews until then; the stored FSRS card wins when given. */
function cardMastery(history: CardHistory, at: Date, stored?: ReviewCard): { mastery: number; retrievability: number } | undefined {
  let seen = 0;
  while (seen < history.reviews.length && (history.reviews[seen]?.at.getTime() ?? Infinity) <= at.getTime()) seen++;
  if (seen === 0) return undefined;
  const fsrsCard = stored ? readCard(stored.card, at) : history.states[seen - 1];
  const retrievability = fsrsCard ? retrievabilityAt(fsrsCard, at) : 0;
  const recent = history.reviews.slice(Math.max(0, seen - recentScores), seen).map((review) => review.score);
  return { mastery: mean(recent) * retrievability, retrievability };
}

function localDay(at: Date, offsetMinutes: number): string {
  return new Date(at.getTime() - offsetMinutes * 60_000).toISOString().slice(0, 10);
}

function dueForecast(cards: readonly ReviewCard[], now: Date, offsetMinutes: number) {
  const days = Array.from({ length: forecastDays }, (_, index) => localDay(new Date(now.getTime() + index * 86_400_000), offsetMinutes));
  const counts = new Map(days.map((day) => [day, 0]));
  const today = days[0] ?? '';
  for (const card of cards) {
    const due = new Date(card.due);
    const day = Number.isNaN(due.getTime()) || due.getTime() <= now.getTime() ? today : localDay(due, offsetMinutes);
    if (counts.has(day)) counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return days.map((date) => ({ date, count: counts.get(date) ?? 0 }));
}

export function buildProgress(input: ProgressInput): ProgressResult {
  const { kb, now, topic } = input;
  const inScope = (card: Card | undefined): card is Card => Boolean(card && isAskable(card) && card.answered && (!topic || card.topics.includes(topic)));
  const scopeCards = kb.cards.filter(inScope);
  const { timeline, reviews: graded } = reviewsByCard(input.sessions, (id) => inScope(kb.getCard(id)));
  const reviews = new Map([...graded].map(([id, list]) => [id, historyOf(list)]));
  const stored = new Map(input.reviewCards.map((card) => [card.questionId, card]));

  // Mastery of every practised card now, and after each session (stored FSRS cards are today's state only).
  const masteryNow = new Map<string, number>();
  const weakest: WeakCard[] = [];
  for (const [id, history] of reviews) {
    const card = kb.getCard(id);
    const current = cardMastery(history, now, stored.get(id));
    if (!card || !current) continue;
    masteryNow.set(id, current.mastery);
    weakest.push({
      questionId: id,
      question: card.question,
      topics: card.topics,
      source: card.source,
      mastery: round(current.mastery),
      lastScore: history.reviews.at(-1)?.score ?? 0,
      retrievability: Math.round(current.retrievability * 100) / 100,
      reviews: history.reviews.length,
    });
  }
  const masteryAfter = timeline.map(({ at }) => {
    const values = new Map<string, number>();
    for (const [id, history] of reviews) {
      const value = cardMastery(history, at)?.mastery;
      if (value !== undefined) values.set(id, value);
    }
    return values;
  });

  const rows = (groups: Map<string, { name: string; ids: string[] }>): MasteryRow[] =>
    [...groups.entries()]
      .map(([key, group]) => {
        const practised = group.ids.filter((id) => masteryNow.has(id));
        const average = (values: Map<string, number>) => {
          const known = practised.flatMap((id) => (values.has(id) ? [values.get(id) ?? 0] : []));
          return known.length > 0 ? round(mean(known)) : null;
        };
        return { key, name: group.name, mastery: average(masteryNow) ?? 0, practised: practised.length, cards: group.ids.length, trend: masteryAfter.map(average) };
      })
      .filter((row) => row.practised > 0)
      .sort((a, b) => a.mastery - b.mastery || a.key.localeCompare(b.key));

  const byTopic = new Map<string, { name: string; ids: string[] }>();
  const byFile = new Map<string, { name: string; ids: string[] }>();
  for (const card of scopeCards) {
    for (const cardTopic of card.topics) {
      if (topic && cardTopic !== topic) continue;
      const group = byTopic.get(cardTopic) ?? { name: topicNames[cardTopic], ids: [] };
      group.ids.push(card.id);
      byTopic.set(cardTopic, group);
    }
    const file = byFile.get(card.source) ?? { name: card.source, ids: [] };
    file.ids.push(card.id);
    byFile.set(card.source, file);
  }

  const overallNow = [...masteryNow.values()];
  return {
    overall: overallNow.length > 0 ? round(mean(overallNow)) : null,
    sessions: timeline.map(({ session, at }, index) => ({
      id: session.id,
      mode: session.mode,
      at: at.toISOString(),
      overall: round(mean([...(masteryAfter[index]?.values() ?? [])])),
    })),
    topics: rows(byTopic),
    files: rows(byFile),
    weakest: weakest.filter((card) => card.mastery < masteredAt).sort((a, b) => a.mastery - b.mastery || a.questionId.localeCompare(b.questionId)).slice(0, weakestShown),
    due: dueForecast(
      input.reviewCards.filter((card) => inScope(kb.getCard(card.questionId))),
      now,
      input.timezoneOffsetMinutes ?? 0,
    ),
  };
}
