import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IndexVersions } from '../../src/retrieval/index-fingerprint.ts';

/** The fingerprint of the default corpus's index, and the versions it was recorded under. */
export interface RecordedIndexFingerprint {
  versions: IndexVersions;
  fingerprint: string;
  chunks: number;
}

export const indexFingerprintFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'index-fingerprint.json');
