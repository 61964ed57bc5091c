import * as z from 'zod/mini';
import type * as Contract from '../../src/interview/contract.ts';
import { SseParser } from './sse.ts';

/** Request bodies come from the server's contract itself (type-only: no server code is bundled). */
export type StartOptions = Contract.StartOptions;
export type SubmitInput = Contract.SubmitInput;

/**
 * The browser's view of the HTTP contract (issue 4). Responses are validated with zod/mini at
 * this boundary; schemas are deliberately lenient about extra fields so the server can grow.
 */

export type SessionMode = 'interview' | 'practice' | 'drill';
const sessionMode = z.enum(['interview', 'practice', 'drill']);

const keyPoint = z.object({
  text: z.string(),
  covered: z.enum(['yes', 'partial', 'no']),
  evidence: z.optional(z.nullable(z.string())),
  contradicted: z.optional(z.boolean()),
  offQuestion: z.optional(z.boolean()),
});

const reference = z.object({
  source: z.string(),
  heading: z.string(),
  text: z.string(),
});

/** A follow-up answer's own result, beside the question's grade (src/interview/followup-result.ts). */
const followupResult = z.object({
  kind: z.enum(['followup', 'deeper']),
  question: z.optional(z.string()),
  score: z.optional(z.number()),
  added: z._default(z.array(z.string()), []),
  nonAnswer: z.boolean(),
  feedback: z.string(),
  questionScore: z.number(),
});
export type FollowupResult = z.infer<typeof followupResult>;

const grade = z.object({
  score: z.number(),
  band: z.optional(z.string()),
  keyPoints: z._default(z.array(keyPoint), []),
  strengths: z._default(z.array(z.string()), []),
  gaps: z._default(z.array(z.string()), []),
  feedback: z._default(z.string(), ''),
  references: z._default(z.array(reference), []),
  grader: z.optional(z.string()),
  fallback: z.optional(z.boolean()),
  notice: z.optional(z.nullable(z.string())),
  followup: z.optional(followupResult),
});
export type Grade = z.infer<typeof grade>;

const health = z.object({
  ok: z.boolean(),
  mode: z.enum(['offline', 'llm']),
  reason: z.optional(z.string()),
  modeReason: z.optional(z.string()),
  index: z.optional(z.object({ items: z.number(), chunks: z.number() })),
});
export type Health = z.infer<typeof health>;

const topic = z.object({ id: z.string(), name: z.string(), questions: z.number() });
export type Topic = z.infer<typeof topic>;

const interviewerMessage = z.object({
  role: z.optional(z.string()),
  text: z.string(),
  questionId: z.optional(z.nullable(z.string())),
  /** Seq of this line in the transcript; sent back as the answer's `turn`. */
  turn: z.optional(z.number()),
});

const sessionSummary = z.object({
  id: z.string(),
  mode: sessionMode,
  topics: z._default(z.array(z.string()), []),
  status: z._default(z.string(), 'active'),
  createdAt: z.optional(z.string()),
  updatedAt: z.optional(z.string()),
  score: z.optional(z.nullable(z.number())),
  progress: z.optional(z.object({ done: z.number(), total: z.number() })),
  questionSeconds: z.optional(z.number()),
  phase: z.optional(z.string()),
});
export type SessionSummary = z.infer<typeof sessionSummary>;

const createdSession = z.object({
  id: z.string(),
  mode: sessionMode,
  message: interviewerMessage,
  session: z.optional(sessionSummary),
});
export type CreatedSession = z.infer<typeof createdSession>;

const nextKind = z.string();
const answerResult = z.object({
  grade: z.optional(z.nullable(grade)),
  next: z.object({ kind: nextKind, text: z._default(z.string(), ''), turn: z.optional(z.number()), questionId: z.optional(z.nullable(z.string())) }),
  reveal: z.optional(z.boolean()),
  notice: z.optional(z.nullable(z.string())),
  hint: z.optional(z.object({ point: z.string(), cap: z.number() })),
  review: z.optional(z.object({ questionId: z.string(), rating: z.string(), due: z.string() })),
});
export type AnswerResult = z.infer<typeof answerResult>;

/**
 * Compile-time guard against drift: every body the server's contract can send must be one these
 * lenient schemas accept, so a renamed or retyped field fails `npm run typecheck`, not a user.
 */
type Accepts<View, Server extends View> = Server;
export type ContractChecks = [
  Accepts<AnswerResult, Contract.SubmitResult>,
  Accepts<SessionSummary, Contract.SessionSummary>,
  Accepts<CreatedSession, Contract.CreatedSession>,
];

const turn = z.object({
  seq: z.optional(z.number()),
  role: z.enum(['interviewer', 'candidate']),
  kind: z.string(),
  text: z._default(z.string(), ''),
  questionId: z.optional(z.nullable(z.string())),
  grade: z.optional(z.nullable(grade)),
  createdAt: z.optional(z.string()),
  /** The candidate spoke this answer; `speech` has the engine, speaking time and filler words. */
  spoken: z.optional(z.boolean()),
  speech: z.optional(z.object({ engine: z.string(), speakingMs: z.number(), fillers: z._default(z.record(z.string(), z.number()), {}) })),
});
export type Turn = z.infer<typeof turn>;


/** The transcript arrives either flat (`{id, mode, …, turns}`) or nested (`{session, turns}`). */
const transcript = z.pipe(
  z.union([
    z.object({ session: sessionSummary, turns: z.array(turn) }),
    z.pipe(
      z.intersection(sessionSummary, z.object({ turns: z.array(turn) })),
      z.transform((flat) => ({ session: flat, turns: flat.turns })),
    ),
  ]),
  z.transform((value) => ({ session: value.session, turns: value.turns })),
);
export type Transcript = z.infer<typeof transcript>;

const topicScore = z.object({
  topic: z.string(),
  name: z.optional(z.string()),
  score: z.number(),
  questions: z.optional(z.number()),
});

const weakPoint = z.object({
  /** What the point is about, in words of its own; older reports lack it and show `point`. */
  about: z._default(z.string(), ''),
  point: z.string(),
  cited: z.optional(z.nullable(z.object({ source: z.string(), heading: z.string() }))),
  topic: z.string(),
  question: z._default(z.string(), ''),
  score: z.optional(z.nullable(z.number())),
  questionId: z.optional(z.nullable(z.string())),
});

const report = z.object({
  overall: z.nullable(z.number()),
  topics: z._default(z.array(topicScore), []),
  weakest: z._default(z.array(weakPoint), []),
  /** Every turn with its grade; when absent the page falls back to the transcript route. */
  turns: z.optional(z.array(turn)),
  /** Speaking time and filler words per spoken answer (coaching, not graded). */
  spoken: z._default(
    z.array(z.object({ seq: z.number(), question: z.string(), speakingMs: z.number(), fillers: z.record(z.string(), z.number()), charsPerMinute: z.nullable(z.number()) })),
    [],
  ),
});
export type Report = z.infer<typeof report>;

const dueEntry = z.object({
  topic: z.string(),
  name: z.optional(z.string()),
  due: z.number(),
  reviewed: z.optional(z.number()),
});
export type DueEntry = z.infer<typeof dueEntry>;

/** `/api/drill/due` may list topics with counts, or individual due questions to be counted here. */
const dueQuestion = z.object({ questionId: z.optional(z.string()), topics: z.array(z.string()) });
const drillDue = z.pipe(
  z.union([
    z.array(dueEntry),
    z.object({ topics: z.array(dueEntry) }),
    z.object({ due: z.array(dueQuestion) }),
    z.object({ questions: z.array(dueQuestion) }),
    z.array(dueQuestion),
  ]),
  z.transform((value): DueEntry[] => {
    const list = Array.isArray(value) ? value : 'topics' in value ? value.topics : 'due' in value ? value.due : value.questions;
    if (list.every((entry) => 'due' in entry)) return list as DueEntry[];
    const counts = new Map<string, number>();
    for (const question of list as z.infer<typeof dueQuestion>[]) {
      for (const id of question.topics) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return [...counts].map(([id, due]) => ({ topic: id, due }));
  }),
);

/** The server's error codes (src/core/errors.ts) that are not worth retrying when they arrive mid-stream. */
const statusOfCode: Record<string, number> = {
  bad_request: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  empty_corpus: 422,
};

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** Everything that can go wrong talking to the server, in one shape the UI can show. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: string, message: string, status: number) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }

  /** Network failures and 5xx may succeed on retry; 4xx will not. */
  get retryable(): boolean {
    return this.status === 0 || this.status >= 500 || this.status === 429;
  }
}

async function errorFrom(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  try {
    const parsed = errorBody.safeParse(JSON.parse(text));
    if (parsed.success) return new ApiError(parsed.data.error.code, parsed.data.error.message, response.status);
  } catch {
    // Not JSON (a proxy's HTML page, say): fall through to a generic message.
  }
  return new ApiError(`http_${response.status}`, response.statusText || `HTTP ${response.status}`, response.status);
}

export function parseWith<T>(schema: z.ZodMiniType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiError('bad_response', 'unexpected response from server', 0);
  return parsed.data;
}

export async function send(path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('network', 'network error', 0);
  }
  if (!response.ok) throw await errorFrom(response);
  return response;
}

export async function getJson<T>(path: string, schema: z.ZodMiniType<T>): Promise<T> {
  const response = await send(path, { headers: { accept: 'application/json' } });
  return parseWith(schema, await response.json().catch(() => undefined));
}

/**
 * POSTs JSON asking for SSE. Tokens go to `onToken` as they arrive; resolves with the `done`
 * event's payload. A server that answers plain JSON (no streaming) works the same way.
 */
async function postStream<T>(
  path: string,
  body: unknown,
  schema: z.ZodMiniType<T>,
  onToken: (chunk: string) => void,
): Promise<T> {
  const response = await send(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify(body),
  });
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('text/event-stream') || !response.body) {
    return parseWith(schema, await response.json().catch(() => undefined));
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = new SseParser();
  const handle = (events: ReturnType<SseParser['push']>): { done: T } | undefined => {
    for (const event of events) {
      if (event.event === 'token') onToken(event.data);
      else if (event.event === 'done') return { done: parseWith(schema, JSON.parse(event.data)) };
      else if (event.event === 'error') {
        const parsed = errorBody.safeParse(JSON.parse(event.data));
        throw parsed.success
          ? new ApiError(parsed.data.error.code, parsed.data.error.message, statusOfCode[parsed.data.error.code] ?? 500)
          : new ApiError('internal', 'stream failed', 500);
      }
    }
    return undefined;
  };
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<string>;
      try {
        chunk = await reader.read();
      } catch {
        throw new ApiError('network', 'connection lost while streaming', 0);
      }
      const result = chunk.done ? handle(parser.end()) : handle(parser.push(chunk.value));
      if (result) return result.done;
      if (chunk.done) throw new ApiError('network', 'stream ended early', 0);
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

export const api = {
  health: () => getJson('/api/health', health),
  topics: () => getJson('/api/topics', z.union([z.array(topic), z.pipe(z.object({ topics: z.array(topic) }), z.transform((v) => v.topics))])),
  sessions: () =>
    getJson(
      '/api/sessions',
      z.union([z.array(sessionSummary), z.pipe(z.object({ sessions: z.array(sessionSummary) }), z.transform((v) => v.sessions))]),
    ),
  /** `reveal`: include the grades an active interview keeps back (the candidate asked to see them). */
  transcript: (id: string, reveal = false) => getJson(`/api/sessions/${encodeURIComponent(id)}${reveal ? '?reveal=1' : ''}`, transcript),
  report: (id: string) => getJson(`/api/sessions/${encodeURIComponent(id)}/report`, report),
  drillDue: () => getJson('/api/drill/due', drillDue),
  exportUrl: (id: string) => `/api/sessions/${encodeURIComponent(id)}/export.md`,
  createSession: (
    body: StartOptions,
    onToken: (chunk: string) => void,
  ) => postStream('/api/sessions', body, createdSession, onToken),
  /** `turn` is the seq of the line being answered, so a repeated submit is a 409, not the next question's answer. */
  answer: (
    id: string,
    body: SubmitInput,
    onToken: (chunk: string) => void,
  ) =>
    postStream(`/api/sessions/${encodeURIComponent(id)}/answers`, body, answerResult, onToken),
};
