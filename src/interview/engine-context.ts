/**
 * What every part of the engine shares: its dependencies, the parsed templates and phase plan,
 * and the few helpers that speak, name questions and append turns. Built once per service.
 */
import { AppError } from '../core/errors.ts';
import type { Grader, KnowledgeBase, ReviewCard, SessionRecord, SessionStore, Turn } from '../core/types.ts';
import { isQuestionText } from '../ingest/question-lines.ts';
import { createInterviewerVoice, type InterviewerModel } from './interviewer-voice.ts';
import { parsePhasePlan, type PhasePlan } from './phase-plan.ts';
import { endAsQuestion } from './question-wording.ts';
import type { SubmitResult } from './contract.ts';
import type { SessionState } from './session-state.ts';
import { parseTemplates, pickVariant, renderTemplate, type TemplateSlot, type Templates } from './templates.ts';

export interface InterviewDeps {
  kb: KnowledgeBase;
  grader: Grader;
  store: SessionStore;
  /** `prompts/*` keyed by file name: needs `interviewer-templates` and `interviewer-phases`, and `interviewer-system`/`-user` with `chat`. */
  prompts: Readonly<Record<string, string>>;
  /** When given, the LLM decides follow-up or move-on and words the line; templates are the fallback. */
  chat?: InterviewerModel;
  now?: () => Date;
  random?: () => number;
  /** Session id factory; the server passes ≥128-bit random ids. */
  newId?: () => string;
}

export interface EngineContext {
  kb: KnowledgeBase;
  grader: Grader;
  store: SessionStore;
  templates: Templates;
  phases: PhasePlan;
  voice: ReturnType<typeof createInterviewerVoice> | undefined;
  now: () => Date;
  random: () => number;
  newId: () => string;
  /** Sessions whose turn is being processed by this instance; the store's version check covers the rest. */
  inFlight: Set<string>;
  /** Cards near each card, by retrieval on its question: the same for every session, so searched once. */
  related: Map<string, string[]>;
}

export interface SubmitOptions {
  /** Receives the interviewer's next line as it is produced (the whole line at once offline). */
  onToken?: (token: string) => void;
  signal?: AbortSignal;
}

/** Mutable context of one submit: the state being advanced and the turns to append. */
export interface Step {
  session: SessionRecord;
  state: SessionState;
  turns: Turn[];
  now: string;
  notice?: string;
  review?: { card: ReviewCard; rating: SubmitResult['review'] };
  /**
   * The LLM already failed during this turn (grading fell back, or a line could not be worded):
   * the rest of the turn uses templates, so a down provider costs one timeout and one notice.
   */
  llmFailed?: boolean;
  /** The checked LLM line that moves on (next question or closing), decided before the move. */
  decidedLine?: string;
}

function randomHexId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function createEngineContext(deps: InterviewDeps): EngineContext {
  const templateSource = deps.prompts['interviewer-templates'];
  if (!templateSource) throw new AppError('internal', 'prompts/interviewer-templates.md is missing');
  const phaseSource = deps.prompts['interviewer-phases'];
  if (!phaseSource) throw new AppError('internal', 'prompts/interviewer-phases.md is missing');
  return {
    kb: deps.kb,
    grader: deps.grader,
    store: deps.store,
    templates: parseTemplates(templateSource),
    phases: parsePhasePlan(phaseSource),
    voice: deps.chat ? createInterviewerVoice({ model: deps.chat, prompts: deps.prompts, kb: deps.kb }) : undefined,
    now: deps.now ?? (() => new Date()),
    random: deps.random ?? Math.random,
    newId: deps.newId ?? randomHexId,
    inFlight: new Set(),
    related: new Map(),
  };
}

/** A line from a template slot, never the variant this session used last for it. */
export function say(ctx: EngineContext, state: SessionState, slot: TemplateSlot, values: Record<string, string | number> = {}): string {
  const variants = ctx.templates[slot];
  const index = pickVariant(variants.length, state.lastVariant[slot], ctx.random);
  state.lastVariant[slot] = index;
  return renderTemplate(variants[index] ?? '', values);
}

export function questionText(ctx: EngineContext, questionId: string | null, fallback = ''): string {
  return (questionId ? ctx.kb.getCard(questionId)?.question : undefined) ?? fallback;
}

/** Notes often title an answer with a topic or a statement; an interviewer turns that into a question. */
export function askedQuestion(ctx: EngineContext, state: SessionState, questionId: string | null): string {
  const question = questionText(ctx, questionId);
  // A title that already starts "关于…" would read "关于关于…" in the templates that add one.
  // A title with a clause or a question mark of its own ("表情包存储？收藏") is asked as written: wrapped, it reads "关于表情包存储？收藏，…".
  const asIs = !question || isQuestionText(question) || /[，,？?]/u.test(question);
  const asked = asIs ? endAsQuestion(question) : say(ctx, state, 'ask-about', { topic: question.replace(/^关于\s*/, '') });
  // A question about code is unanswerable without it: the code goes under the question, as a block.
  const code = questionId ? ctx.kb.getCard(questionId)?.code : undefined;
  return code ? `${asked}\n\n${code}` : asked;
}

export async function loadOwned(ctx: EngineContext, sessionId: string, ownerId: string): Promise<SessionRecord> {
  const session = await ctx.store.getSession(sessionId);
  // Another owner's session is indistinguishable from a missing one.
  if (!session || session.ownerId !== ownerId) throw new AppError('not_found', '会话不存在');
  return session;
}

export function addTurn(step: Pick<Step, 'session' | 'state' | 'turns' | 'now'>, fields: Omit<Turn, 'sessionId' | 'seq' | 'createdAt'>): Turn {
  const written: Turn = { sessionId: step.session.id, seq: step.state.turns, createdAt: step.now, ...fields };
  if (written.questionId === undefined) delete written.questionId;
  step.state.turns += 1;
  step.turns.push(written);
  return written;
}

export function questionIdField(questionId: string | null | undefined): { questionId?: string } {
  return questionId ? { questionId } : {};
}

export function joinNotice(existing: string | undefined, added: string): string {
  if (!existing) return added;
  return existing.includes(added) ? existing : `${existing}；${added}`;
}

/** Records a card as asked this session, with every card sharing its wording. */
export function markAsked(state: SessionState, cardId: string): void {
  if (!state.asked.includes(cardId)) state.asked.push(cardId);
}
