/**
 * The production wiring of the app, in process: the real knowledge base built from `corpus/`, and
 * `assembleApp` (the same assembly the Node entry uses: real grader, offline or LLM against the
 * fake OpenAI server, real interview engine) over a temp-file SQLite store — minus the socket.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { newId } from '../../../src/adapters/node/ids.ts';
import { loadKnowledgeBase } from '../../../src/adapters/node/knowledge-base-loader.ts';
import { MemoryRateLimiter } from '../../../src/server/memory-rate-limiter.ts';
import { loadPrompts } from '../../../src/adapters/node/prompts-loader.ts';
import { SqliteSessionStore } from '../../../src/adapters/node/sqlite-store.ts';
import { staticAssets } from '../../../src/adapters/node/static-assets.ts';
import { parseConfig, type Config } from '../../../src/core/config.ts';
import type { KnowledgeBase } from '../../../src/core/types.ts';
import type { MianBaApp } from '../../../src/server/app.ts';
import { assembleApp } from '../../../src/server/assemble-app.ts';
import type { AppDeps } from '../../../src/server/deps.ts';

export const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
export const corpusDir = join(repoRoot, 'corpus');
/**
 * One index of the real corpus shared by every fault/security/fuzz suite and child server. The
 * loader's manifest rebuilds it when the corpus or the indexing code changed, else it loads in
 * well under a second.
 */
export const sharedIndexDataDir = join(tmpdir(), 'mianba-h-shared-index');

const knowledgeBases = new Map<string, Promise<KnowledgeBase>>();

export function loadCorpusKnowledgeBase(corpus = corpusDir, dataDir = sharedIndexDataDir): Promise<KnowledgeBase> {
  const key = `${corpus}\0${dataDir}`;
  let loading = knowledgeBases.get(key);
  if (!loading) {
    loading = loadKnowledgeBase({ config: parseConfig({ MIANBA_CORPUS_DIR: corpus, MIANBA_DATA_DIR: dataDir }), progressBar: false }).then(
      (loaded) => loaded.kb,
    );
    knowledgeBases.set(key, loading);
  }
  return loading;
}

/** A fresh data folder holding a copy of the shared index, so a child server starts without re-indexing. */
export async function seededDataDir(prefix: string): Promise<string> {
  await loadCorpusKnowledgeBase();
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of ['index', 'embedding-cache']) {
    const from = join(sharedIndexDataDir, entry);
    if (existsSync(from)) cpSync(from, join(dir, entry), { recursive: true });
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

export interface RealAppOptions {
  /** Env for parseConfig; OPENAI_BASE_URL etc. switch the grader and the interviewer voice to LLM mode. */
  env?: Record<string, string>;
  corpus?: string;
  /** Data folder for the index of `corpus` (defaults to the shared one of the real corpus). */
  indexDataDir?: string;
  databaseFile?: string;
  /** Serve web/dist for non-API paths (it must have been built). */
  web?: boolean;
  /** The client's address as the rate limiters see it (in process there is no socket). */
  clientAddress?: AppDeps['clientAddress'];
}

export interface RealApp {
  app: MianBaApp;
  store: SqliteSessionStore;
  kb: KnowledgeBase;
  config: Config;
  /** Lines the app's error logger received. */
  logged: string[];
  databaseFile: string;
  close(): void;
}

const tempDirs: string[] = [];

export async function makeRealApp(options: RealAppOptions = {}): Promise<RealApp> {
  const config = parseConfig({ MIANBA_RATE_LIMIT_PER_MINUTE: '1000000', ...options.env });
  const kb = await loadCorpusKnowledgeBase(options.corpus, options.indexDataDir);
  const prompts = await loadPrompts(join(repoRoot, 'prompts'));
  let databaseFile = options.databaseFile;
  if (!databaseFile) {
    const dir = mkdtempSync(join(tmpdir(), 'mianba-h-app-'));
    tempDirs.push(dir);
    databaseFile = join(dir, 'mianba.sqlite');
  }
  const store = new SqliteSessionStore(databaseFile);
  const logged: string[] = [];
  const { app } = assembleApp({
    kb,
    store,
    config,
    prompts,
    newId,
    rateLimiter: new MemoryRateLimiter(config.rateLimitPerMinute),
    logger: { error: (message, details) => logged.push(`${message} ${JSON.stringify(details ?? {})}`) },
    ...(options.web ? { staticAssets: staticAssets(join(repoRoot, 'web', 'dist')) } : {}),
    ...(options.clientAddress ? { clientAddress: options.clientAddress } : {}),
  });
  return { app, store, kb, config, logged, databaseFile, close: () => store.close() };
}

export function removeRealAppTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Serves an app on a free 127.0.0.1 port with @hono/node-server, as the Node entry does. */
export async function listen(app: RealApp['app']): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const { serve } = await import('@hono/node-server');
  return new Promise((resolveListen) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      resolveListen({
        baseUrl: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((resolveClose) => {
            server.close(() => resolveClose());
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
  });
}
