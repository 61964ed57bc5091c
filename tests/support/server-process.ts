/**
 * Runs the real Node entry (`src/entries/node-server.ts` under tsx) as a child process on a free
 * 127.0.0.1 port, captures everything it prints, and stops it — gracefully or with SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from './real-app.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
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

const maxCapturedBytes = 2 * 1024 * 1024;

export async function startServerProcess(options: {
  dataDir: string;
  env?: Record<string, string>;
  port?: number;
  timeoutMs?: number;
  /** Sent with the health probe, e.g. a bearer token for a gated server (health itself is open). */
  healthHeaders?: Record<string, string>;
}): Promise<ServerProcess> {
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
