export {};

/**
 * `npm run eval -- <retrieval|grading> --file <jsonl> [--json]`
 * Each suite lives in its own module so the two can evolve independently.
 */
const suites: Record<string, () => Promise<{ run(argv: string[]): Promise<void> }>> = {
  retrieval: () => import('./eval-retrieval.ts'),
  grading: () => import('./eval-grading.ts'),
};

const [suite, ...rest] = process.argv.slice(2);
const load = suite ? suites[suite] : undefined;
if (!load) {
  console.error(`usage: npm run eval -- <${Object.keys(suites).join('|')}> --file <jsonl> [--json]`);
  process.exit(2);
}
await (await load()).run(rest);
