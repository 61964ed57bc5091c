/**
 * The one way MianBa talks to an LLM: LangChain's `ChatOpenAI` against any OpenAI-compatible
 * base URL (OpenAI, DeepSeek, Qwen, Ollama, vLLM, llama.cpp). Runtime-agnostic: the openai SDK
 * under it uses the global fetch on Node and on Workers.
 *
 * Every call:
 * - sends `max_tokens`, so a server never generates until its context fills;
 * - runs under one deadline, `timeoutMs`, that bounds the whole call including its retry (a user
 *   waiting on a grade waits at most that long before the offline fallback answers). The first
 *   attempt gets half of it, so a hung request leaves room for LangChain's `withRetry`; replies
 *   are not streamed, so there is no started stream to cut short;
 * - goes through a circuit breaker: after 3 failures in a row calls are skipped for a while and
 *   `health()` says why;
 * - when it fails, logs one line: purpose, kind, HTTP status, latency and model; never the key,
 *   the prompt or the reply.
 * Server capabilities are learnt once and cached: `json_schema` replies, falling back to
 * `json_object` when the server refuses them, and tool calling, probed with one tiny request.
 */
import { HumanMessage, type BaseMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';
import type { Config, LlmConfig } from '../core/config.ts';
import { createCircuitBreaker, type CircuitBreaker } from './circuit-breaker.ts';
import { decideWithAgent, interviewerDecisionSchema, type AgentReply, type NotesReader } from './interviewer-agent.ts';
import { isRetryable, LlmError, toLlmError, type CallSignals } from './llm-error.ts';
import { structuredReply, type JsonReplyFormat, type StructuredReply } from './structured-output.ts';

export { LlmError, type LlmFailureKind } from './llm-error.ts';

export type ChatMessage = BaseMessage;

export interface CallOptions {
  signal?: AbortSignal;
  /** What the call is for, in the one-line failure log; `grade` by default. */
  purpose?: 'grade' | 'compile';
}

export type LlmHealth = { degraded: false } | { degraded: true; reason: string };

export interface DecisionRequest<T> {
  /** The prompt, worded for whether the model can read the notes through tools itself. */
  messages(toolsAvailable: boolean): Promise<BaseMessage[]>;
  notes: NotesReader;
  /** The engine's validation of the decision: the accepted result, or why it is refused. */
  check(reply: AgentReply): { ok: true; value: T } | { ok: false; reason: string };
}

export interface LlmClient {
  readonly model: string;
  /** A JSON reply validated by `schema` (grading); retried once within the deadline. */
  completeJson<T>(messages: ChatMessage[], schema: z.ZodType<T>, options?: CallOptions): Promise<T>;
  /** The interviewer's next move, accepted by `request.check`; an `LlmError` otherwise. */
  decide<T>(request: DecisionRequest<T>, options?: CallOptions): Promise<T>;
  /** `degraded` while the circuit breaker is open. */
  health(): LlmHealth;
}

export interface LlmClientOptions {
  /** Where the one-line fallback reports go; console.warn by default. */
  log?: (line: string) => void;
  breaker?: CircuitBreaker;
}

/** One guarded call: its signals and when its whole-call deadline falls. */
interface CallScope {
  signals: CallSignals;
  deadlineAt: number;
}

/** Reply budgets: a grade with its evidence quotes, an interviewer decision, a capability probe. */
const maxTokens = { grade: 1024, decide: 400, probe: 8 } as const;
/** LangChain's withRetry waits 1–2 s before retrying; with less of the deadline left, it cannot finish. */
const retryRoomMs = 2_500;

/** Is the product running offline or with an LLM, and why; shown by /api/health and the CLI. */
export function describeMode(config: Pick<Config, 'llm' | 'modeReason'>): { mode: 'offline' | 'llm'; reason: string } {
  return { mode: config.llm ? 'llm' : 'offline', reason: config.modeReason };
}

export function createLlmClient(llm: LlmConfig, options: LlmClientOptions = {}): LlmClient {
  const log = options.log ?? ((line: string) => console.warn(line));
  const breaker = options.breaker ?? createCircuitBreaker();
  const chatModel = (temperature: number, tokens: number) =>
    new ChatOpenAI({
      model: llm.chatModel,
      apiKey: llm.apiKey,
      configuration: { baseURL: llm.baseURL },
      temperature,
      maxTokens: tokens,
      // Retries are ours (withRetry under the deadline); the SDK's would spend the budget unseen.
      maxRetries: 0,
      timeout: Math.ceil(llm.timeoutMs / 2),
    });
  const graderModel = chatModel(0, maxTokens.grade);
  const interviewerModel = chatModel(0.7, maxTokens.decide);
  const probeModel = chatModel(0, maxTokens.probe);
  let replyFormat: JsonReplyFormat = 'json_schema';
  let toolSupport: 'unknown' | 'yes' | 'no' = 'unknown';

  async function guarded<T>(purpose: string, caller: AbortSignal | undefined, run: (signal: AbortSignal, call: CallScope) => Promise<T>): Promise<T> {
    const started = Date.now();
    if (!breaker.allows()) {
      const failure = new LlmError('circuit_open', 'the LLM is skipped for a while after repeated failures');
      logFallback(purpose, failure, started);
      throw failure;
    }
    const deadline = AbortSignal.timeout(llm.timeoutMs);
    const signals: CallSignals = { caller, deadline };
    try {
      const value = await run(caller ? AbortSignal.any([caller, deadline]) : deadline, { signals, deadlineAt: started + llm.timeoutMs });
      breaker.succeeded();
      return value;
    } catch (error) {
      const failure = toLlmError(error, signals);
      if (failure.kind !== 'aborted') {
        breaker.failed(failure.kind);
        logFallback(purpose, failure, started);
      }
      throw failure;
    }
  }

  function logFallback(purpose: string, failure: LlmError, started: number): void {
    log(`[mianba] llm fallback purpose=${purpose} kind=${failure.kind} status=${failure.httpStatus ?? '-'} latency_ms=${Date.now() - started} model=${llm.chatModel}`);
  }

  function retryPolicy({ signals, deadlineAt }: CallScope) {
    return {
      stopAfterAttempt: 2,
      onFailedAttempt: (error: unknown) => {
        const failure = toLlmError(error, signals);
        // A per-attempt timeout (the deadline itself not yet reached) is worth the retry too.
        const retryable = isRetryable(failure) || (failure.kind === 'timeout' && !signals.deadline.aborted);
        if (!retryable || deadlineAt - Date.now() < retryRoomMs) throw failure;
      },
    };
  }

  async function structured<T>(model: ChatOpenAI, schema: z.ZodType<T>, name: string, messages: BaseMessage[], signal: AbortSignal, call: CallScope): Promise<StructuredReply<T>> {
    const attempt = (format: JsonReplyFormat) => structuredReply(model, schema, format, name).withRetry(retryPolicy(call)).invoke(messages, { signal });
    try {
      return await attempt(replyFormat);
    } catch (error) {
      const failure = toLlmError(error, call.signals);
      if (replyFormat !== 'json_schema' || !refusesJsonSchema(failure)) throw failure;
      replyFormat = 'json_object';
      return attempt(replyFormat);
    }
  }

  async function toolsAvailable(signal: AbortSignal, { signals }: CallScope): Promise<boolean> {
    if (toolSupport !== 'unknown') return toolSupport === 'yes';
    try {
      await probeModel.bindTools([probeTool]).invoke([new HumanMessage('ping')], { signal });
      toolSupport = 'yes';
    } catch (error) {
      const failure = toLlmError(error, signals);
      if (!refusesTools(failure)) throw failure;
      toolSupport = 'no';
    }
    return toolSupport === 'yes';
  }

  return {
    model: llm.chatModel,

    completeJson: (messages, schema, callOptions = {}) =>
      guarded(callOptions.purpose ?? 'grade', callOptions.signal, async (signal, call) => (await structured(graderModel, schema, callOptions.purpose ?? 'grade', messages, signal, call)).value),

    decide: (request, callOptions = {}) =>
      guarded('decide', callOptions.signal, async (signal, call) => {
        const withTools = await toolsAvailable(signal, call);
        const messages = await request.messages(withTools);
        const reply: AgentReply = withTools
          ? await decideWithAgent(interviewerModel, request.notes, messages, signal)
          : await structured(interviewerModel, interviewerDecisionSchema, 'interviewer_decision', messages, signal, call).then(({ value, finishReason }) => ({
              decision: value,
              finishReason,
              notesSeen: [],
            }));
        const verdict = request.check(reply);
        if (!verdict.ok) throw new LlmError('rejected', `interviewer line refused: ${verdict.reason}`);
        return verdict.value;
      }),

    health: () => {
      const state = breaker.state();
      return state.state === 'open' ? { degraded: true, reason: state.reason } : { degraded: false };
    },
  };
}

const probeTool = tool(() => 'ok', { name: 'ping', description: 'Answers ok.', schema: z.object({}) });

/** A server that does not do `json_schema` answers 400/422 naming it; other 400s are real failures. */
function refusesJsonSchema(failure: LlmError): boolean {
  return failure.kind === 'http' && (failure.httpStatus === 400 || failure.httpStatus === 422) && /response_format|json_schema|schema/i.test(messageOf(failure.cause));
}

/** Refusals of `tools`: a 4xx, or llama-server's 500 "tools param requires --jinja flag". */
function refusesTools(failure: LlmError): boolean {
  if (failure.kind !== 'http') return false;
  const status = failure.httpStatus ?? 0;
  return (status >= 400 && status < 500 && status !== 401 && status !== 403 && status !== 408 && status !== 429) || /tool|jinja/i.test(messageOf(failure.cause));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
