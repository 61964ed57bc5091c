import { Hono } from 'hono';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../env.ts';

/** Liveness plus the mode and index size; open even behind ACCESS_TOKEN, so it exposes only counts. */
export function healthRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/health', (c) =>
    c.json({
      ok: true as const,
      mode: deps.mode.mode,
      reason: deps.mode.reason,
      index: { items: deps.kb.cards.length, chunks: deps.kb.chunks.length },
    }),
  );
}
