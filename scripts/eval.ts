import { existsSync } from 'node:fs';

/**
 * `npm run eval` runs every quality set this project is held to; `npm run eval -- <retrieval|references|grading|cards|self>
 * --file <jsonl> [--json]` runs one. Each suite lives in its own module so the two can evolve independently.
 */
const suites: Record<string, () => Promise<{ run(argv: string[]): Promise<void> }>> = {
  retrieval: () => import('./eval-retrieval.ts'),
  grading: () => import('./eval-grading.ts'),
  references: () => import('./eval-references.ts'),
  cards: () => import('./eval-cards.ts'),
  calibration: () => import('./eval-calibration.ts'),
  interviewer: () => import('./eval-interviewer.ts'),
  self: () => import('./eval-self.ts'),
};

/** The sets the README's quality table quotes, in its order. */
const everySet: string[][] = [
  ['retrieval', '--file', '../shared/eval/retrieval.jsonl'],
  ['retrieval', '--file', 'eval/retrieval-heldout.jsonl'],
  ['retrieval', '--file', 'eval/retrieval-rare-preamble.jsonl'],
  ['references', '--file', '../shared/eval/retrieval.jsonl', '--file', 'eval/retrieval-heldout.jsonl', '--negatives', 'eval/reference-negatives.jsonl'],
  ['references', '--file', 'eval/reference-positives-2.jsonl', '--negatives', 'eval/reference-negatives-2.jsonl'],
  ['references', '--file', 'eval/reference-positives-3.jsonl'],
  ['references', '--file', 'eval/reference-positives-4.jsonl', '--negatives', 'eval/reference-negatives-3.jsonl'],
  ['references', '--file', 'eval/reference-positives-5.jsonl'],
  ['grading', '--file', '../shared/eval/grading.jsonl'],
  ['grading', '--file', 'eval/grading-heldout.jsonl'],
  ['grading', '--file', 'eval/grading-blind.jsonl'],
  ['grading', '--file', 'eval/grading-spoken-blind.jsonl'],
  ['grading', '--file', 'eval/grading-spoken-blind-2.jsonl'],
  ['grading', '--file', 'eval/grading-spoken-blind-3.jsonl'],
  ['grading', '--file', 'eval/grading-spoken-blind-4.jsonl'],
  ['grading', '--file', 'eval/grading-styles-blind.jsonl'],
  ['grading', '--file', 'eval/grading-paraphrase-heldout.jsonl'],
  ['grading', '--file', 'eval/grading-mixed-blind.jsonl'],
  ['grading', '--file', 'eval/grading-formats-blind.jsonl'],
  ['grading', '--file', 'eval/grading-selection-blind.jsonl'],
  ['grading', '--file', 'eval/grading-final-blind.jsonl'],
  ['grading', '--file', 'eval/grading-adversarial.jsonl'],
  ['grading', '--file', 'eval/grading-adversarial-heldout.jsonl'],
  ['grading', '--file', 'eval/grading-injection.jsonl'],
  ['grading', '--file', 'eval/grading-styles-tuning.jsonl'],
  ['grading', '--file', 'eval/grading-formats-tuning.jsonl'],
  ['grading', '--file', 'eval/grading-spoken-wrong-tuning.jsonl'],
  ['grading', '--file', 'eval/grading-notewords-tuning.jsonl'],
  ['grading', '--file', 'eval/grading-othernotes-tuning.jsonl'],
  ['grading', '--file', 'eval/grading-othernotes-blind.jsonl'],
  ['grading', '--file', 'eval/grading-terse-tuning.jsonl'],
  ['grading', '--file', 'eval/grading-terse-blind.jsonl'],
  ['grading', '--file', 'eval/grading-misremember-tuning.jsonl'],
  ['grading', '--file', 'eval/grading-misremember-validation.jsonl'],
  ['grading', '--file', 'eval/grading-spoken-wrong-2-tuning.jsonl'],
  ['grading', '--file', 'eval/grading-spoken-wrong-3-tuning.jsonl'],
  ['grading', '--file', 'eval/grading-honest-dev.jsonl'],
  ['grading', '--file', 'eval/grading-honest-dev-2.jsonl'],
  ['grading', '--file', 'eval/grading-honest-dev-3.jsonl'],
  ['grading', '--file', 'eval/grading-honest-dev-4.jsonl'],
  ['grading', '--file', 'eval/grading-orders-denials-dev.jsonl'],
  ['grading', '--file', 'eval/grading-yesno-dev.jsonl'],
  ['grading', '--file', 'eval/grading-english-dev.jsonl'],
  ['grading', '--file', 'eval/grading-spoken-correct-dev.jsonl'],
  ['grading', '--file', 'eval/grading-english-correct-dev.jsonl'],
  ['grading', '--file', 'eval/grading-honest-blind.jsonl'],
  ['grading', '--file', 'eval/grading-nonanswer-blind.jsonl'],
  ['grading', '--file', 'eval/grading-precision-blind.jsonl'],
  ['grading', '--file', 'eval/grading-numbers-effects-blind.jsonl'],
  ['grading', '--file', 'eval/grading-roles-blind.jsonl'],
  ['grading', '--file', 'eval/grading-verdicts-blind.jsonl'],
  ['grading', '--file', 'eval/grading-yesno-blind.jsonl'],
  ['grading', '--file', '../shared/eval/ads/train.jsonl', '--folds', '5'],
  ['cards', '--file', 'eval/cards-audit.jsonl'],
  ['self'],
  ['interviewer'],
];

/**
 * The sets under ../shared/eval sit beside the repository, not in it: without them the default run
 * still measures the repository's own sets and says what it skipped.
 */
function withoutMissingFiles(run: string[]): string[] | undefined {
  const kept: string[] = [];
  for (let index = 0; index < run.length; index += 1) {
    const argument = run[index]!;
    const file = run[index + 1];
    if (argument === '--file' && file !== undefined && !existsSync(file)) {
      console.log(`(skipped ${file}: not found)`);
      index += 1;
      continue;
    }
    kept.push(argument);
  }
  // A suite that reads no file (the scripted interviewer) always runs.
  return kept.includes('--file') || !run.includes('--file') ? kept : undefined;
}

const argv = process.argv.slice(2);
const runs = argv.length ? [argv] : everySet.flatMap((run) => {
      const present = withoutMissingFiles(run);
      return present ? [present] : [];
    });
try {
  for (const [suite, ...rest] of runs) {
    const load = suite ? suites[suite] : undefined;
    if (!load) {
      console.error(`usage: npm run eval [-- <${Object.keys(suites).join('|')}> --file <jsonl> [--json]]`);
      process.exit(2);
    }
    if (runs.length > 1) console.log(`\n$ npm run eval -- ${[suite, ...rest].join(' ')}`);
    await (await load()).run(rest);
  }
} catch (error) {
  const { isAppError } = await import('../src/core/errors.ts');
  console.error(isAppError(error) ? `error [${error.code}]: ${error.message}` : error);
  process.exit(1);
}
