/**
 * Builds the real app from the production parts: the knowledge base indexed from the real notes
 * in corpus/ (into a temp data folder), the offline grader, the interview engine, and the SQLite
 * store on a temp file. Each client gets a browser-like cookie jar.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '../../src/adapters/node/ids.ts';
import { MemoryRateLimiter } from '../../src/server/memory-rate-limiter.ts';
import { SqliteSessionStore } from '../../src/adapters/node/sqlite-store.ts';
import { SqliteAudioClipStore } from '../../src/adapters/node/sqlite-audio-clips.ts';
import { parseConfig } from '../../src/core/config.ts';
import type { Grader, KnowledgeBase } from '../../src/core/types.ts';
import { loadKnowledgeBase } from '../../src/adapters/node/knowledge-base-loader.ts';
import { loadPrompts } from '../../src/adapters/node/prompts-loader.ts';
import type { MianBaApp } from '../../src/server/app.ts';
import { assembleApp } from '../../src/server/assemble-app.ts';
import type { AppDeps, Limits } from '../../src/server/deps.ts';

const repositoryRoot = join(import.meta.dirname, '..', '..');

export interface HarnessOptions {
  env?: Record<string, string>;
  limits?: Partial<Limits>;
  /** Reuse a database file, e.g. to simulate a restart. */
  databaseFile?: string;
  staticAssets?: AppDeps['staticAssets'];
  clientAddress?: AppDeps['clientAddress'];
}

export interface Harness {
  app: MianBaApp;
  store: SqliteSessionStore;
  kb: KnowledgeBase;
  grader: Grader;
  databaseFile: string;
  logged: string[];
  browser(): Browser;
  close(): Promise<void>;
}

/** Keeps the cookies a server sets, like a browser, and sends them back. */
export class Browser {
  readonly cookies = new Map<string, string>();
  lastSetCookie: string[] = [];

  constructor(private readonly app: Harness['app']) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await this.app.request(path, { ...init, headers });
    this.lastSetCookie = response.headers.getSetCookie();
    for (const line of this.lastSetCookie) {
      const [pair] = line.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) this.cookies.set(name.trim(), value.join('='));
    }
    return response;
  }

  post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }
}

const tempDirs: string[] = [];

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

let shared: Promise<{ kb: KnowledgeBase; prompts: Record<string, string> }> | undefined;

/** The real notes indexed once per test file; building takes about a second. */
function sharedParts() {
  shared ??= (async () => {
    const config = parseConfig({ MIANBA_CORPUS_DIR: join(repositoryRoot, 'corpus'), MIANBA_DATA_DIR: tempDir('mianba-index-') });
    const { kb } = await loadKnowledgeBase({ config, progressBar: false });
    return { kb, prompts: await loadPrompts(join(repositoryRoot, 'prompts')) };
  })();
  return shared;
}

/** A candidate who knows the reference answer by heart. */
export function referenceAnswer(kb: KnowledgeBase, questionId: string): string {
  const item = kb.getCard(questionId);
  if (!item?.answered) throw new Error(`question ${questionId} has no reference answer`);
  return item.reference;
}

export async function makeHarness(options: HarnessOptions = {}): Promise<Harness> {
  let databaseFile = options.databaseFile;
  databaseFile ??= join(tempDir('mianba-server-'), 'mianba.sqlite');
  const config = parseConfig({ MIANBA_RATE_LIMIT_PER_MINUTE: '10000', ...options.env });
  const { kb, prompts } = await sharedParts();
  const store = new SqliteSessionStore(databaseFile);
  // As in production: recordings are kept only on request, in the same database.
  const audioClips = new SqliteAudioClipStore(databaseFile);
  const logged: string[] = [];
  const { app, grader } = assembleApp({
    kb,
    prompts,
    store,
    audioClips,
    config,
    newId,
    rateLimiter: new MemoryRateLimiter(config.rateLimitPerMinute),
    logger: { error: (message, details) => logged.push(`${message} ${JSON.stringify(details ?? {})}`) },
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.staticAssets ? { staticAssets: options.staticAssets } : {}),
    ...(options.clientAddress ? { clientAddress: options.clientAddress } : {}),
  });
  return {
    app,
    store,
    kb,
    grader,
    databaseFile,
    logged,
    browser: () => new Browser(app),
    close: () => {
      audioClips.close();
      return store.close();
    },
  };
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Parses an SSE body into its events. */
export function parseSse(text: string): { event: string; data: string }[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((line) => line.startsWith('event: '))?.slice(7) ?? 'message';
      const data = lines
        .filter((line) => line.startsWith('data: ') || line === 'data:')
        .map((line) => line.slice(6))
        .join('\n');
      return { event, data };
    });
}
