import type { Context, MiddlewareHandler } from 'hono';
import type { Config } from '../core/config.ts';
import type { AudioClipStore, Grader, KnowledgeBase, SessionStore } from '../core/types.ts';
import type { InterviewService } from '../interview/interview-service.ts';
import type { SpeechClient } from '../llm/speech-client.ts';
import type { ProviderStatus } from './provider-status.ts';

/** Whether answers are graded and worded by an LLM or fully offline, and why (shown by /api/health). */
export interface ModeInfo {
  mode: 'offline' | 'llm';
  reason: string;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Per-client request budget. Node counts in memory (MemoryRateLimiter); Workers delegates to the
 * `ratelimits` binding, which is shared across isolates.
 */
export interface RateLimiter {
  consume(clientKey: string): Promise<RateLimitDecision>;
}

export interface Limits {
  /** Largest accepted answer, in UTF-8 bytes. */
  answerBytes: number;
  /** Largest accepted request body for the answer route (the answer plus its JSON envelope). */
  answerBodyBytes: number;
  /** Largest accepted request body for every other route. */
  bodyBytes: number;
  /** Largest accepted recording for POST /api/transcriptions, in bytes (before base64). */
  audioBytes: number;
}

export const defaultLimits: Limits = {
  answerBytes: 32 * 1024,
  // JSON escaping (newlines, quotes in code answers) inflates an answer, so the envelope gets room.
  answerBodyBytes: 2 * 32 * 1024 + 4 * 1024,
  bodyBytes: 2 * 32 * 1024 + 64 * 1024,
  // About eight minutes of Opus at 32 kbit/s, and small enough to arrive within the 30 s request deadline.
  audioBytes: 2 * 1024 * 1024,
};

export interface AppLogger {
  error(message: string, details?: Record<string, unknown>): void;
}

/** Progress of the LLM compile of the question bank (the 题库 button; `npm run index -- --llm`). */
export interface CompileStatus {
  /** False where this runtime cannot compile (no LLM configured, or Workers); `reason` says why. */
  available: boolean;
  reason?: string;
  running: boolean;
  done: number;
  total: number;
  compiled: number;
  refused: number;
  failed: number;
  cached: number;
  finishedAt?: string;
  error?: string;
}

/** One background compile at a time; `start` while one runs returns its status. */
export interface CardCompileJob {
  status(): CompileStatus;
  start(): CompileStatus;
}

export interface AppDeps {
  kb: KnowledgeBase;
  grader: Grader;
  /** The session engine; it persists through the same `store`. */
  interview: InterviewService;
  store: SessionStore;
  config: Config;
  mode: ModeInfo;
  /** Serves the built web app for every non-API path; absent when only the API is wanted. */
  staticAssets?: MiddlewareHandler;
  /** Unguessable id (at least 128 random bits, URL-safe) for sessions and owner tokens. */
  newId: () => string;
  rateLimiter: RateLimiter;
  limits?: Partial<Limits>;
  /**
   * The client's network address, the rate-limit key. Runtime-specific (socket on Node,
   * CF-Connecting-IP on Workers); when it is unknown the owner token is used instead.
   */
  clientAddress?: (c: Context) => string | undefined;
  logger?: AppLogger;
  /** The LLM compile of the bank; only Node with an LLM configured has one. */
  compiler?: CardCompileJob;
  /** Outcome of the LLM provider's last call, for /api/health; absent offline. */
  providerStatus?: ProviderStatus;
  /** Server-side transcription and speech; absent offline (the browser's own voice still works). */
  speech?: SpeechClient;
  /** Where recordings go when their owner opts in to keeping them; absent: they are never kept. */
  audioClips?: AudioClipStore;
}
