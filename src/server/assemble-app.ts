import type { Grader } from '../core/types.ts';
import { createGrader } from '../grading/grader.ts';
import { createInterviewService } from '../interview/interview-service.ts';
import { createLlmClient, describeMode } from '../llm/client.ts';
import { createSpeechClient } from '../llm/speech-client.ts';
import { createApp, type MianBaApp } from './app.ts';
import type { AppDeps } from './deps.ts';
import { ProviderStatus } from './provider-status.ts';

/** What a runtime supplies; the grader, the interview engine and the mode follow from it. */
export type RuntimeParts = Omit<AppDeps, 'grader' | 'interview' | 'mode' | 'providerStatus' | 'speech'> & {
  /** `prompts/*` keyed by file name. */
  prompts: Readonly<Record<string, string>>;
};

/**
 * Builds the grader (LLM-graded with offline fallback when an LLM is configured) and the
 * interview engine over a runtime's parts, then the app. The Node entry, the Worker entry and the
 * test harness all go through here, so they serve the same wiring.
 */
export function assembleApp(parts: RuntimeParts): { app: MianBaApp; grader: Grader } {
  const { prompts, ...deps } = parts;
  const { kb, store, newId, config } = deps;
  const providerStatus = config.llm ? new ProviderStatus() : undefined;
  // Each LLM fallback is one log line (no key, no content), through the app's logger when it has one.
  const fallbackLog = deps.logger ? { log: (line: string) => deps.logger?.error(line) } : {};
  const llm = config.llm && providerStatus ? providerStatus.watch(createLlmClient(config.llm, fallbackLog)) : undefined;
  const grader = createGrader({ kb, prompts, ...(llm ? { llm } : {}) });
  const interview = createInterviewService({ kb, grader, store, prompts, newId, ...(llm ? { chat: llm } : {}) });
  const speech = config.llm ? createSpeechClient(config.llm) : undefined;
  const app = createApp({
    ...deps,
    grader,
    interview,
    mode: describeMode(config),
    ...(providerStatus ? { providerStatus } : {}),
    ...(speech ? { speech } : {}),
  });
  return { app, grader };
}
