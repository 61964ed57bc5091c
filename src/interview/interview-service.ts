/**
 * The interview session engine: a runtime-agnostic state machine persisted only through
 * `SessionStore`, used by the server routes. It is put together here from its parts:
 * `contract.ts` (the HTTP contract), `session-writer.ts` (start, claimTurn, submit),
 * `turn-steps.ts` and `move-on.ts` (answer, hint, skip, follow-up, move on, phases) and
 * `session-reader.ts` (transcript, report, export, history, due).
 *
 * Usage:
 * ```ts
 * const interviews = createInterviewService({ kb, grader, store, prompts, chat: llmClient, newId });
 * const { session, message } = await interviews.start(ownerId, { mode: 'practice', topics: ['redis'], questions: 3 });
 * const { grade, next } = await interviews.submit(session.id, ownerId, { answer: '...', turn: message.turn }, { onToken });
 * // a route that streams claims first, so 404/409 come before the stream commits to 200:
 * const claim = await interviews.claimTurn(id, ownerId, input.turn);
 * try { await interviews.submitClaimed(claim, input, { onToken }); } finally { claim.release(); }
 * ```
 * Errors are `AppError`s: `not_found` (unknown session or another owner's), `conflict` (session
 * finished, a concurrent submit holds or already moved it on, or a stale `turn`), `bad_request`,
 * `empty_corpus`.
 */
import type { TopicId } from '../core/types.ts';
import type { DueResult, StartOptions, StartResult, SubmitInput, SubmitResult, TranscriptResult } from './contract.ts';
import { createEngineContext, type InterviewDeps, type SubmitOptions } from './engine-context.ts';
import type { SessionReport, SessionSummary } from './report.ts';
import { createSessionReader } from './session-reader.ts';
import { createSessionWriter, type TurnClaim } from './session-writer.ts';
import { contextForOwner } from './owner-overlays.ts';

export type * from './contract.ts';
export type { InterviewDeps, SubmitOptions } from './engine-context.ts';
export type { InterviewerModel } from './interviewer-voice.ts';
export type { TurnClaim } from './session-writer.ts';
export { startOptionsSchema, submitInputSchema, submitInputSchemaWith } from './contract.ts';

export interface InterviewService {
  /** Creates a session and its first interviewer line. */
  start(ownerId: string, options: StartOptions): Promise<StartResult>;
  /** Ownership, the one-turn lock, 404 and 409, before anything is streamed; release it when done. */
  claimTurn(sessionId: string, ownerId: string, turn?: number): Promise<TurnClaim>;
  /** Runs a claimed turn and commits its turns and state atomically. */
  submitClaimed(claim: TurnClaim, input: SubmitInput, options?: SubmitOptions): Promise<SubmitResult>;
  /** claimTurn + submitClaimed + release. */
  submit(sessionId: string, ownerId: string, input: SubmitInput, options?: SubmitOptions): Promise<SubmitResult>;
  /** `reveal`: the owner asked to see an active interview's grades (they are withheld otherwise). */
  transcript(sessionId: string, ownerId: string, options?: { reveal?: boolean }): Promise<TranscriptResult>;
  report(sessionId: string, ownerId: string): Promise<SessionReport>;
  exportMarkdown(sessionId: string, ownerId: string): Promise<string>;
  history(ownerId: string): Promise<SessionSummary[]>;
  due(ownerId: string, topic?: TopicId): Promise<DueResult>;
}

export function createInterviewService(deps: InterviewDeps): InterviewService {
  const ctx = createEngineContext(deps);
  const shared = { ...createSessionWriter(ctx), ...createSessionReader(ctx) };
  // Each call that reads the bank runs on its owner's view of it (owner-overlays.ts).
  const engineFor = async (ownerId: string) => {
    const owned = await contextForOwner(ctx, ownerId);
    return owned === ctx ? shared : { ...createSessionWriter(owned), ...createSessionReader(owned) };
  };
  return {
    ...shared,
    start: async (ownerId, options) => (await engineFor(ownerId)).start(ownerId, options),
    submitClaimed: async (claim, input, options) => (await engineFor(claim.session.ownerId)).submitClaimed(claim, input, options),
    submit: async (sessionId, ownerId, input, options) => (await engineFor(ownerId)).submit(sessionId, ownerId, input, options),
    transcript: async (sessionId, ownerId, options) => (await engineFor(ownerId)).transcript(sessionId, ownerId, options),
    report: async (sessionId, ownerId) => (await engineFor(ownerId)).report(sessionId, ownerId),
    exportMarkdown: async (sessionId, ownerId) => (await engineFor(ownerId)).exportMarkdown(sessionId, ownerId),
    due: async (ownerId, topic) => (await engineFor(ownerId)).due(ownerId, topic),
  };
}
