/**
 * `npm run eval -- references --file <jsonl> [--negatives <jsonl>] [--json]`
 * How well the grader finds the note to grade against (src/grading/reference-finder.ts).
 * Positives are retrieval-eval lines ({id, query, expect}): right when the chosen note's reference
 * contains an `expect` substring, "none" when the finder declines. Negatives are interview
 * questions the notes do not cover ({id, question}): each accepted one is a false match.
 * With --json the last stdout line is {"metrics":{...},"items":[{id, kind, outcome, note}]}.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadKnowledgeBase } from '../src/adapters/node/knowledge-base-loader.ts';
import { parseConfig } from '../src/core/config.ts';
import { AppError } from '../src/core/errors.ts';
import { findReference } from '../src/grading/reference-finder.ts';
import { readCases } from './eval-retrieval.ts';
import { readJsonlFile, squash } from './eval-support.ts';

const negativeSchema = z.object({ id: z.string().min(1), question: z.string().min(1) });

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { file: { type: 'string', multiple: true }, negatives: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (!values.file?.length) throw new AppError('bad_request', 'usage: npm run eval -- references --file <jsonl> [--file …] [--negatives <jsonl>] [--json]');
  const positives = (await Promise.all(values.file.map(readCases))).flat();
  const negatives = values.negatives ? (await readJsonlFile(values.negatives, negativeSchema)).map(({ value }) => value) : [];
  const { kb } = await loadKnowledgeBase({ config: parseConfig(process.env), log: (line) => console.error(line) });

  const items: { id: string; kind: 'positive' | 'negative'; outcome: 'right' | 'other' | 'none' | 'rejected' | 'accepted'; closest?: boolean; note?: string }[] = [];
  for (const { id, query, expect } of positives) {
    const match = await findReference(kb, query);
    if (!match) {
      items.push({ id, kind: 'positive', outcome: 'none' });
      continue;
    }
    const text = squash(match.references.map((reference) => reference.text).join('\n'));
    const outcome = expect.some((needle) => text.includes(squash(needle))) ? 'right' : 'other';
    items.push({ id, kind: 'positive', outcome, closest: match.closest, note: match.item.question });
  }
  for (const { id, question } of negatives) {
    const match = await findReference(kb, question);
    items.push({ id, kind: 'negative', outcome: match ? 'accepted' : 'rejected', ...(match ? { closest: match.closest, note: match.item.question } : {}) });
  }
  const count = (outcome: string, closest?: boolean) =>
    items.filter((item) => item.outcome === outcome && (closest === undefined || item.closest === closest)).length;
  const metrics = {
    positives: positives.length,
    right: count('right'),
    otherNote: count('other'),
    none: count('none'),
    negatives: negatives.length,
    falselyAccepted: count('accepted', false),
    givenClosestNote: count('accepted', true),
    rightAsClosest: count('right', true),
  };
  console.log(`reference finding: ${metrics.positives} answerable questions, ${metrics.negatives} the notes do not cover`);
  console.log(`  right note ${metrics.right} (${metrics.rightAsClosest} of them as the closest note), another note ${metrics.otherNote}, none ${metrics.none}`);
  if (negatives.length) {
    console.log(`  uncovered questions given a note as a match: ${metrics.falselyAccepted} / ${metrics.negatives}; as the closest note, with a notice: ${metrics.givenClosestNote}`);
  }
  if (values.json) console.log(JSON.stringify({ metrics, items }));
}
