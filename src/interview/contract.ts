/**
 * The HTTP contract of the session routes: request schemas and the result shapes. The server
 * validates requests with these schemas and the web app imports these types instead of
 * mirroring them by hand (`import type`, so no server code reaches the browser bundle).
 */
import { z } from 'zod';
import { topicIds, type Grade, type TopicId, type Turn } from '../core/types.ts';
import type { SessionSummary } from './report.ts';

export type { SessionReport, SessionSummary, ReportQuestion, WeakPoint } from './report.ts';

/** The most main questions a session may ask. */
export const maxQuestions = 30;
/** Bounds of the optional per-question time limit, in seconds. */
export const questionSecondsRange = { min: 30, max: 1800 } as const;

/** Request body of POST /api/sessions. */
export const startOptionsSchema = z.object({
  mode: z.enum(['interview', 'practice', 'drill']),
  topics: z.array(z.enum(topicIds)).max(topicIds.length).optional(),
  questions: z.number().int().min(1).max(maxQuestions).optional(),
  /** A per-question time limit the web app counts down; the engine only records it. */
  questionSeconds: z.number().int().min(questionSecondsRange.min).max(questionSecondsRange.max).optional(),
  /** Drill only: these cards, in this order (the progress page's "drill these"), instead of a topic's plan. */
  cards: z.array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)).min(1).max(maxQuestions).optional(),
  /** The UI's language: in LLM mode the interviewer's own words are in it (the bank questions stay as written). */
  language: z.enum(['zh', 'en']).optional(),
});
export type StartOptions = z.infer<typeof startOptionsSchema>;

/**
 * `turn`: the seq of the interviewer line being answered (`message.turn`, `next.turn`,
 * `pending.turn`). Optional for API callers; with it, a double-click's second request that
 * arrives after the first committed is refused instead of answering the next question.
 */
const turnField = z.number().int().min(0).optional();

/**
 * How a spoken answer was captured, measured by the browser: which engine, how long the microphone
 * was open (capped at an hour) and how many characters the transcripts had, before any typing
 * (the pace counts only those). Sent with `spoken: true`; the server adds the filler counts.
 */
const spokenAnswerSchema = z
  .object({
    engine: z.enum(['browser', 'server']),
    speakingMs: z.number().int().min(0).max(3_600_000),
    spokenChars: z.number().int().min(0).max(100_000).optional(),
  })
  .strict();

/**
 * Request body of POST /api/sessions/:id/answers, with the caller's schema for the answer text:
 * the server passes its byte-limited one, so the body is defined only here.
 */
export function submitInputSchemaWith<Answer extends z.ZodType<string>>(answer: Answer) {
  return z.union([
    z.object({ answer, turn: turnField, spoken: z.literal(true).optional(), speech: spokenAnswerSchema.optional() }).strict(),
    z.object({ action: z.enum(['skip', 'hint']), turn: turnField }).strict(),
  ]);
}
export const submitInputSchema = submitInputSchemaWith(z.string());
export type SubmitInput = z.infer<typeof submitInputSchema>;
export type SpokenAnswer = z.infer<typeof spokenAnswerSchema>;

export interface InterviewerMessage {
  role: 'interviewer';
  text: string;
  /** The card being asked; absent for a generic warm-up or the closing question. */
  questionId?: string;
  /** Seq of the latest interviewer line (after a hint, the hint's); send it back as the answer's `turn`. */
  turn: number;
}

export interface StartResult {
  session: SessionSummary;
  message: InterviewerMessage;
}

/** Body of 201 from POST /api/sessions. */
export interface CreatedSession extends StartResult {
  id: string;
  mode: SessionSummary['mode'];
}

export interface NextLine {
  /** followup: the same question continues (a follow-up, or after a hint); question: a new one; done: closing. */
  kind: 'followup' | 'question' | 'done';
  /** The full interviewer line; authoritative even if streamed tokens differed (LLM fallback). */
  text: string;
  questionId?: string;
  /** Seq of this line in the transcript; send it back as the next answer's `turn`. */
  turn: number;
}

export interface SubmitResult {
  /** The question's grade so far (hint-capped; a skipped follow-up keeps it), null for a hint or an ungraded turn. */
  grade: Grade | null;
  next: NextLine;
  /** False in interview mode: the UI keeps grades hidden until the report. */
  reveal: boolean;
  /** Present after a hint: the concept or direction it gave and the question's new score cap. */
  hint?: { point: string; cap: number };
  /** Drill only: the FSRS review recorded when a question finished. */
  review?: { questionId: string; rating: 'again' | 'hard' | 'good' | 'easy'; due: string };
  /** Something degraded, e.g. the LLM wording failed and a template line was used. */
  notice?: string;
}

export interface TranscriptResult {
  session: SessionSummary;
  /** In an active interview, grades are withheld here unless the owner asked to reveal them; the report always has them. */
  turns: Turn[];
  /** The line awaiting an answer, null when the session is done. */
  pending: InterviewerMessage | null;
  reveal: boolean;
}

export interface DueResult {
  topics: { topic: TopicId; name: string; due: number; reviewed: number; questions: number }[];
  questions: { questionId: string; question: string; topics: TopicId[]; due: string }[];
}
