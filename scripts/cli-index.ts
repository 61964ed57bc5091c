/**
 * `npm run index [-- --force] [--llm]`: builds or refreshes data/index from the corpus folder.
 * Re-running with nothing changed does nothing; a changed note re-embeds only its own chunks.
 * With --llm (an LLM configured), the LLM then compiles every askable card (card-compiler.ts),
 * in batches saved as they finish, and the index is refreshed with the compiled cards.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { CompiledCardFile } from '../src/adapters/node/compiled-card-file.ts';
import { loadKnowledgeBase, type LoadedKnowledgeBase } from '../src/adapters/node/knowledge-base-loader.ts';
import { loadPrompts } from '../src/adapters/node/prompts-loader.ts';
import { parseConfig, type Config } from '../src/core/config.ts';
import { AppError } from '../src/core/errors.ts';
import { topicIds } from '../src/core/types.ts';
import { compileCards, compileLlmConfig, type CompileReport } from '../src/llm/card-compiler.ts';
import { createLlmClient } from '../src/llm/client.ts';

export const usage =
  'usage: npm run index [-- --force] [--llm] [--json]   (same as npm run cli -- index)\n' +
  '  Builds or refreshes the index of your notes in MIANBA_DATA_DIR; --force rebuilds it all, --json prints the figures as JSON.\n' +
  '  --llm: the configured LLM (OPENAI_API_KEY…) rewrites each card: a self-contained question, weighted key points, two follow-ups.\n' +
  '  Cached by each card\'s note text and resumable: run it again after an interruption and it goes on where it stopped.';

async function compileWithLlm(config: Config, loaded: LoadedKnowledgeBase, json: boolean): Promise<CompileReport & { ms: number }> {
  if (!config.llm) throw new Error('--llm needs an LLM');
  const started = performance.now();
  const cache = await CompiledCardFile.open(config.dataDir);
  const prompts = await loadPrompts(fileURLToPath(new URL('../prompts/', import.meta.url)));
  const bar =
    !json && process.stderr.isTTY
      ? new cliProgress.SingleBar(
          { stream: process.stderr, format: 'compiling {bar} {value}/{total} cards | {compiled} compiled, {refused} kept as parsed, {failed} failed | {duration_formatted}', hideCursor: true },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  let lastLogged = -1;
  const report = await compileCards({
    cards: loaded.cards,
    llm: createLlmClient(compileLlmConfig(config.llm), { log: (line) => console.error(line) }),
    prompts,
    cache,
    onProgress: (progress) => {
      if (progress.done === 0) bar?.start(progress.total, 0, { compiled: 0, refused: 0, failed: 0 });
      bar?.update(progress.done, { compiled: progress.compiled, refused: progress.refused, failed: progress.failed });
      // Without a terminal, one line per batch keeps logs readable.
      if (!bar && !json && progress.done !== lastLogged && (progress.done % 8 === 0 || progress.done === progress.total)) {
        lastLogged = progress.done;
        console.error(`compiled ${progress.done}/${progress.total} cards`);
      }
    },
  });
  bar?.stop();
  return { ...report, ms: performance.now() - started };
}

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      force: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      llm: { type: 'boolean', default: false },
    },
  });
  const config = parseConfig(process.env);
  if (values.llm && !config.llm) throw new AppError('bad_request', `--llm needs an LLM: set OPENAI_API_KEY (and OPENAI_BASE_URL or MIANBA_LLM_PRESET); now ${config.modeReason}`);
  let loaded = await loadKnowledgeBase({ config, force: values.force, log: (line) => console.error(line) });
  const compiled = values.llm ? await compileWithLlm(config, loaded, values.json) : undefined;
  // The compiled cards change the index's cards: refresh it (the embeddings are cached).
  if (compiled && compiled.compiled + compiled.refused > 0) loaded = await loadKnowledgeBase({ config, log: (line) => console.error(line) });
  for (const warning of loaded.warnings) console.error(`warning: ${warning}`);
  const perTopic = Object.fromEntries(
    topicIds.map((topic) => [topic, loaded.cards.filter((item) => item.topics.includes(topic)).length]).filter(([, count]) => count),
  );
  const { stats } = loaded;
  const compile = compiled
    ? {
        cards: compiled.total,
        compiled: compiled.compiled,
        keptAsParsed: compiled.refused,
        failed: compiled.failed,
        cached: compiled.cached,
        msPerCard: compiled.total > 0 ? Math.round(compiled.ms / compiled.total) : 0,
        problems: compiled.problems,
      }
    : undefined;
  if (values.json) {
    console.log(JSON.stringify({ stats: { ...stats, ms: Math.round(stats.ms) }, topics: perTopic, warnings: loaded.warnings, ...(compile ? { compile } : {}) }));
    return;
  }
  if (compile) {
    for (const problem of compile.problems) console.error(`  ${problem}`);
    console.log(
      `llm compile: ${compile.compiled} compiled, ${compile.keptAsParsed} kept as parsed, ${compile.failed} failed (retried next run), ` +
        `${compile.cached} already compiled; ${compile.msPerCard} ms per card`,
    );
  }
  console.log(
    `${stats.built ? 'built' : 'unchanged'} in ${stats.ms.toFixed(0)} ms: ${stats.cards} questions ` +
      `(${stats.answered} answered, ${stats.unanswered} unanswered), ${stats.chunks} chunks, ${stats.embedded} embedded`,
  );
  console.log(`topics: ${Object.entries(perTopic).map(([topic, count]) => `${topic} ${count}`).join(', ')}`);
  console.log(`embedder: ${config.embeddings}; index: ${config.dataDir}/index`);
}
