import type { Context } from 'hono';
import { z } from 'zod';
import { AppError } from '../core/errors.ts';
import { requestBodyText } from './request-body.ts';

/** Names the first failing field, e.g. `answer: Too big: expected string to have <=32768 characters`. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid input';
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'body';
  return `${field}: ${issue.message}`.slice(0, 300);
}

export function parseWith<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError('bad_request', describeIssue(parsed.error));
  return parsed.data;
}

/** Reads the request body as JSON and validates it; malformed JSON and schema failures are 400s. */
export async function readJsonBody<Schema extends z.ZodType>(c: Context, schema: Schema): Promise<z.output<Schema>> {
  const text = await requestBodyText(c);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError('bad_request', 'request body is not valid JSON');
  }
  return parseWith(schema, body);
}

export function parseQuery<Schema extends z.ZodType>(c: Context, schema: Schema): z.output<Schema> {
  return parseWith(schema, c.req.query());
}

export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * A candidate's answer: non-empty, and at most `maxBytes` of UTF-8. Oversize is a 413 (like an
 * oversize body), not a 400, so the client can tell "too long" from "malformed".
 */
export function answerText(maxBytes: number) {
  return z
    .string()
    .refine((text) => text.trim().length > 0, 'answer must not be empty')
    .transform((text) => {
      if (text.length > maxBytes || utf8Bytes(text) > maxBytes) {
        throw new AppError('payload_too_large', `answer exceeds ${Math.round(maxBytes / 1024)} KB`);
      }
      return text;
    });
}
