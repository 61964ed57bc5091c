/**
 * `npm run eval -- retrieval --file <jsonl> [--json] [--k N]`
 * Recall@1/3/5 and MRR of hybrid, lexical-only and vector-only search over the real index.
 * A hit is a result whose text, with all whitespace removed, contains any one `expect`
 * substring with whitespace removed. With --json the last stdout line is
 * {"metrics":{...},"items":[{"id","results":[{text,source,heading,score}]}]} (top-5 hybrid).
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadKnowledgeBase } from '../src/adapters/node/knowledge-base-loader.ts';
import { parseConfig } from '../src/core/config.ts';
import { AppError } from '../src/core/errors.ts';
import type { KnowledgeBase, SearchHit, SearchMode } from '../src/core/types.ts';
import { readJsonlFile, squash } from './eval-support.ts';

const caseSchema = z.object({
  id: z.string().min(1),
  query: z.string().min(1),
  expect: z.array(z.string().min(1)).min(1),
});
type EvalCase = z.infer<typeof caseSchema>;

export interface ModeMetrics {
  recallAt1: number;
  recallAt3: number;
  recallAt5: number;
  mrr: number;
}

const modes: SearchMode[] = ['hybrid', 'lexical', 'vector'];
/** MRR looks this deep; a passage ranked lower counts as not found. */
const depth = 10;

export function firstHitRank(hits: readonly SearchHit[], expect: readonly string[]): number {
  const wanted = expect.map(squash);
  return hits.findIndex((hit) => {
    const text = squash(hit.chunk.text);
    return wanted.some((needle) => text.includes(needle));
  });
}

export async function readCases(file: string): Promise<EvalCase[]> {
  return (await readJsonlFile(file, caseSchema)).map(({ value }) => value);
}

export async function evaluate(kb: KnowledgeBase, cases: readonly EvalCase[]) {
  const metrics = {} as Record<SearchMode, ModeMetrics>;
  const ranks = {} as Record<SearchMode, Record<string, number>>;
  const hybridTop: { id: string; results: { text: string; source: string; heading: string; score: number }[] }[] = [];
  for (const mode of modes) {
    let at1 = 0;
    let at3 = 0;
    let at5 = 0;
    let reciprocal = 0;
    ranks[mode] = {};
    for (const evalCase of cases) {
      const hits = await kb.search(evalCase.query, { k: depth, mode });
      const rank = firstHitRank(hits, evalCase.expect);
      ranks[mode][evalCase.id] = rank;
      if (rank === 0) at1++;
      if (rank >= 0 && rank < 3) at3++;
      if (rank >= 0 && rank < 5) at5++;
      if (rank >= 0) reciprocal += 1 / (rank + 1);
      if (mode === 'hybrid') {
        hybridTop.push({
          id: evalCase.id,
          results: hits.slice(0, 5).map(({ chunk, score }) => ({
            text: chunk.text,
            source: chunk.source,
            heading: chunk.heading,
            score: Number(score.toFixed(6)),
          })),
        });
      }
    }
    const n = cases.length || 1;
    metrics[mode] = { recallAt1: at1 / n, recallAt3: at3 / n, recallAt5: at5 / n, mrr: reciprocal / n };
  }
  return { metrics, ranks, items: hybridTop };
}

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { file: { type: 'string' }, json: { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false } },
  });
  if (!values.file) throw new AppError('bad_request', 'usage: npm run eval -- retrieval --file <jsonl> [--json]');
  const cases = await readCases(values.file);
  const { kb, stats } = await loadKnowledgeBase({ config: parseConfig(process.env), log: (line) => console.error(line) });
  const { metrics, ranks, items } = await evaluate(kb, cases);
  const format = (value: number) => value.toFixed(3);
  console.log(`retrieval eval: ${cases.length} queries over ${stats.chunks} chunks (${values.file})`);
  console.log('mode     recall@1 recall@3 recall@5 MRR');
  for (const mode of modes) {
    const m = metrics[mode];
    console.log(`${mode.padEnd(8)} ${format(m.recallAt1)}    ${format(m.recallAt3)}    ${format(m.recallAt5)}    ${format(m.mrr)}`);
  }
  const misses = cases.filter((evalCase) => (ranks.hybrid[evalCase.id] ?? -1) < 0 || (ranks.hybrid[evalCase.id] ?? -1) >= 3);
  if (misses.length) {
    console.log(`hybrid outside top 3: ${misses.map((evalCase) => `${evalCase.id}(${(ranks.hybrid[evalCase.id] ?? -1) + 1 || '-'})`).join(' ')}`);
  }
  if (values.verbose) {
    for (const evalCase of cases) {
      console.log(`${evalCase.id} ${modes.map((mode) => `${mode}=${(ranks[mode][evalCase.id] ?? -1) + 1 || '-'}`).join(' ')} ${evalCase.query}`);
    }
  }
  if (values.json) console.log(JSON.stringify({ metrics, items }));
}
