/**
 * `npm run bench -- grading [--json] [--rounds N]`
 * Offline grading latency per answer, as a user waits for it: with the reference retrieved from
 * the corpus (the product path) and with the reference given. Answers are the grading eval set
 * when it is present next to the repository (../shared/eval/grading.jsonl), otherwise synthetic
 * answers built from the notes themselves. Target (issue 10): p95 < 10 ms per answer.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../src/adapters/node/knowledge-base-loader.ts';
import { parseConfig } from '../src/core/config.ts';
import type { GradeRequest, Card } from '../src/core/types.ts';
import { createGrader } from '../src/grading/grader.ts';
import { referenceFor } from '../src/grading/reference-finder.ts';
import type { BenchSection } from './bench.ts';
import { percentile } from './bench-support.ts';
import { readGradingCases } from './eval-grading.ts';

const evalFile = new URL('../../shared/eval/grading.jsonl', import.meta.url);

/** Answers made from the notes: the first half of each answered item, so they partly cover it. */
function syntheticRequests(items: readonly Card[]): GradeRequest[] {
  return items
    .filter((item) => item.answered)
    .slice(0, 60)
    .map((item) => ({ question: item.question, answer: item.reference.slice(0, Math.max(40, Math.floor(item.reference.length / 2))) }));
}

export async function run(argv: string[]): Promise<BenchSection> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false }, rounds: { type: 'string', default: '5' } } });
  const rounds = Math.max(1, Number(values.rounds) || 5);
  const { kb } = await loadKnowledgeBase({ config: parseConfig(process.env), log: (line) => console.error(line) });
  const requests = existsSync(evalFile)
    ? (await readGradingCases(evalFile.pathname)).map(({ question, answer }) => ({ question, answer }))
    : syntheticRequests(kb.cards);
  const source = existsSync(evalFile) ? 'grading eval answers' : 'synthetic answers from the notes';
  const grader = createGrader({ kb });

  // Given references: the reference each request retrieves, so both paths grade the same text.
  const withReferences: GradeRequest[] = [];
  for (const request of requests) {
    const grade = await grader.grade(request);
    withReferences.push({ ...request, references: grade.references.length ? grade.references : [referenceFor(kb.cards[0]!, kb.cards)] });
  }

  // Wall time is what a user waits; CPU time (the process's, µs resolution) is what grading costs,
  // and unlike wall time it does not grow when other processes share the cores.
  const measure = async (list: GradeRequest[]) => {
    const durations: number[] = [];
    const cpu: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      for (const request of list) {
        const started = performance.now();
        const cpuStarted = process.cpuUsage();
        await grader.grade(request);
        const used = process.cpuUsage(cpuStarted);
        durations.push(performance.now() - started);
        cpu.push((used.user + used.system) / 1000);
      }
    }
    return {
      p50: percentile(durations, 0.5),
      p95: percentile(durations, 0.95),
      max: Math.max(...durations),
      count: durations.length,
      cpuP50: percentile(cpu, 0.5),
      cpuP95: percentile(cpu, 0.95),
    };
  };
  const retrieved = await measure(requests);
  const given = await measure(withReferences);
  const results = { answers: requests.length, rounds, source, retrieved, given, targetP95Ms: 10 };
  const row = (name: string, stats: typeof retrieved) =>
    `| ${name} | ${stats.count} | ${stats.p50.toFixed(2)} | ${stats.p95.toFixed(2)} | ${stats.max.toFixed(2)} | ${stats.cpuP50.toFixed(2)} / ${stats.cpuP95.toFixed(2)} |`;
  const markdown = [
    `Offline grader, ${requests.length} ${source} × ${rounds} rounds (after one warm-up pass). Target (issue 10): p95 < 10 ms per answer.`,
    '',
    '| path | gradings | p50 ms | p95 ms | max ms | CPU p50 / p95 ms |',
    '|---|---|---|---|---|---|',
    row('reference retrieved from the notes', retrieved),
    row('reference given', given),
  ].join('\n');
  console.log(markdown);
  if (values.json) console.log(JSON.stringify(results));
  return { title: 'Grading latency', markdown };
}
