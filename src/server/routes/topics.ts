import { Hono } from 'hono';
import { topicIds, type Card, type TopicId } from '../../core/types.ts';
import { isAskable } from '../../ingest/card-bank.ts';
import { applyOverlays } from '../../ingest/card-overlays.ts';
import { topicNames } from '../../ingest/topics.ts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../env.ts';

/**
 * Every topic of the taxonomy that has questions, with its display name and question count. Counts
 * are of answered technical cards as the caller sees the bank: their own card edits applied (an
 * excluded or merged card is not counted, a moved one counts under its new topic), and the bank as
 * it is now (an LLM compile swaps it), so they are worked out per request; 400 cards cost little.
 */
export function topicRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/topics', async (c) => {
    const cards = applyOverlays(deps.kb.cards, await deps.store.listOverlays(c.get('ownerId')));
    return c.json(topicsWithQuestions(cards));
  });
}

function topicsWithQuestions(cards: readonly Card[]) {
  const counts = new Map<TopicId, number>();
  for (const card of cards) {
    if (!isAskable(card) || !card.answered) continue;
    for (const topic of card.topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  }
  return topicIds
    .filter((id) => (counts.get(id) ?? 0) > 0)
    .map((id) => ({ id, name: topicNames[id], questions: counts.get(id) ?? 0 }));
}
