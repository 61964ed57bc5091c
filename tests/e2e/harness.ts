/**
 * End-to-end harness: builds the web app when needed, runs the real Node server as a child
 * process on a free 127.0.0.1 port with a throwaway data folder and no LLM configured, and drives
 * Debian's Chromium through playwright-core. Everything it starts, it stops.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startThrowawayServerProcess, type ServerProcess } from '../support/server-process.ts';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
const webDir = join(repoRoot, 'web');
const distIndex = join(webDir, 'dist', 'index.html');
export const artifactsDir = join(repoRoot, 'test-artifacts', 'e2e');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), stat.mtimeMs);
}

/** Builds web/dist unless it is newer than every web source, so tests never run a stale bundle. */
export function ensureWebBuilt(): void {
  const sources = [join(webDir, 'src'), join(webDir, 'index.html'), join(webDir, 'vite.config.ts'), join(webDir, 'public')].filter(existsSync);
  if (existsSync(distIndex) && statSync(distIndex).mtimeMs >= Math.max(...sources.map(newestMtime))) return;
  const result = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(webDir, 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`web build failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
}

export type RunningServer = ServerProcess & { dataDir: string };

/**
 * Starts `src/entries/node-server.ts` over a throwaway data folder, offline unless `env` configures
 * an LLM; resolves once /api/health answers.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  ensureWebBuilt();
  return startThrowawayServerProcess('mianba-e2e-', {
    // The suites drive many requests from one address within a minute; rate limiting has its own tests.
    env: { MIANBA_RATE_LIMIT_PER_MINUTE: '100000', ...env },
    timeoutMs: 100_000,
  });
}

/** `extraArgs`: e.g. the fake microphone flags of the voice suite. */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
    timeout: 30_000,
  });
}

export interface ServerAndBrowser {
  readonly server: RunningServer;
  readonly browser: Browser;
}

/** Starts the server, then Chromium, before the enclosing `describe`'s tests; stops both after them. */
export function useServerAndBrowser(): ServerAndBrowser {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`${name} is only available inside a test`);
    return value;
  };
  return {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
  };
}

export interface PageProblems {
  /** Uncaught exceptions, console errors (CSP violations appear here) and alert()/confirm() dialogs. */
  errors: string[];
  dialogs: string[];
}

/** Records everything that would mean the page misbehaved, for assertions at the end of a test. */
export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { errors: [], dialogs: [] };
  page.on('pageerror', (error) => problems.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(`console: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return problems;
}

/** A fresh context with one page whose problems are recorded; close the context at the end. */
export async function openWatchedPage(
  browser: Browser,
  options: BrowserContextOptions,
): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  return { context, page, problems: watchPage(page) };
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage });
}
