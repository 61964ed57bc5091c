/**
 * Child process of tests/fuzz/markdown-parser-fuzz.test.ts: runs the Markdown fuzz properties and
 * reports every case to the parent before and after it runs, so the parent can kill this process
 * and name the input when one case hangs. Started with `node --import tsx`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { isAppError } from '../../../src/core/errors.ts';
import { topicIds, type Card } from '../../../src/core/types.ts';
import { chunkItems } from '../../../src/ingest/chunker.ts';
import { buildQuestionBank } from '../../../src/ingest/corpus.ts';
import { parseNote } from '../../../src/ingest/markdown-parser.ts';
import { adversarialNotes, brokenMarkdown, hostileFiles, mutatedNote } from './markdown-arbitraries.ts';

export type RunnerMessage =
  | { type: 'case'; property: string; index: number; input: string }
  | { type: 'case-done'; property: string; index: number; ms: number }
  | { type: 'property-done'; property: string; runs: number; maxMs: number; totalMs: number }
  | { type: 'failed'; property: string; report: string }
  | { type: 'finished' };

const send = (message: RunnerMessage) => process.send?.(message);
const seed = Number(process.env.MARKDOWN_FUZZ_SEED ?? 1234);
const scale = Number(process.env.MARKDOWN_FUZZ_RUNS ?? 1);
const corpusDir = join(import.meta.dirname, '..', '..', '..', 'corpus');
const realNotes = readdirSync(corpusDir)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(corpusDir, name), 'utf8') }));
const topicSet = new Set<string>(topicIds);

/** What the parser promises about its output for any input; throws with the broken promise. */
function checkItems(path: string, text: string, items: Card[]): void {
  const lineCount = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n').length;
  for (const item of items) {
    if (typeof item.id !== 'string' || item.id.length === 0) throw new Error('item without an id');
    if (item.question.trim().length === 0) throw new Error('item with an empty question');
    if (item.source !== path) throw new Error(`item source ${item.source} is not ${path}`);
    if (!(item.lines.start >= 1 && item.lines.start <= item.lines.end && item.lines.end <= lineCount)) {
      throw new Error(`line range ${item.lines.start}-${item.lines.end} outside 1-${lineCount}`);
    }
    if (!item.topics.every((topic) => topicSet.has(topic))) throw new Error(`unknown topic in ${item.topics.join(',')}`);
    if (item.answered !== (item.reference.trim().length > 0)) throw new Error('answered flag disagrees with the answer');
  }
  for (const chunk of chunkItems(items)) {
    if (!items.some((item) => item.id === chunk.cardId)) throw new Error('chunk of an unknown item');
  }
}

function parseChecked(path: string, text: string): void {
  const items = parseNote(path, text);
  checkItems(path, text, items);
  const again = parseNote(path, text);
  if (JSON.stringify(again) !== JSON.stringify(items)) throw new Error('parsing the same note twice gave different items');
}

async function runProperty<T>(property: string, arbitrary: fc.Arbitrary<T>, toInput: (value: T) => string, check: (value: T) => void, numRuns: number) {
  let index = 0;
  let maxMs = 0;
  const began = performance.now();
  try {
    fc.assert(
      fc.property(arbitrary, (value) => {
        index += 1;
        send({ type: 'case', property, index, input: toInput(value) });
        const started = performance.now();
        check(value);
        const ms = performance.now() - started;
        maxMs = Math.max(maxMs, ms);
        send({ type: 'case-done', property, index, ms });
      }),
      { numRuns, seed, endOnFailure: true },
    );
    send({ type: 'property-done', property, runs: index, maxMs, totalMs: performance.now() - began });
  } catch (error) {
    send({ type: 'failed', property, report: String(error instanceof Error ? error.message : error).slice(0, 4_000) });
  }
}

await runProperty('parseNote on generated broken Markdown', brokenMarkdown, (text) => text, (text) => parseChecked('fuzz.md', text), 600 * scale);
await runProperty(
  'parseNote on mutated real notes',
  mutatedNote(realNotes.map((note) => note.text)),
  (text) => text,
  (text) => parseChecked('notes/mutated.md', text),
  40 * scale,
);
await runProperty('parseNote on random strings', fc.string({ unit: 'binary', maxLength: 3_000 }), (text) => text, (text) => parseChecked('random.txt', text), 300 * scale);
await runProperty(
  'buildQuestionBank on random bytes and notes',
  fc.array(
    fc.record({
      path: fc.constantFrom('a.md', 'dir/b.md', '中文/笔记.md', 'c.txt'),
      bytes: fc.oneof(fc.uint8Array({ maxLength: 2_000 }), brokenMarkdown.map((text) => new TextEncoder().encode(text))),
    }),
    { maxLength: 4 },
  ),
  (files) => JSON.stringify(files.map((file) => ({ path: file.path, bytes: Buffer.from(file.bytes).toString('base64') }))),
  (files) => {
    try {
      const bank = buildQuestionBank(files);
      if (bank.cards.length === 0) throw new Error('an empty bank must be the empty_corpus error');
    } catch (error) {
      // The one documented failure: nothing usable in the corpus.
      if (!(isAppError(error) && error.code === 'empty_corpus')) throw error;
    }
  },
  150 * scale,
);
// Every adversarial shape runs, in order (a random pick could skip the one that breaks).
let adversarialMaxMs = 0;
const adversarialBegan = performance.now();
for (const [index, note] of adversarialNotes.entries()) {
  const property = 'parseNote on adversarial shapes';
  send({ type: 'case', property, index: index + 1, input: note.name });
  const started = performance.now();
  try {
    checkItems('adversarial.md', note.text, parseNote('adversarial.md', note.text));
  } catch (error) {
    send({ type: 'failed', property, report: `${note.name}: ${String(error instanceof Error ? error.message : error)}` });
    continue;
  }
  const ms = performance.now() - started;
  adversarialMaxMs = Math.max(adversarialMaxMs, ms);
  send({ type: 'case-done', property, index: index + 1, ms });
}
send({ type: 'property-done', property: 'parseNote on adversarial shapes', runs: adversarialNotes.length, maxMs: adversarialMaxMs, totalMs: performance.now() - adversarialBegan });

// Whole hostile files: the bank finishes, warns about what it skipped, and still indexes the rest.
let hostileMaxMs = 0;
const hostileBegan = performance.now();
for (const [index, { name, files }] of hostileFiles.entries()) {
  const property = 'buildQuestionBank on hostile files';
  send({ type: 'case', property, index: index + 1, input: name });
  const started = performance.now();
  try {
    const bank = buildQuestionBank(files);
    if (!bank.cards.some((card) => card.source === 'ordinary.md')) throw new Error('the ordinary note beside it was not indexed');
    const skipped = files.filter((file) => !bank.filesIndexed.includes(file.path)).map((file) => file.path);
    for (const path of skipped) if (!bank.warnings.some((warning) => warning.includes(path))) throw new Error(`${path} skipped without a warning`);
    for (const file of files.filter((entry) => bank.filesIndexed.includes(entry.path))) {
      const text = new TextDecoder().decode(file.bytes);
      checkItems(file.path, text, bank.cards.filter((card) => card.source === file.path));
    }
  } catch (error) {
    send({ type: 'failed', property, report: `${name}: ${String(error instanceof Error ? error.message : error)}` });
    continue;
  }
  const ms = performance.now() - started;
  hostileMaxMs = Math.max(hostileMaxMs, ms);
  send({ type: 'case-done', property, index: index + 1, ms });
}
send({ type: 'property-done', property: 'buildQuestionBank on hostile files', runs: hostileFiles.length, maxMs: hostileMaxMs, totalMs: performance.now() - hostileBegan });
send({ type: 'finished' });
