/**
 * The Cloudflare Workers entry: the same `createApp(deps)` as `npm start`, wired to Workers
 * adapters — D1 sessions, the `ratelimits` binding, the prebuilt index searched exactly in pure
 * JS, the web app from the assets binding, the openai SDK over fetch. Dependencies are built once
 * per isolate, on its first request, and reused by every later request the isolate serves.
 */
import type { D1Database, ExecutionContext, Fetcher, RateLimit } from '@cloudflare/workers-types';
import bundledIndex from 'mianba:worker-index';
import bundledPrompts from 'mianba:prompts';
import { z } from 'zod';
import { newId } from '../adapters/workers/ids.ts';
import { D1SessionStore } from '../adapters/workers/d1-store.ts';
import { D1AudioClipStore } from '../adapters/workers/d1-audio-clips.ts';
import { loadPrebuiltKnowledgeBase } from '../adapters/workers/prebuilt-index.ts';
import { BindingRateLimiter } from '../adapters/workers/rate-limiter.ts';
import { assetsFromBinding } from '../adapters/workers/static-assets.ts';
import { parseConfig } from '../core/config.ts';
import { AppError, isAppError } from '../core/errors.ts';
import { createEmbeddings } from '../retrieval/embeddings-factory.ts';
import type { MianBaApp } from '../server/app.ts';
import { assembleApp } from '../server/assemble-app.ts';

/** Bindings declared in wrangler.toml; every other string entry is a var or secret. */
export interface WorkerEnv {
  DB: D1Database;
  RATE_LIMITER: RateLimit;
  ASSETS: Fetcher;
  [name: string]: unknown;
}

/** The `period` of the [[ratelimits]] binding in wrangler.toml. */
const rateLimitPeriodSeconds = 60;

const promptsSchema = z.record(z.string(), z.string());

/** Vars and secrets only: parseConfig reads the same names as process.env on Node. */
function stringVars(env: WorkerEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

async function buildApp(env: WorkerEnv): Promise<MianBaApp> {
  const config = parseConfig(stringVars(env));
  const prompts = promptsSchema.parse(bundledPrompts);
  const kb = await loadPrebuiltKnowledgeBase(bundledIndex, createEmbeddings(config));
  return assembleApp({
    kb,
    prompts,
    store: new D1SessionStore(env.DB),
    audioClips: new D1AudioClipStore(env.DB),
    config,
    newId,
    rateLimiter: new BindingRateLimiter(env.RATE_LIMITER, rateLimitPeriodSeconds),
    // Set by Cloudflare's edge for every request; a client cannot forge it in production.
    clientAddress: (c) => c.req.header('cf-connecting-ip'),
    staticAssets: assetsFromBinding(env.ASSETS),
  }).app;
}

let app: Promise<MianBaApp> | undefined;

export default {
  async fetch(request: Request, env: WorkerEnv, context: ExecutionContext): Promise<Response> {
    app ??= buildApp(env).catch((error: unknown) => {
      // Let the next request retry instead of pinning a failed start to the isolate.
      app = undefined;
      throw error;
    });
    let ready: MianBaApp;
    try {
      ready = await app;
    } catch (error) {
      console.error('[mianba] the Worker could not start', error);
      const failure = new AppError('index_unavailable', isAppError(error) ? error.message : 'the service could not start');
      return Response.json(failure.toBody(), { status: failure.status });
    }
    return ready.fetch(request, env, context);
  },
};
