import { Hono } from 'hono';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../env.ts';
import type { ProviderStatus } from '../provider-status.ts';

/**
 * Liveness, open even behind ACCESS_TOKEN for probes; without the token it says only `ok`. With
 * it (or with no gate): the mode and why, whether the LLM provider answered its last call, and
 * the index size. Never the provider's host.
 */
export function healthRoutes(deps: AppDeps, provider: ProviderStatus | undefined) {
  return new Hono<AppEnv>().get('/health', (c) => {
    if (!c.get('authenticated')) return c.json({ ok: true as const });
    // After repeated LLM failures the circuit breaker answers offline for a while: say so, and why.
    const llm = provider?.health();
    return c.json({
      ok: true as const,
      mode: llm?.degraded ? ('degraded' as const) : deps.mode.mode,
      reason: llm?.degraded ? llm.reason : deps.mode.reason,
      ...(provider ? { provider: provider.report() } : {}),
      index: { items: deps.kb.cards.length, chunks: deps.kb.chunks.length },
    });
  });
}
