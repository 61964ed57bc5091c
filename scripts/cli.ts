export {};

/**
 * `npm run cli -- <command> …` — search, questions, cards, index and grade from the terminal.
 * Each command lives in its own module exporting `usage` and `run`; this file only dispatches,
 * answers `--help` for every command, and reports failures in one line.
 */
interface Command {
  usage: string;
  run(argv: string[]): Promise<void>;
}

const commands: Record<string, () => Promise<Command>> = {
  index: () => import('./cli-index.ts'),
  search: () => import('./cli-search.ts'),
  questions: () => import('./cli-questions.ts'),
  cards: () => import('./cli-cards.ts'),
  grade: () => import('./cli-grade.ts'),
  fingerprint: () => import('./cli-fingerprint.ts'),
};

const overview = `usage: npm run cli -- <${Object.keys(commands).join('|')}> [options]   (add --help after a command for its options)`;

/** `--help` or `-h` among the options, not after a `--` that ends them. */
function asksForHelp(args: string[]): boolean {
  const options = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  return options.includes('--help') || options.includes('-h');
}

/** Errors node:util parseArgs throws for unknown options and missing or misplaced values. */
function isUsageError(error: unknown): error is Error {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS_');
}

const [name, ...rest] = process.argv.slice(2);
if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
  const usages = await Promise.all(Object.values(commands).map(async (load) => (await load()).usage));
  const text = [overview, '', ...usages].join('\n');
  if (name === undefined) {
    console.error(text);
    process.exit(2);
  }
  console.log(text);
  process.exit(0);
}
const load = commands[name];
if (!load) {
  console.error(`unknown command "${name}"\n${overview}`);
  process.exit(2);
}
const command = await load();
if (asksForHelp(rest)) {
  console.log(command.usage);
  process.exit(0);
}
try {
  await command.run(rest);
} catch (error) {
  if (isUsageError(error)) {
    console.error(`error: ${error.message}\n${command.usage}`);
    process.exit(2);
  }
  const { isAppError } = await import('../src/core/errors.ts');
  console.error(isAppError(error) ? `error [${error.code}]: ${error.message}` : error);
  process.exit(1);
}
