import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The fingerprint of the default corpus's cards, and the ingestVersion it was recorded under. */
export interface RecordedFingerprint {
  ingestVersion: number;
  fingerprint: string;
  cards: number;
}

export const fingerprintFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'ingest-fingerprint.json');
