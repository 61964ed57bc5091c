import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../core/errors.ts';
import { errorResponse } from './error-handler.ts';

/** Rejects oversized bodies before they are buffered, as 413 JSON. */
export function limitBody(maxBytes: number) {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => errorResponse(c, new AppError('payload_too_large', `request body exceeds ${Math.round(maxBytes / 1024)} KB`)),
  });
}
