/**
 * `npm run bench [-- <suite>] [--json]` runs one benchmark suite, or all of them, and writes a
 * Markdown report (bench-report.md) with the machine, versions and figures.
 */
import { writeBenchReport } from './bench-report.ts';

const suites: Record<string, () => Promise<{ run(argv: string[]): Promise<BenchSection> }>> = {
  retrieval: () => import('./bench-retrieval.ts'),
  grading: () => import('./bench-grading.ts'),
  server: () => import('./bench-server.ts'),
  'exact-search': () => import('./bench-exact-search.ts'),
  faults: () => import('./bench-faults.ts'),
  voice: () => import('./bench-voice.ts'),
  // Not part of a full run: the profiler slows the server, and these two are for diagnosis.
  profile: () => import('./bench-profile.ts'),
  tail: () => import('./bench-tail.ts'),
};

export interface BenchSection {
  title: string;
  /** Markdown body for the report. */
  markdown: string;
}

const args = process.argv.slice(2);
const named = args[0] && !args[0].startsWith('-') ? args[0] : undefined;
const rest = named ? args.slice(1) : args;
if (named && !suites[named]) {
  console.error(`usage: npm run bench [-- <${Object.keys(suites).join('|')}>] [--json]`);
  process.exit(2);
}
const chosen = named ? [named] : Object.keys(suites).filter((name) => name !== 'profile' && name !== 'tail');
const sections: BenchSection[] = [];
for (const name of chosen) {
  const suite = await suites[name]!();
  sections.push(await suite.run(rest));
}
const path = await writeBenchReport(sections);
console.error(`report written to ${path}`);
