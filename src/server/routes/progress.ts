import { Hono } from 'hono';
import { z } from 'zod';
import { topicIds } from '../../core/types.ts';
import { buildProgress } from '../../interview/progress.ts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../env.ts';
import { parseQuery } from '../validation.ts';

/** `?topic=` narrows everything to one topic; `?tz=` is the viewer's getTimezoneOffset() for the due days. */
const progressQuery = z.object({
  topic: z.enum(topicIds).optional(),
  tz: z
    .string()
    .regex(/^-?\d{1,3}$/, 'tz must be whole minutes')
    .transform(Number)
    .pipe(z.number().int().min(-840).max(840))
    .optional(),
});

/** The owner's mastery per topic and file, its trend over sessions, the weakest cards and due days. */
export function progressRoutes(deps: Pick<AppDeps, 'kb' | 'store'>, now: () => Date = () => new Date()) {
  return new Hono<AppEnv>().get('/progress', async (c) => {
    const query = parseQuery(c, progressQuery);
    const ownerId = c.get('ownerId');
    const [sessions, reviewCards] = await Promise.all([deps.store.listSessions(ownerId), deps.store.getCards(ownerId)]);
    return c.json(
      buildProgress({
        kb: deps.kb,
        // The stores already filter by owner; this keeps a foreign row out even if one did not.
        sessions: sessions.filter((session) => session.ownerId === ownerId),
        reviewCards: reviewCards.filter((card) => card.ownerId === ownerId),
        now: now(),
        ...(query.topic ? { topic: query.topic } : {}),
        ...(query.tz !== undefined ? { timezoneOffsetMinutes: query.tz } : {}),
      }),
    );
  });
}
