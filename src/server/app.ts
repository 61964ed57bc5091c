import { Hono, type Context } from 'hono';
import { defaultLimits, type AppDeps, type AppLogger, type Limits } from './deps.ts';
import type { AppEnv } from './env.ts';
import { rateLimitKey } from './client-address.ts';
import { accessGate } from './middleware/access-gate.ts';
import { crossSiteGuard } from './middleware/cross-site.ts';
import { createErrorHandler, createErrorReporter, notFoundHandler } from './middleware/error-handler.ts';
import { ownerToken } from './middleware/owner.ts';
import { rateLimit } from './middleware/rate-limit.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { cardRoutes } from './routes/cards.ts';
import { compileRoutes } from './routes/compile.ts';
import { gradeRoutes } from './routes/grade.ts';
import { healthRoutes } from './routes/health.ts';
import { progressRoutes } from './routes/progress.ts';
import { searchRoutes } from './routes/search.ts';
import { sessionRoutes } from './routes/sessions.ts';
import { topicRoutes } from './routes/topics.ts';
import { voiceRoutes } from './routes/voice.ts';

export type { AppDeps } from './deps.ts';

const consoleLogger: AppLogger = {
  error: (message, details) => console.error(`[mianba] ${message}`, details ?? ''),
};

/**
 * The whole HTTP surface of MianBa, independent of the runtime: Node and Workers entries build
 * the dependencies and hand the returned app's `fetch` to their server.
 */
export function createApp(deps: AppDeps) {
  const limits: Limits = { ...defaultLimits, ...deps.limits };
  const secrets = [deps.config.llm?.apiKey, deps.config.accessToken].filter((s): s is string => Boolean(s));
  const app = new Hono<AppEnv>();

  const report = createErrorReporter(deps.logger ?? consoleLogger, secrets);
  app.onError(createErrorHandler(report));
  app.notFound(notFoundHandler);

  const addressKey = (c: Context<AppEnv>) => {
    const address = deps.clientAddress?.(c);
    return address === undefined ? undefined : rateLimitKey(address);
  };
  app.use('*', securityHeaders());
  app.use('*', crossSiteGuard());
  // Clients of unknown address share one budget of wrong tokens: failing closed, not open.
  app.use('*', accessGate(deps.config.accessToken, (c) => addressKey(c) ?? 'unknown address'));
  app.use('*', ownerToken(deps.newId));
  const limiter = rateLimit(deps.rateLimiter, addressKey);
  // Health is polled by probes and restart loops; it is cheap and reveals nothing, so it is not metered.
  app.use('/api/*', async (c, next) => (c.req.path === '/api/health' ? next() : limiter(c, next)));

  const api = new Hono<AppEnv>()
    .route('/', healthRoutes(deps, deps.providerStatus))
    .route('/', topicRoutes(deps))
    .route('/', searchRoutes(deps))
    .route('/', gradeRoutes(deps, limits))
    .route('/', cardRoutes(deps, limits))
    .route('/', sessionRoutes(deps, { limits, report }))
    .route('/', progressRoutes(deps))
    .route('/', compileRoutes(deps, limits.bodyBytes))
    .route('/', voiceRoutes(deps, { maxAudioBytes: limits.audioBytes }));
  app.route('/api', api);

  if (deps.staticAssets) {
    const assets = deps.staticAssets;
    app.use('*', async (c, next) => (c.req.path.startsWith('/api/') ? next() : assets(c, next)));
  }
  return app;
}

export type MianBaApp = ReturnType<typeof createApp>;
