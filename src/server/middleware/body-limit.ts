import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../core/errors.ts';
import { errorResponse } from './error-handler.ts';

/**
 * Rejects oversized bodies before they are buffered, as 413 JSON. The unread rest of the body
 * leaves the connection unusable (Node's adapter drops it shortly after), so the response says
 * `Connection: close` and the client opens a fresh connection instead of reusing a dying one.
 */
export function limitBody(maxBytes: number) {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => {
      const response = errorResponse(c, new AppError('payload_too_large', `request body exceeds ${Math.round(maxBytes / 1024)} KB`));
      response.headers.set('Connection', 'close');
      return response;
    },
  });
}
