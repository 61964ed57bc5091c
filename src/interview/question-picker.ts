/**
 * Which questions a session asks, decided once when it starts so a resumed session continues the
 * same plan. Everything random goes through the injected `random`, so a seed reproduces a plan.
 */
import type { Card, KnowledgeBase, ReviewCard, TopicId } from '../core/types.ts';
import { isAskable } from '../ingest/card-bank.ts';
import { isDue } from './review-schedule.ts';

export interface PlanOptions {
  /** Chosen topics; empty means the whole bank. */
  topics: readonly TopicId[];
  count: number;
  random: () => number;
  /** Ids never to plan, e.g. the item already used as the warm-up. */
  exclude?: ReadonlySet<string>;
}

function shuffled<T>(values: readonly T[], random: () => number): T[] {
  const copy = [...values];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.min(index, Math.floor(random() * (index + 1)));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

/** A question's wording with spacing, punctuation and case gone: two cards worded alike ask the same thing. */
export function questionKey(question: string): string {
  return question.replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();
}

// Every session start compares the whole bank's wordings; cards do not change once built, so
// each card's keys are worked out once.
const keysOfCard = new WeakMap<Card, readonly string[]>();

function questionKeys(card: Card): readonly string[] {
  let keys = keysOfCard.get(card);
  if (!keys) {
    keys = [card.question, ...(card.variants ?? [])].map(questionKey);
    keysOfCard.set(card, keys);
  }
  return keys;
}

/** Cards whose question or a variant is worded like an earlier card's are the same question asked twice. */
export function distinctQuestions(cards: readonly Card[], alreadyAsked: readonly Card[] = []): Card[] {
  const seen = new Set(alreadyAsked.flatMap(questionKeys));
  const kept: Card[] = [];
  for (const card of cards) {
    const keys = questionKeys(card);
    if (keys.some((key) => seen.has(key))) continue;
    for (const key of keys) seen.add(key);
    kept.push(card);
  }
  return kept;
}

function matchesTopics(item: Card, topics: readonly TopicId[]): boolean {
  return topics.length === 0 || item.topics.some((topic) => topics.includes(topic));
}

/**
 * Plans `count` distinct questions. Answered items come first (they have a reference to grade
 * against); unanswered ones only fill up a bank that runs short. Topics are interleaved: chosen
 * topics take turns round-robin, while the whole bank is sampled in proportion to each topic's
 * remaining size and never the same topic twice in a row when another is available.
 */
export function planQuestions(items: readonly Card[], options: PlanOptions): string[] {
  const tiers = plannableTiers(items, options.topics, options.exclude ?? new Set<string>());
  const used = new Set<string>();
  const plan: string[] = [];
  for (const tier of tiers) {
    if (plan.length >= options.count) break;
    plan.push(...interleave(tier, options, used, options.count - plan.length));
  }
  return plan;
}

/** The distinct askable questions on the topics, answered ones first: a plan's two tiers. */
type Tiers = readonly [answered: readonly Card[], unanswered: readonly Card[]];

function tiersOf(pool: readonly Card[]): Tiers {
  return [pool.filter((item) => item.answered), pool.filter((item) => !item.answered)];
}

interface PlannablePool {
  ids: ReadonlySet<string>;
  tiers: Tiers;
}

// Every session start sifts and de-duplicates the whole bank. The bank array does not change
// until the index is rebuilt (a new array), so its pool per topic choice is kept, a few dozen
// choices at most per bank.
const pools = new WeakMap<readonly Card[], Map<string, PlannablePool>>();
const poolsPerBank = 64;

function plannableTiers(items: readonly Card[], topics: readonly TopicId[], exclude: ReadonlySet<string>): Tiers {
  const plannable = (item: Card) => isAskable(item) && matchesTopics(item, topics);
  let byTopics = pools.get(items);
  if (!byTopics) {
    byTopics = new Map();
    pools.set(items, byTopics);
  }
  const key = [...new Set(topics)].sort().join(',');
  let pool = byTopics.get(key);
  if (!pool) {
    if (byTopics.size >= poolsPerBank) byTopics.clear();
    const candidates = items.filter(plannable);
    pool = { ids: new Set(candidates.map((item) => item.id)), tiers: tiersOf(distinctQuestions(candidates)) };
    byTopics.set(key, pool);
  }
  // Leaving a card out can let a card worded like it in, so an exclusion among the candidates
  // (the warm-up item rarely is one) is planned from scratch.
  for (const id of exclude) {
    if (pool.ids.has(id)) return tiersOf(distinctQuestions(items.filter((item) => !exclude.has(item.id) && plannable(item))));
  }
  return pool.tiers;
}

function interleave(
  tier: readonly Card[],
  options: PlanOptions,
  used: Set<string>,
  wanted: number,
): string[] {
  const buckets = new Map<TopicId, Card[]>();
  for (const item of shuffled(tier, options.random)) {
    for (const topic of item.topics) {
      if (options.topics.length > 0 && !options.topics.includes(topic)) continue;
      const bucket = buckets.get(topic) ?? [];
      bucket.push(item);
      buckets.set(topic, bucket);
    }
  }
  const weighted = options.topics.length === 0;
  const rotation = shuffled([...buckets.keys()].sort(), options.random);
  const picked: string[] = [];
  let turn = 0;
  let lastTopic: TopicId | undefined;

  const takeFrom = (topic: TopicId): boolean => {
    const bucket = buckets.get(topic) ?? [];
    while (bucket.length > 0) {
      const item = bucket.shift() as Card;
      if (used.has(item.id)) continue;
      used.add(item.id);
      picked.push(item.id);
      lastTopic = topic;
      return true;
    }
    buckets.delete(topic);
    return false;
  };

  while (picked.length < wanted && buckets.size > 0) {
    if (weighted) {
      const candidates = [...buckets.keys()].filter((topic) => topic !== lastTopic || buckets.size === 1);
      const topic = weightedChoice(candidates, (topic) => buckets.get(topic)?.length ?? 0, options.random);
      takeFrom(topic);
    } else {
      const topic = rotation[turn % rotation.length] as TopicId;
      turn += 1;
      if (!buckets.has(topic)) continue;
      takeFrom(topic);
    }
  }
  return picked;
}

function weightedChoice<T>(values: readonly T[], weight: (value: T) => number, random: () => number): T {
  const total = values.reduce((sum, value) => sum + weight(value), 0);
  let target = random() * total;
  for (const value of values) {
    target -= weight(value);
    if (target < 0) return value;
  }
  return values[values.length - 1] as T;
}

export interface DrillPlan {
  plan: string[];
  /** How many of the planned questions were due. */
  due: number;
}

/**
 * A drill over one topic: due cards first, most overdue first; then questions never reviewed
 * (answered ones first, shuffled); then cards not yet due, soonest first, so a small topic still
 * fills a session.
 */
export function planDrill(
  items: readonly Card[],
  topic: TopicId,
  cards: readonly ReviewCard[],
  options: { count: number; now: Date; random: () => number; includeUnanswered?: boolean },
): DrillPlan {
  // A drill grades against the notes, so questions the notes do not answer only come when asked for.
  const inTopic = new Map(
    distinctQuestions(items).filter((item) => item.topics.includes(topic) && isAskable(item) && (item.answered || options.includeUnanswered)).map((item) => [item.id, item]),
  );
  const cardsInTopic = cards.filter((card) => inTopic.has(card.questionId));
  const byDue = [...cardsInTopic].sort((a, b) => Date.parse(a.due) - Date.parse(b.due) || a.questionId.localeCompare(b.questionId));
  const dueIds = byDue.filter((card) => isDue(card, options.now)).map((card) => card.questionId);
  const reviewed = new Set(cardsInTopic.map((card) => card.questionId));
  const fresh = [...inTopic.values()].filter((item) => !reviewed.has(item.id));
  const newIds = [
    ...shuffled(fresh.filter((item) => item.answered), options.random),
    ...shuffled(fresh.filter((item) => !item.answered), options.random),
  ].map((item) => item.id);
  const laterIds = byDue.filter((card) => !isDue(card, options.now)).map((card) => card.questionId);
  const plan = [...dueIds, ...newIds, ...laterIds].slice(0, options.count);
  return { plan, due: Math.min(dueIds.length, plan.length) };
}

const selfIntroduction = /自我介绍|介绍一下(你)?自己|introduce yourself|self[- ]?introduction/i;
const projectIntroduction = /介绍|introduc/i;

/**
 * The warm-up for an interview: the candidate's own self-introduction item when the notes have
 * one, else an introduction of a project or internship, else none (a generic warm-up is asked).
 */
export function findOpeningItem(items: readonly Card[], random: () => number): Card | undefined {
  const { selfIntro, projects } = openingCandidates(items);
  if (selfIntro.length > 0) return selfIntro[Math.floor(random() * selfIntro.length)] ?? selfIntro[0];
  return projects.length > 0 ? (projects[Math.floor(random() * projects.length)] ?? projects[0]) : undefined;
}

// Searched for at every interview start; like the plannable pools, kept per bank array.
const openings = new WeakMap<readonly Card[], { selfIntro: readonly Card[]; projects: readonly Card[] }>();

function openingCandidates(items: readonly Card[]): { selfIntro: readonly Card[]; projects: readonly Card[] } {
  let found = openings.get(items);
  if (!found) {
    const answered = items.filter((item) => item.answered && !item.searchOnly);
    found = {
      selfIntro: answered.filter((item) => selfIntroduction.test(item.question)),
      projects: answered.filter(
        (item) => item.topics.some((topic) => topic === 'project' || topic === 'behavioural') && projectIntroduction.test(item.question),
      ),
    };
    openings.set(items, found);
  }
  return found;
}

/** Without a chosen topic, a drill goes where most cards are due, else to the largest topic. */
export function busiestDrillTopic(kb: KnowledgeBase, cards: readonly ReviewCard[], at: Date): TopicId | undefined {
  const dueCounts = new Map<TopicId, number>();
  for (const card of cards) {
    if (!isDue(card, at) || !kb.getCard(card.questionId)) continue;
    for (const topic of card.topics) dueCounts.set(topic, (dueCounts.get(topic) ?? 0) + 1);
  }
  const sizes = new Map<TopicId, number>();
  for (const item of kb.cards) for (const topic of item.topics) sizes.set(topic, (sizes.get(topic) ?? 0) + 1);
  const counts = dueCounts.size > 0 ? dueCounts : sizes;
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/**
 * A drill on chosen cards (the weakest ones on the progress page): those that can be asked and
 * graded, in the order given; its topic is the one most of them share.
 */
export function planChosenDrill(
  items: readonly Card[],
  chosen: readonly string[],
  cards: readonly ReviewCard[],
  now: Date,
): DrillPlan & { topic: TopicId | undefined } {
  const askable = new Map(items.filter((item) => isAskable(item) && item.answered).map((item) => [item.id, item]));
  const plan = [...new Set(chosen)].filter((id) => askable.has(id));
  const topicCounts = new Map<TopicId, number>();
  for (const id of plan) for (const topic of askable.get(id)?.topics ?? []) topicCounts.set(topic, (topicCounts.get(topic) ?? 0) + 1);
  // Ties go to the topic named first (a card's own topic leads its list), not to the alphabet.
  const topic = [...topicCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const reviews = new Map(cards.map((card) => [card.questionId, card]));
  const due = plan.filter((id) => {
    const review = reviews.get(id);
    return review !== undefined && isDue(review, now);
  }).length;
  return { plan, due, topic };
}
