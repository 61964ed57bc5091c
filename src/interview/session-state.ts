/**
 * The engine's private state inside `SessionRecord.state`. It round-trips through the store as
 * JSON, so it is validated on every load: a store (or a hand-edited database) is external input.
 */
import { z } from 'zod';
import { topicIds } from '../core/types.ts';
import { AppError } from '../core/errors.ts';

const topicSchema = z.enum(topicIds);

/** Where the current question stands. */
const currentSchema = z.object({
  /** Null for a generic warm-up that has no question-bank item behind it. */
  questionId: z.string().nullable(),
  /** What the candidate is answering: the warm-up, the main question, or a follow-up to it. */
  awaiting: z.enum(['opening', 'question', 'followup']),
  followups: z.number().int().min(0),
  hints: z.number().int().min(0),
  /** Key points already given away by hints; a follow-up never asks about them again. */
  revealed: z.array(z.string()),
  /** Key points already asked about in a follow-up. */
  targeted: z.array(z.string()),
  /** The candidate's answers to this question so far; follow-ups are graded on all of them. */
  answers: z.array(z.string()),
  /** Best (hint-capped) score so far, null before any graded answer. */
  best: z.number().nullable(),
  /** Key points in importance order, missed ones of the latest grade first; the hint source. */
  points: z.array(z.object({ text: z.string(), covered: z.enum(['yes', 'partial', 'no']) })),
});

/** The parts of an interview, in the order `prompts/interviewer-phases.md` gives per mode. */
export const phaseNames = ['opening', 'technical', 'project', 'closing'] as const;
export type PhaseName = (typeof phaseNames)[number];

const resultSchema = z.object({
  questionId: z.string().nullable(),
  /** Only technical questions are graded as 八股 and count in scores; the others are listed. */
  phase: z.enum(phaseNames).default('technical'),
  /** The warm-up: listed in the report but kept out of the overall and per-topic scores. */
  opening: z.boolean(),
  topics: z.array(topicSchema),
  /** Null when the question was not graded (a generic warm-up). */
  score: z.number().nullable(),
  skipped: z.boolean(),
  hints: z.number().int().min(0),
  followups: z.number().int().min(0),
});

export const sessionStateSchema = z.object({
  schema: z.literal(1),
  /** Main questions in asking order (the warm-up is not part of it). */
  plan: z.array(z.string()),
  /** Index into `plan` of the current main question; -1 during the warm-up. */
  index: z.number().int().min(-1),
  current: currentSchema.nullable(),
  results: z.array(resultSchema),
  /** Number of turns written so far; the next turn's seq. */
  turns: z.number().int().min(0),
  /** Last template variant used per slot, so phrasing never repeats back to back. */
  lastVariant: z.record(z.string(), z.number().int().min(0)),
  /** The phase being run; sessions stored before phases existed are in their technical part. */
  phase: z.enum(phaseNames).default('technical'),
  /** Cards asked so far, main questions and follow-ups alike: a session never asks one twice. */
  asked: z.array(z.string()).default([]),
  /** The optional per-question time limit the candidate chose, in seconds. */
  questionSeconds: z.number().int().positive().optional(),
  /** The UI's language at the start: what the LLM interviewer words its lines in, and what their check expects. */
  language: z.enum(['zh', 'en']).default('zh'),
  /** Drill only: the topic and how many planned questions were due when it started. */
  drill: z.object({ topic: topicSchema, due: z.number().int().min(0) }).optional(),
});

export type SessionState = z.infer<typeof sessionStateSchema>;
export type CurrentQuestion = z.infer<typeof currentSchema>;
export type QuestionResult = z.infer<typeof resultSchema>;

export function readState(value: unknown): SessionState {
  const parsed = sessionStateSchema.safeParse(value);
  if (!parsed.success) throw new AppError('internal', '会话状态已损坏，无法继续');
  return parsed.data;
}

/** Whether a finished question counts in scores: a graded technical question, not the warm-up or a project story. */
export function isScoredResult(result: QuestionResult): boolean {
  return !result.opening && result.phase === 'technical';
}

export function freshQuestion(questionId: string | null, awaiting: CurrentQuestion['awaiting']): CurrentQuestion {
  return { questionId, awaiting, followups: 0, hints: 0, revealed: [], targeted: [], answers: [], best: null, points: [] };
}
