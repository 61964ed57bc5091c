/**
 * `npm run cli -- fingerprint [--write]`: the fingerprint of the cards built from the repository's
 * corpus/, checked by tests/ingest/ingest-fingerprint.test.ts. `--write` records it, and refuses
 * to record new cards under the ingestVersion the old ones were recorded with: existing indexes
 * would never be rebuilt.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AppError } from '../src/core/errors.ts';
import { cardFingerprint } from '../src/ingest/card-fingerprint.ts';
import { buildQuestionBank, ingestVersion } from '../src/ingest/corpus.ts';
import { corpusFileNames, readCorpusText } from '../tests/ingest/corpus-fixture.ts';
import { fingerprintFile, type RecordedFingerprint } from '../tests/ingest/ingest-fingerprint-file.ts';

export const usage =
  'usage: npm run cli -- fingerprint [--write]\n  Prints the fingerprint of the cards built from corpus/; --write stores it in tests/ingest/ingest-fingerprint.json (bump ingestVersion in src/ingest/corpus.ts first when the cards changed).';

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { write: { type: 'boolean', default: false } } });
  const utf8 = new TextEncoder();
  const { cards } = buildQuestionBank(corpusFileNames().map((name) => ({ path: name, bytes: utf8.encode(readCorpusText(name)) })));
  const current: RecordedFingerprint = { ingestVersion, fingerprint: cardFingerprint(cards), cards: cards.length };
  console.log(JSON.stringify(current));
  if (!values.write) return;
  const recorded = existsSync(fingerprintFile) ? (JSON.parse(readFileSync(fingerprintFile, 'utf8')) as RecordedFingerprint) : undefined;
  if (recorded && recorded.fingerprint !== current.fingerprint && recorded.ingestVersion === ingestVersion) {
    throw new AppError('bad_request', `the cards changed but ingestVersion is still ${ingestVersion}: bump it in src/ingest/corpus.ts, then run this again`);
  }
  writeFileSync(fingerprintFile, `${JSON.stringify(current, null, 2)}\n`);
  console.log(`wrote ${fingerprintFile}`);
}
