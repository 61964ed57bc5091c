import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ErrorReporter } from './middleware/error-handler.ts';

export type TokenSink = (token: string) => void;

export function wantsEventStream(c: Context): boolean {
  return (c.req.header('accept') ?? '').includes('text/event-stream');
}

/** Splits already-final text into small pieces, so an offline reply streams like an LLM one. */
export function textPieces(text: string, size = 12): string[] {
  const characters = [...text];
  const pieces: string[] = [];
  for (let index = 0; index < characters.length; index += size) pieces.push(characters.slice(index, index + size).join(''));
  return pieces;
}

/**
 * Answers with JSON, or, when the client accepts `text/event-stream`, as SSE: `token` events
 * carry the interviewer's text as it is produced, then one `done` event carries exactly the JSON
 * body, or one `error` event carries `{error:{code,message}}`. Work that can fail with a plain
 * status (validation, ownership, 409) must happen before this is called.
 */
export async function respondMaybeStreaming<Body extends object>(
  c: Context,
  options: {
    status: 200 | 201;
    report: ErrorReporter;
    produce: (onToken: TokenSink | undefined) => Promise<Body>;
    /** The text a client should see streamed when `produce` emitted no tokens itself. */
    textOf: (body: Body) => string;
  },
): Promise<Response> {
  if (!wantsEventStream(c)) return c.json(await options.produce(undefined), options.status);
  c.status(options.status);
  return streamSSE(c, async (stream) => {
    let streamed = false;
    let pending = Promise.resolve();
    const onToken: TokenSink = (token) => {
      if (!token) return;
      streamed = true;
      // A template line arrives whole; split it so every reply streams the same way.
      for (const piece of textPieces(token)) pending = pending.then(() => stream.writeSSE({ event: 'token', data: piece }));
    };
    try {
      const body = await options.produce(onToken);
      await pending;
      if (!streamed) {
        for (const piece of textPieces(options.textOf(body))) await stream.writeSSE({ event: 'token', data: piece });
      }
      await stream.writeSSE({ event: 'done', data: JSON.stringify(body) });
    } catch (error) {
      await pending.catch(() => undefined);
      const appError = options.report(error, `${c.req.method} ${new URL(c.req.url).pathname} (stream)`);
      await stream.writeSSE({ event: 'error', data: JSON.stringify(appError.toBody()) });
    }
  });
}
