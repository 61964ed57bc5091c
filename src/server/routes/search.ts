import { Hono } from 'hono';
import { z } from 'zod';
import { topicIds } from '../../core/types.ts';
import { overlaidKnowledgeBase } from '../../ingest/card-overlays.ts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../env.ts';
import { parseQuery } from '../validation.ts';

const searchQuery = z.object({
  q: z.string().trim().min(1, 'q must not be empty').max(1000),
  k: z.coerce.number().int().min(1).max(50).default(5),
  topic: z.enum(topicIds).optional(),
  mode: z.enum(['hybrid', 'lexical', 'vector']).optional(),
});

export function searchRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/search', async (c) => {
    const query = parseQuery(c, searchQuery);
    // The owner's excluded cards are left out of what search finds (题库 page).
    const kb = overlaidKnowledgeBase(deps.kb, await deps.store.listOverlays(c.get('ownerId')));
    const hits = await kb.search(query.q, {
      k: query.k,
      ...(query.mode ? { mode: query.mode } : {}),
      ...(query.topic ? { topics: [query.topic] } : {}),
    });
    return c.json({
      results: hits.map((hit) => ({
        source: hit.chunk.source,
        heading: hit.chunk.heading,
        text: hit.chunk.text,
        score: hit.score,
        cardId: hit.chunk.cardId,
        topics: hit.chunk.topics,
      })),
    });
  });
}
