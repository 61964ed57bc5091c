/**
 * The 题库 compile button on Node: one LLM compile at a time in the background (the same
 * compileCards and cache file as `npm run index -- --llm`), then the index is rebuilt with the
 * compiled cards and swapped in, so the next request uses them.
 */
import type { Config, LlmConfig } from '../../core/config.ts';
import { compileCards, compileLlmConfig } from '../../llm/card-compiler.ts';
import { createLlmClient } from '../../llm/client.ts';
import type { SwappableKnowledgeBase } from '../../retrieval/swappable-knowledge-base.ts';
import type { CardCompileJob, CompileStatus } from '../../server/deps.ts';
import { CompiledCardFile } from './compiled-card-file.ts';
import { loadKnowledgeBase } from './knowledge-base-loader.ts';

export interface CompileJobOptions {
  config: Config & { llm: LlmConfig };
  prompts: Readonly<Record<string, string>>;
  kb: SwappableKnowledgeBase;
  log: (line: string) => void;
}

export function createCompileJob(options: CompileJobOptions): CardCompileJob {
  let status: CompileStatus = { available: true, running: false, done: 0, total: 0, compiled: 0, refused: 0, failed: 0, cached: 0 };

  async function run(): Promise<void> {
    const { config } = options;
    try {
      const report = await compileCards({
        cards: options.kb.cards,
        llm: createLlmClient(compileLlmConfig(config.llm), { log: options.log }),
        prompts: options.prompts,
        cache: await CompiledCardFile.open(config.dataDir),
        onProgress: (progress) => (status = { ...status, ...progress }),
      });
      if (report.compiled + report.refused > 0) options.kb.replace((await loadKnowledgeBase({ config, log: options.log })).kb);
      status = { ...status, running: false, finishedAt: new Date().toISOString() };
      options.log(`llm compile: ${report.compiled} compiled, ${report.refused} kept as parsed, ${report.failed} failed, ${report.cached} already compiled`);
    } catch (error) {
      // The message names the failing step (a prompt file, the data folder); never the key.
      status = { ...status, running: false, finishedAt: new Date().toISOString(), error: error instanceof Error ? error.message : String(error) };
      options.log(`llm compile failed: ${status.error}`);
    }
  }

  return {
    status: () => status,
    start: () => {
      if (status.running) return status;
      status = { available: true, running: true, done: 0, total: 0, compiled: 0, refused: 0, failed: 0, cached: 0 };
      void run();
      return status;
    },
  };
}
