/**
 * Runs the real Node entry (`src/entries/node-server.ts` under tsx) as a child process on a free
 * 127.0.0.1 port, captures everything it prints, and stops it — gracefully or with SIGKILL. Shared
 * by the e2e, fault, security and Workers-parity tests and by `npm run bench -- faults`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '..', '..');

/** A port nothing listens on right now (the OS picks it), for a child process to bind. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The parent's environment without anything that would switch on an LLM, a gate or a port. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('OPENAI_') || key.startsWith('MIANBA_') || key === 'ACCESS_TOKEN' || key === 'PORT') continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

export interface ServerProcess {
  baseUrl: string;
  port: number;
  /** Milliseconds from spawn until /api/health answered. */
  startupMs: number;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** SIGKILL and wait for the exit. */
  kill9(): Promise<void>;
  /** SIGTERM (graceful), escalating to SIGKILL after a few seconds. */
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  dataDir: string;
  env?: Record<string, string>;
  port?: number;
  timeoutMs?: number;
  /** Sent with the health probe, e.g. a bearer token for a gated server (health itself is open). */
  healthHeaders?: Record<string, string>;
}

const maxCapturedBytes = 2 * 1024 * 1024;

export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const started = performance.now();
  // `node --import tsx` rather than the tsx CLI: the CLI is a wrapper process, and SIGKILL to it would
  // orphan the real server instead of crashing it.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'src', 'entries', 'node-server.ts')], {
    cwd: repoRoot,
    env: cleanEnv({ PORT: String(port), MIANBA_DATA_DIR: options.dataDir, ...options.env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    if (output.length < maxCapturedBytes) output += chunk.toString('utf8');
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolveExit) => {
    if (child.exitCode !== null || child.signalCode !== null) resolveExit();
    else child.once('exit', () => resolveExit());
  });
  const alive = () => child.exitCode === null && child.signalCode === null;

  const kill9 = async () => {
    if (alive()) child.kill('SIGKILL');
    await exited;
  };
  const stop = async () => {
    if (alive()) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 8_000);
      await exited;
      clearTimeout(killer);
    }
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (Date.now() < deadline && alive()) {
    try {
      const response = await fetch(`${baseUrl}/api/health`, { headers: options.healthHeaders ?? {}, signal: AbortSignal.timeout(2_000) });
      if (response.ok) {
        return { baseUrl, port, startupMs: performance.now() - started, output: () => output, kill9, stop };
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((wait) => setTimeout(wait, 50));
  }
  await kill9();
  throw new Error(`server did not become healthy on ${baseUrl}:\n${output.slice(-5_000)}`);
}

/** `startServerProcess` over a fresh temp data folder, which `stop` and `kill9` delete afterwards. */
export async function startThrowawayServerProcess(
  tempPrefix: string,
  options: Omit<ServerProcessOptions, 'dataDir'> = {},
): Promise<ServerProcess & { dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), tempPrefix));
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  try {
    const server = await startServerProcess({ ...options, dataDir });
    return {
      ...server,
      dataDir,
      kill9: async () => {
        await server.kill9();
        removeDataDir();
      },
      stop: async () => {
        await server.stop();
        removeDataDir();
      },
    };
  } catch (error) {
    removeDataDir();
    throw error;
  }
}
