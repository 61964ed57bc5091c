import { Hono } from 'hono';
import { topicIds, type TopicId } from '../../core/types.ts';
import { isAskable } from '../../ingest/card-bank.ts';
import { topicNames } from '../../ingest/topics.ts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../env.ts';

/**
 * Every topic of the taxonomy that has questions, with its display name and question count. Counts
 * are of answered technical cards: what a drill on the topic can ask and grade.
 */
export function topicRoutes(deps: AppDeps) {
  const counts = new Map<TopicId, number>();
  for (const item of deps.kb.cards) {
    if (!isAskable(item) || !item.answered) continue;
    for (const topic of item.topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  }
  const topics = topicIds
    .filter((id) => (counts.get(id) ?? 0) > 0)
    .map((id) => ({ id, name: topicNames[id], questions: counts.get(id) ?? 0 }));
  return new Hono<AppEnv>().get('/topics', (c) => c.json(topics));
}
