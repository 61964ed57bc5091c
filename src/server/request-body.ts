import type { Context } from 'hono';

/**
 * What a runtime may put in the request's bindings (`c.env`) so the app reads a JSON body without
 * going through the web `Request`. On Node, `@hono/node-server` otherwise builds a `Request`, a
 * `ReadableStream` and a Node-to-web stream bridge for every POST only for the app to read them
 * back into one string: about a tenth of the server's time per answer turn. Workers supply none.
 */
export interface RequestBodyBinding {
  /** The whole body as text (UTF-8, a leading BOM dropped, as `Request.text()` does); undefined when this runtime cannot read it (the web Request is read then). */
  readRequestBody?: () => Promise<string> | undefined;
}

/** The body as text, through the runtime's reader when it has one, else the web Request. */
export function requestBodyText(c: Context): Promise<string> {
  const binding = c.env as RequestBodyBinding | undefined;
  const read = typeof binding?.readRequestBody === 'function' ? binding.readRequestBody() : undefined;
  return read ?? c.req.text();
}

/**
 * The length a request declares for its body, when that is the length it has: `Content-Length`
 * without `Transfer-Encoding` (the HTTP parser then delivers exactly that many bytes, no more).
 */
export function declaredBodyLength(c: Context): number | undefined {
  const length = c.req.header('content-length');
  if (length === undefined || c.req.header('transfer-encoding') !== undefined) return undefined;
  return parseInt(length || '0', 10);
}
