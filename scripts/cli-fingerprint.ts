/**
 * `npm run cli -- fingerprint [--write]`: the fingerprints of the cards built from the repository's
 * corpus/ and of the index built from them, checked by tests/ingest/ingest-fingerprint.test.ts and
 * tests/retrieval/index-fingerprint.test.ts. `--write` records them, and refuses to record a change
 * under the versions the old fingerprint was recorded with: existing indexes would never be rebuilt.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AppError } from '../src/core/errors.ts';
import { cardFingerprint } from '../src/ingest/card-fingerprint.ts';
import { chunkItems } from '../src/ingest/chunker.ts';
import { buildQuestionBank, ingestVersion } from '../src/ingest/corpus.ts';
import { indexFingerprint, indexVersions } from '../src/retrieval/index-fingerprint.ts';
import { corpusFileNames, readCorpusText } from '../tests/ingest/corpus-fixture.ts';
import { fingerprintFile, type RecordedFingerprint } from '../tests/ingest/ingest-fingerprint-file.ts';
import { indexFingerprintFile, type RecordedIndexFingerprint } from '../tests/retrieval/index-fingerprint-file.ts';

export const usage =
  'usage: npm run cli -- fingerprint [--write]\n  Prints the fingerprints of the cards and the index built from corpus/; --write stores them in tests/ingest/ingest-fingerprint.json and tests/retrieval/index-fingerprint.json (bump ingestVersion in src/ingest/corpus.ts first when the cards changed, glossaryVersion or lexicalAnalyserVersion when the index did).';

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { write: { type: 'boolean', default: false } } });
  const utf8 = new TextEncoder();
  const { cards } = buildQuestionBank(corpusFileNames().map((name) => ({ path: name, bytes: utf8.encode(readCorpusText(name)) })));
  const current: RecordedFingerprint = { ingestVersion, fingerprint: cardFingerprint(cards), cards: cards.length };
  const chunks = chunkItems(cards);
  const index: RecordedIndexFingerprint = { versions: indexVersions(), fingerprint: await indexFingerprint(cards, chunks), chunks: chunks.length };
  console.log(JSON.stringify(current));
  console.log(JSON.stringify(index));
  if (!values.write) return;
  const recorded = readRecorded<RecordedFingerprint>(fingerprintFile);
  if (recorded && recorded.fingerprint !== current.fingerprint && recorded.ingestVersion === ingestVersion) {
    throw new AppError('bad_request', `the cards changed but ingestVersion is still ${ingestVersion}: bump it in src/ingest/corpus.ts, then run this again`);
  }
  const recordedIndex = readRecorded<RecordedIndexFingerprint>(indexFingerprintFile);
  if (recordedIndex && recordedIndex.fingerprint !== index.fingerprint && JSON.stringify(recordedIndex.versions) === JSON.stringify(index.versions)) {
    throw new AppError('bad_request', 'the index changed but its versions did not: bump glossaryVersion in src/text/glossary.ts or lexicalAnalyserVersion in src/retrieval/lexical-analyser.ts, then run this again');
  }
  writeFileSync(fingerprintFile, `${JSON.stringify(current, null, 2)}\n`);
  writeFileSync(indexFingerprintFile, `${JSON.stringify(index, null, 2)}\n`);
  console.log(`wrote ${fingerprintFile} and ${indexFingerprintFile}`);
}

function readRecorded<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}
