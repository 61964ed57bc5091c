export {};

/**
 * `npm run cli -- <command> …` — search, questions, index and grade from the terminal.
 * Commands live in their own modules; this file only dispatches.
 */
const commands: Record<string, () => Promise<{ run(argv: string[]): Promise<void> }>> = {
  index: () => import('./cli-index.ts'),
  search: () => import('./cli-search.ts'),
  questions: () => import('./cli-questions.ts'),
  cards: () => import('./cli-cards.ts'),
  grade: () => import('./cli-grade.ts'),
};

const [command, ...rest] = process.argv.slice(2);
const load = command ? commands[command] : undefined;
if (!load) {
  console.error(`usage: npm run cli -- <${Object.keys(commands).join('|')}> [options]`);
  process.exit(2);
}
try {
  await (await load()).run(rest);
} catch (error) {
  const { isAppError } = await import('../src/core/errors.ts');
  console.error(isAppError(error) ? `error [${error.code}]: ${error.message}` : error);
  process.exit(1);
}
