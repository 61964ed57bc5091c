import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../core/errors.ts';
import { declaredBodyLength } from '../request-body.ts';
import { errorResponse } from './error-handler.ts';

/**
 * Rejects oversized bodies before they are buffered, as 413 JSON. The unread rest of the body
 * leaves the connection unusable (Node's adapter drops it shortly after), so the response says
 * `Connection: close` and the client opens a fresh connection instead of reusing a dying one.
 *
 * A body of declared length is judged by its header alone, as hono's bodyLimit does, but without
 * touching `c.req.raw.body`: on Node that would build the web Request the app then never reads
 * (see request-body.ts). A body without one (chunked) is counted as it streams, by hono's.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const tooLarge: Parameters<typeof bodyLimit>[0]['onError'] = (c) => {
    const response = errorResponse(c, new AppError('payload_too_large', `request body exceeds ${Math.round(maxBytes / 1024)} KB`));
    response.headers.set('Connection', 'close');
    return response;
  };
  const streamed = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async (c, next) => {
    const declared = declaredBodyLength(c);
    if (declared === undefined) return streamed(c, next);
    if (declared > maxBytes) return tooLarge(c);
    await next();
  };
}
