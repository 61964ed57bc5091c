/**
 * `npm run eval -- calibration [--write]`
 * Fits the offline grader's coverage → score mapping (issue 10 item 7) and cross-validates it with
 * folds grouped by question. Data: ../shared/eval/grading.jsonl (references retrieved, as in the
 * product) and the ADS train split (references given). The feature is net coverage (points made
 * minus twice the contradicted ones, before the guards' caps); the model is a weighted isotonic
 * regression read at 21 knots and anchored at (0, 0). Each set weighs the same in total, so 30
 * Chinese interview answers are not drowned by 1,107 English short answers. Every fold is fitted on
 * the other four folds of *both* sets and scored, caps included, on its own questions.
 * With --write the fit on all the data goes to src/grading/calibration-fitted.ts.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../src/adapters/node/knowledge-base-loader.ts';
import { parseConfig } from '../src/core/config.ts';
import { fitIsotonic, fitSaturatingPower } from '../src/grading/calibration.ts';
import { defaultScoringParameters, scoreAnswer, type ScoringParameters } from '../src/grading/offline-scorer.ts';
import { findReference } from '../src/grading/reference-finder.ts';
import { readGradingCases, type GradingCase } from './eval-grading.ts';
import { spearman } from './eval-support.ts';

const sets = [
  { name: 'grading.jsonl', file: new URL('../../shared/eval/grading.jsonl', import.meta.url).pathname },
  { name: 'ADS train', file: new URL('../../shared/eval/ads/train.jsonl', import.meta.url).pathname },
];
const folds = 5;
const grid = Array.from({ length: 21 }, (_, index) => index / 20);

interface Sample {
  set: string;
  item: GradingCase;
  references: string[];
  headings: string[];
  net: number;
  fold: number;
}

const scoreWith = (sample: Sample, parameters: Readonly<ScoringParameters>) =>
  scoreAnswer({ question: sample.item.question, answer: sample.item.answer, references: sample.references, headings: sample.headings }, parameters).score;

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { write: { type: 'boolean', default: false } } });
  const { kb } = await loadKnowledgeBase({ config: parseConfig(process.env), log: (line) => console.error(line) });
  const samples: Sample[] = [];
  for (const set of sets) {
    const cases = await readGradingCases(set.file);
    const groups = [...new Set(cases.map((item) => item.group))].sort();
    for (const item of cases) {
      const references = item.references ?? (await findReference(kb, item.question))?.references ?? [];
      if (!references.length) continue;
      const texts = references.map((reference) => reference.text);
      const headings = references.map((reference) => reference.heading);
      const raw = scoreAnswer({ question: item.question, answer: item.answer, references: texts, headings }, { ...defaultScoringParameters, knots: undefined });
      const net = Math.max(0, raw.coverage - defaultScoringParameters.wrongCost * raw.wrong);
      samples.push({ set: set.name, item, references: texts, headings, net, fold: groups.indexOf(item.group) % folds });
    }
  }
  const totals = new Map<string, number>();
  for (const sample of samples) totals.set(sample.set, (totals.get(sample.set) ?? 0) + 1);
  const weighted = (training: readonly Sample[]) => training.map((sample) => ({ x: sample.net, y: sample.item.label, weight: 1 / (totals.get(sample.set) ?? 1) }));
  const isotonic = (training: readonly Sample[]) => fitIsotonic(weighted(training), grid);
  const fit = (training: readonly Sample[]) => fitSaturatingPower(weighted(training), grid).knots;

  const rows: string[] = [];
  const pooled = new Map<string, { fitted: number[]; curve: number[]; labels: number[] }>();
  for (let fold = 0; fold < folds; fold += 1) {
    const training = samples.filter((sample) => sample.fold !== fold);
    const knots = fit(training);
    const isotonicKnots = isotonic(training);
    console.log(`fold ${fold}: saturating power ${JSON.stringify(fitSaturatingPower(weighted(training), grid).shape)}`);
    for (const set of sets) {
      const held = samples.filter((sample) => sample.fold === fold && sample.set === set.name);
      const fitted = held.map((sample) => scoreWith(sample, { ...defaultScoringParameters, knots }));
      const curve = held.map((sample) => scoreWith(sample, { ...defaultScoringParameters, knots: isotonicKnots }));
      const labels = held.map((sample) => sample.item.label);
      const entry = pooled.get(set.name) ?? { fitted: [], curve: [], labels: [] };
      entry.fitted.push(...fitted);
      entry.curve.push(...curve);
      entry.labels.push(...labels);
      pooled.set(set.name, entry);
      const mae = (scores: number[]) => scores.reduce((sum, score, index) => sum + Math.abs(score - labels[index]!), 0) / Math.max(1, scores.length);
      rows.push(`| ${fold} | ${set.name} | ${held.length} | ${spearman(curve, labels).toFixed(3)} / ${mae(curve).toFixed(2)} | ${spearman(fitted, labels).toFixed(3)} / ${mae(fitted).toFixed(2)} |`);
    }
  }
  console.log('| fold | set | n | isotonic (other folds) Spearman / MAE | saturating power (other folds) Spearman / MAE |');
  console.log('|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  for (const [name, entry] of pooled) {
    const mae = (scores: number[]) => scores.reduce((sum, score, index) => sum + Math.abs(score - entry.labels[index]!), 0) / scores.length;
    console.log(`| pooled | ${name} | ${entry.labels.length} | ${spearman(entry.curve, entry.labels).toFixed(3)} / ${mae(entry.curve).toFixed(2)} | ${spearman(entry.fitted, entry.labels).toFixed(3)} / ${mae(entry.fitted).toFixed(2)} |`);
  }
  const { knots, shape } = fitSaturatingPower(weighted(samples), grid);
  console.log(`isotonic on all data: ${JSON.stringify(isotonic(samples))}`);
  console.log(`saturating power on all data: ${JSON.stringify(shape)}`);
  if (values.write) {
    const file = new URL('../src/grading/calibration-fitted.ts', import.meta.url);
    const body = [
      '/**',
      ' * The fitted coverage → score mapping (issue 10 item 7). Generated by `npm run eval -- calibration --write`:',
      ` * score = 10 · min(1, net / ${shape.full})^${shape.gamma}, least squares on net coverage over ../shared/eval/grading.jsonl`,
      ' * and the ADS train split, each set weighing the same. docs/grading.md has the fold figures.',
      ' * Do not edit by hand; refit when coverage changes.',
      ' */',
      `export const fittedKnots: readonly (readonly [number, number])[] = ${JSON.stringify(knots)};`,
      '',
    ].join('\n');
    writeFileSync(file, body);
    console.log(`wrote ${file.pathname}`);
  }
}
