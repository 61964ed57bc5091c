import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chunkItems } from '../../src/ingest/chunker.ts';
import { buildQuestionBank } from '../../src/ingest/corpus.ts';
import { indexFingerprint, indexVersions } from '../../src/retrieval/index-fingerprint.ts';
import { corpusFileNames, readCorpusText } from '../ingest/corpus-fixture.ts';
import { indexFingerprintFile, type RecordedIndexFingerprint } from './index-fingerprint-file.ts';

const utf8 = new TextEncoder();
const cardsOf = (files: Record<string, string>) => buildQuestionBank(Object.entries(files).map(([path, text]) => ({ path, bytes: utf8.encode(text) }))).cards;

describe('glossary, tokenizer and dictionary changes never leave stale indexes', () => {
  it('indexes corpus/ as was recorded under these versions', async () => {
    const recorded = JSON.parse(readFileSync(indexFingerprintFile, 'utf8')) as RecordedIndexFingerprint;
    const cards = cardsOf(Object.fromEntries(corpusFileNames().map((name) => [name, readCorpusText(name)])));
    const chunks = chunkItems(cards);
    const current = { versions: indexVersions(), fingerprint: await indexFingerprint(cards, chunks), chunks: chunks.length };
    const advice =
      current.fingerprint === recorded.fingerprint
        ? 'a version changed but the index did not: run `npm run cli -- fingerprint --write` to record the new versions'
        : 'what indexing makes of corpus/ changed: stored indexes are rebuilt only when the notes or a version change, so bump glossaryVersion (src/text/glossary.ts) or lexicalAnalyserVersion (src/retrieval/lexical-analyser.ts), then run `npm run cli -- fingerprint --write`';
    expect(current, advice).toEqual(recorded);
  });

  it('changes when a glossary concept, a word or a passage changes what is indexed, and only then', async () => {
    const fingerprintOf = async (note: string) => {
      const cards = cardsOf({ 'redis.md': note });
      return indexFingerprint(cards, chunkItems(cards));
    };
    const note = '## 什么是 RDB？\n\nRDB 是 Redis 的快照持久化，定期把内存数据写到磁盘。\n';
    const base = await fingerprintOf(note);
    expect(await fingerprintOf(note)).toBe(base);
    // 内存 is the glossary's memory concept: a passage without it indexes other concept tokens.
    expect(await fingerprintOf(note.replace('内存数据', '数据'))).not.toBe(base);
    expect(await fingerprintOf(note.replace('定期', '每隔一段时间'))).not.toBe(base);
  });
});
