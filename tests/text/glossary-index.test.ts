/**
 * conceptTokens and chineseFormsIn look concepts up through an index by first character and
 * first word (issue 15, item 1). This proves the index changes nothing: on every text the product
 * is evaluated on, and every passage of the notes, they return exactly what scanning the whole
 * glossary returns, in the same order.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkEmbeddingText, chunkItems } from '../../src/ingest/chunker.ts';
import { buildQuestionBank } from '../../src/ingest/corpus.ts';
import { chineseFormsIn, conceptTokens, englishWords, glossary } from '../../src/text/glossary.ts';
import { normaliseText } from '../../src/text/tokenizer.ts';

const repoRoot = join(import.meta.dirname, '..', '..');
const sharedEval = join(repoRoot, '..', 'shared', 'eval');

/** The reference: every concept checked with `includes`, as conceptTokens did before the index. */
function conceptTokensByScan(text: string): string[] {
  const normalised = normaliseText(text);
  const words = englishWords(normalised);
  return glossary
    .filter((concept) => concept.chinese.some((form) => normalised.includes(form)) || concept.english.some((form) => words.includes(form)))
    .map((concept) => concept.token);
}

/** The reference for chineseFormsIn: every Chinese form of every concept, in glossary order. */
function chineseFormsByScan(normalised: string): string[] {
  return glossary.flatMap((concept) => concept.chinese.filter((form) => normalised.includes(form)));
}

function filesUnder(directory: string, extension: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(extension))
    .map((name) => join(directory, name));
}

/** Every string anywhere in a JSON record: questions, answers, queries, references, expectations. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

function evalTexts(): Map<string, string[]> {
  const sets = new Map<string, string[]>();
  for (const file of [...filesUnder(join(repoRoot, 'eval'), '.jsonl'), ...filesUnder(sharedEval, '.jsonl')]) {
    const lines = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '');
    sets.set(relative(repoRoot, file), lines.flatMap((line) => stringsIn(JSON.parse(line))));
  }
  return sets;
}

function corpusTexts(): string[] {
  const corpusDir = join(repoRoot, 'corpus');
  const files = filesUnder(corpusDir, '.md').map((file) => ({ path: relative(corpusDir, file), bytes: readFileSync(file) }));
  const { cards } = buildQuestionBank(files);
  return [
    ...files.flatMap(({ bytes }) => bytes.toString('utf8').split('\n')),
    ...cards.flatMap((card) => [card.question, card.reference, ...card.keyPoints.map((point) => point.text)]),
    ...chunkItems(cards).map(chunkEmbeddingText),
  ];
}

/** The grader matches clauses and short windows too, so each text is also checked piece by piece. */
function withClauses(texts: readonly string[]): string[] {
  return texts.flatMap((text) => [text, ...text.split(/[。！？；，,.;!?\n]+/u).filter((clause) => clause.trim() !== '')]);
}

function differences(texts: readonly string[]): Array<{ text: string; indexed: string[]; scanned: string[] }> {
  const found = [];
  for (const text of texts) {
    const normalised = normaliseText(text);
    const indexed = [...conceptTokens(text), '|', ...chineseFormsIn(normalised)];
    const scanned = [...conceptTokensByScan(text), '|', ...chineseFormsByScan(normalised)];
    if (indexed.join(' ') !== scanned.join(' ')) found.push({ text: text.slice(0, 120), indexed, scanned });
  }
  return found;
}

describe('conceptTokens and chineseFormsIn through the glossary index', () => {
  const sets = evalTexts();

  it('finds every eval set, our own and the shared ones', () => {
    expect([...sets.keys()]).toEqual(expect.arrayContaining(['eval/grading-heldout.jsonl', 'eval/grading-adversarial.jsonl', 'eval/retrieval-heldout.jsonl']));
    if (existsSync(sharedEval)) expect([...sets.keys()]).toEqual(expect.arrayContaining(['../shared/eval/grading.jsonl', '../shared/eval/ads/train.jsonl']));
  });

  it.each([...sets.keys()])('returns the same tokens as a full scan on every text of %s', (name) => {
    const texts = withClauses(sets.get(name)!);
    expect(texts.length).toBeGreaterThan(0);
    expect(differences(texts)).toEqual([]);
  });

  it('returns the same tokens as a full scan on every line, card and passage of the notes', () => {
    const texts = withClauses(corpusTexts());
    expect(texts.length).toBeGreaterThan(3_000);
    expect(differences(texts)).toEqual([]);
  }, 120_000);

  it('returns the same tokens on every glossary form, alone, inflected and inside other words', () => {
    // Each form at the start, the end and the middle of a text, English ones also in plural and
    // capitalised: the index must not miss a form because of where it starts.
    const texts = glossary.flatMap((concept) => [
      ...concept.chinese.flatMap((form) => [form, `前面${form}`, `${form}后面`, `说说${form}的原理`]),
      ...concept.english.map((form) => form.trim()).flatMap((form) => [form, `${form}s`, `The ${form.toUpperCase()} here`, `x${form}`]),
    ]);
    expect(differences(texts)).toEqual([]);
    // And the check can fail: a text that names a concept yields its token and its forms.
    expect(conceptTokens('说说协程和线程的区别')).toEqual(expect.arrayContaining(['~coroutine', '~thread']));
    expect(chineseFormsIn('说说协程和线程的区别')).toEqual(expect.arrayContaining(['协程', '线程']));
  });
});
