import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cardFingerprint } from '../../src/ingest/card-fingerprint.ts';
import { buildQuestionBank, ingestVersion } from '../../src/ingest/corpus.ts';
import { corpusFileNames, readCorpusText } from './corpus-fixture.ts';
import { fingerprintFile, type RecordedFingerprint } from './ingest-fingerprint-file.ts';

const utf8 = new TextEncoder();
const bankOf = (files: Record<string, string>) => buildQuestionBank(Object.entries(files).map(([path, text]) => ({ path, bytes: utf8.encode(text) }))).cards;

describe('parser changes never leave stale indexes', () => {
  it('builds the same cards from corpus/ as were recorded under this ingestVersion', () => {
    const recorded = JSON.parse(readFileSync(fingerprintFile, 'utf8')) as RecordedFingerprint;
    const cards = bankOf(Object.fromEntries(corpusFileNames().map((name) => [name, readCorpusText(name)])));
    const current = { ingestVersion, fingerprint: cardFingerprint(cards), cards: cards.length };
    const advice =
      current.fingerprint === recorded.fingerprint
        ? 'ingestVersion changed but the cards did not: run `npm run cli -- fingerprint --write` to record the new version'
        : `the cards built from corpus/ changed (${recorded.cards} → ${current.cards} cards): indexes are rebuilt only when the notes or ingestVersion change, so bump ingestVersion in src/ingest/corpus.ts and update the fingerprint with \`npm run cli -- fingerprint --write\``;
    expect(current, advice).toEqual(recorded);
  });

  it('changes when a question, a reference, a key point or a follow-up changes, and only then', () => {
    const note = '## 什么是 RDB？\n\nRDB 是 Redis 的快照持久化，定期把内存数据写到磁盘。\n\n追问：RDB 会阻塞吗？\n';
    const base = cardFingerprint(bankOf({ 'redis.md': note }));
    expect(cardFingerprint(bankOf({ 'redis.md': note }))).toBe(base);
    expect(cardFingerprint(bankOf({ 'redis.md': note.replace('什么是 RDB', '什么是 AOF') }))).not.toBe(base);
    expect(cardFingerprint(bankOf({ 'redis.md': note.replace('定期', '每隔一段时间') }))).not.toBe(base);
    expect(cardFingerprint(bankOf({ 'redis.md': note.replace('会阻塞吗', '会丢数据吗') }))).not.toBe(base);
  });
});
