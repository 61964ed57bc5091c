import { randomBytes } from 'node:crypto';

/** 144 random bits as 24 URL-safe characters: session ids and owner tokens. */
export function newId(): string {
  return randomBytes(18).toString('base64url');
}
