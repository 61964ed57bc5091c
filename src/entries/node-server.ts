/**
 * `npm start`: the whole product on one Node process and one port. Builds the web app and the
 * index when they are missing, opens the SQLite store, wires the runtime-agnostic app and serves
 * it with @hono/node-server. `startNodeServer` is exported for the server benchmark and tests.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { newId } from '../adapters/node/ids.ts';
import { loadKnowledgeBase } from '../adapters/node/knowledge-base-loader.ts';
import { MemoryRateLimiter } from '../server/memory-rate-limiter.ts';
import { loadPrompts } from '../adapters/node/prompts-loader.ts';
import { SqliteSessionStore } from '../adapters/node/sqlite-store.ts';
import { staticAssets } from '../adapters/node/static-assets.ts';
import { ensureWebBuilt } from '../adapters/node/web-build.ts';
import { parseConfig } from '../core/config.ts';
import { isAppError } from '../core/errors.ts';
import { describeMode } from '../llm/client.ts';
import { assembleApp } from '../server/assemble-app.ts';
import { forwardedClientAddress } from '../server/client-address.ts';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface NodeServerOptions {
  env: Record<string, string | undefined>;
  /** Overrides HOST (default 127.0.0.1). */
  hostname?: string;
  /** Overrides PORT; 0 picks a free port. */
  port?: number;
  /** Serve the built web app too (building it if missing). */
  serveWeb?: boolean;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  databaseFile: string;
  mode: 'offline' | 'llm';
  /** Stops accepting connections, lets in-flight requests finish (bounded), then closes the database. */
  close(): Promise<void>;
}

export async function startNodeServer(options: NodeServerOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const config = parseConfig(options.env);
  const mode = describeMode(config);
  const distDir = options.serveWeb === false ? undefined : await ensureWebBuilt(join(repositoryRoot, 'web'), log);
  const loaded = await loadKnowledgeBase({ config, log });
  for (const warning of loaded.warnings) log(`warning: ${warning}`);
  const { kb } = loaded;
  const prompts = await loadPrompts(join(repositoryRoot, 'prompts'));
  const databaseFile = resolve(config.dataDir, 'mianba.sqlite');
  const store = new SqliteSessionStore(databaseFile);
  const { app } = assembleApp({
    kb,
    prompts,
    store,
    config,
    newId,
    rateLimiter: new MemoryRateLimiter(config.rateLimitPerMinute),
    clientAddress: (c) =>
      forwardedClientAddress(c.req.header('x-forwarded-for'), config.trustedProxyHops) ?? getConnInfo(c).remote.address,
    ...(distDir ? { staticAssets: staticAssets(distDir) } : {}),
  });

  const port = options.port ?? config.port;
  const hostname = options.hostname ?? config.host;
  const { server, address } = await new Promise<{ server: Server; address: AddressInfo }>((resolveListen, reject) => {
    const listening = serve({ fetch: app.fetch, port, hostname }, (info) =>
      resolveListen({ server: listening as Server, address: info }),
    );
    listening.once('error', reject);
  });
  server.on('clientError', answerMalformedRequest);
  const host = hostname === '0.0.0.0' || hostname === '::' ? 'localhost' : hostname.includes(':') ? `[${hostname}]` : hostname;
  const url = `http://${host}:${address.port}`;
  log(`MianBa 面霸 is serving at ${url}`);
  log(`mode: ${mode.mode} (${mode.reason}); question bank: ${kb.cards.length} questions, ${kb.chunks.length} passages`);

  let closing: Promise<void> | undefined;
  return {
    url,
    port: address.port,
    databaseFile,
    mode: mode.mode,
    close: () => {
      closing ??= new Promise<void>((resolveClose) => {
        // In-flight answers get a few seconds to commit; idle keep-alive sockets go at once.
        const force = setTimeout(() => server.closeAllConnections(), 5_000);
        server.close(() => {
          clearTimeout(force);
          void store.close().then(resolveClose, resolveClose);
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}

/**
 * Requests Node's HTTP parser rejects (oversized headers, broken framing) never reach the app;
 * they still get the API's JSON error shape instead of Node's bare status line.
 */
function answerMalformedRequest(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const body = JSON.stringify({
    error: { code: 'bad_request', message: tooLarge ? 'request headers too large' : 'malformed HTTP request' },
  });
  socket.end(
    `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

async function main(): Promise<void> {
  const running = await startNodeServer({ env: process.env });
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(isAppError(error) ? `MianBa cannot start [${error.code}]: ${error.message}` : error);
    process.exit(1);
  });
}
