/**
 * The interview session engine: a runtime-agnostic state machine persisted only through
 * `SessionStore`, used by the server routes.
 *
 * Usage:
 * ```ts
 * const interviews = createInterviewService({ kb, grader, store, prompts, chat: llmClient, newId });
 * // POST /api/sessions → 201 { id: session.id, mode: session.mode, message }
 * const { session, message } = await interviews.start(ownerId, { mode: 'practice', topics: ['redis'], questions: 3 });
 * // POST /api/sessions/:id/answers; onToken feeds SSE, the resolved object is the final event
 * const { grade, next, reveal } = await interviews.submit(session.id, ownerId, { answer: '...' }, { onToken });
 * await interviews.submit(session.id, ownerId, { action: 'hint' }); // or 'skip'
 * // `turn` (message.turn / next.turn / pending.turn) makes a repeated or stale submit a conflict
 * await interviews.submit(session.id, ownerId, { answer: '...', turn: next.turn });
 * await interviews.transcript(id, ownerId); await interviews.report(id, ownerId);
 * await interviews.exportMarkdown(id, ownerId); await interviews.history(ownerId); await interviews.due(ownerId, 'redis');
 * ```
 * Errors are `AppError`s: `not_found` (unknown session or another owner's), `conflict` (session
 * finished, a concurrent submit already moved it on, or `turn` names a line that is no longer
 * the latest), `bad_request` (invalid input),
 * `empty_corpus` (no questions to ask).
 */
import { z } from 'zod';
import { AppError } from '../core/errors.ts';
import { roundScore } from '../grading/offline-scorer.ts';
import { isQuestionText } from '../ingest/question-lines.ts';
import {
  topicIds,
  type Grade,
  type Grader,
  type KnowledgeBase,
  type Card,
  type Reference,
  type ReviewCard,
  type SessionMode,
  type SessionRecord,
  type SessionStore,
  type TopicId,
  type Turn,
} from '../core/types.ts';
import {
  createInterviewerVoice,
  llmWordingNotice,
  type InterviewerModel,
  type NextStep,
  type Reaction,
  type VoiceDecision,
} from './interviewer-voice.ts';
import { capGrade, focusOf, hintCap, maxHints, rankPoints, referencePoints, topMissedPoint, weighPoints } from './key-points.ts';
import { findOpeningItem, planDrill, planQuestions } from './question-picker.ts';
import { buildReport, renderMarkdown, summarize, type SessionReport, type SessionSummary } from './report.ts';
import { isDue, ratingName, ratingForScore, reviewCard } from './review-schedule.ts';
import {
  freshQuestion,
  readState,
  type CurrentQuestion,
  type QuestionResult,
  type SessionState,
} from './session-state.ts';
import { parseTemplates, pickVariant, renderTemplate, type TemplateSlot, type Templates } from './templates.ts';
import { topicList, topicNames } from './topic-names.ts';

export type { InterviewerModel } from './interviewer-voice.ts';
export type { SessionReport, SessionSummary } from './report.ts';

/** Default number of main questions per mode, and the most a session may ask. */
const defaultQuestions: Record<SessionMode, number> = { interview: 5, practice: 5, drill: 10 };
const maxQuestions = 30;
/** Score bands that steer follow-ups: at or above `strong` go deeper, below `weak` move on. */
const strongScore = 8;
const weakScore = 3;
const maxFollowups = 2;

/** Request body of POST /api/sessions. */
export const startOptionsSchema = z.object({
  mode: z.enum(['interview', 'practice', 'drill']),
  topics: z.array(z.enum(topicIds)).max(topicIds.length).optional(),
  questions: z.number().int().min(1).max(maxQuestions).optional(),
});
export type StartOptions = z.infer<typeof startOptionsSchema>;

/**
 * `turn`: the seq of the interviewer line being answered (`message.turn`, `next.turn`,
 * `pending.turn`). Optional for API callers; with it, a double-click's second request that
 * arrives after the first committed is refused instead of answering the next question.
 */
const turnField = z.number().int().min(0).optional();

/**
 * Request body of POST /api/sessions/:id/answers, with the caller's schema for the answer text:
 * the server passes its byte-limited one, so the body is defined only here.
 */
export function submitInputSchemaWith<Answer extends z.ZodType<string>>(answer: Answer) {
  return z.union([
    z.object({ answer, turn: turnField }).strict(),
    z.object({ action: z.enum(['skip', 'hint']), turn: turnField }).strict(),
  ]);
}
export const submitInputSchema = submitInputSchemaWith(z.string());
export type SubmitInput = z.infer<typeof submitInputSchema>;

export interface InterviewerMessage {
  role: 'interviewer';
  text: string;
  /** The question-bank item being asked; absent for a generic warm-up. */
  questionId?: string;
  /** Seq of the latest interviewer line (after a hint, the hint's); send it back as the answer's `turn`. */
  turn: number;
}

export interface StartResult {
  session: SessionSummary;
  message: InterviewerMessage;
}

export interface SubmitOptions {
  /** Receives the interviewer's next line as it is produced (the whole line at once offline). */
  onToken?: (token: string) => void;
  signal?: AbortSignal;
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
  /** The grade of this answer (hint-capped), the 0-score grade of a skip, null for a hint or an ungraded warm-up. */
  grade: Grade | null;
  next: NextLine;
  /** False in interview mode: the UI keeps grades hidden until the report. */
  reveal: boolean;
  /** Present after a hint: the revealed key point and the question's new score cap. */
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

export interface InterviewDeps {
  kb: KnowledgeBase;
  grader: Grader;
  store: SessionStore;
  /** `prompts/*` keyed by file name: needs `interviewer-templates`, and `interviewer-system`/`-user` with `chat`. */
  prompts: Readonly<Record<string, string>>;
  /** When given, the LLM decides follow-up or move-on and words the line; templates are the fallback. */
  chat?: InterviewerModel;
  now?: () => Date;
  random?: () => number;
  /** Session id factory; the server passes ≥128-bit random ids. */
  newId?: () => string;
}

export interface InterviewService {
  /** Creates a session and its first interviewer line. */
  start(ownerId: string, options: StartOptions): Promise<StartResult>;
  /**
   * Grades an answer (or applies skip/hint) and writes the candidate turn, its grade and the next
   * interviewer line in one atomic `appendTurns`, so an acknowledged answer is durable exactly once.
   */
  submit(sessionId: string, ownerId: string, input: SubmitInput, options?: SubmitOptions): Promise<SubmitResult>;
  /** `reveal`: the owner asked to see an active interview's grades (they are withheld otherwise). */
  transcript(sessionId: string, ownerId: string, options?: { reveal?: boolean }): Promise<TranscriptResult>;
  /** Scores overall and per topic, weakest points with their topic, and the turns with grades. */
  report(sessionId: string, ownerId: string): Promise<SessionReport>;
  exportMarkdown(sessionId: string, ownerId: string): Promise<string>;
  /** The owner's sessions, newest first. */
  history(ownerId: string): Promise<SessionSummary[]>;
  /** Due FSRS cards per topic and the due questions (one topic when given), most overdue first. */
  due(ownerId: string, topic?: TopicId): Promise<DueResult>;
}

function randomHexId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function referencesOf(item: Card | undefined): Reference[] | undefined {
  if (!item?.answered) return undefined;
  return [{ source: item.source, heading: item.headingPath.join(' > '), text: item.reference }];
}

/** Mutable context of one submit: the state being advanced and the turns to append. */
interface Step {
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

export function createInterviewService(deps: InterviewDeps): InterviewService {
  const templateSource = deps.prompts['interviewer-templates'];
  if (!templateSource) throw new AppError('internal', 'prompts/interviewer-templates.md is missing');
  const templates: Templates = parseTemplates(templateSource);
  const voice = deps.chat ? createInterviewerVoice({ model: deps.chat, prompts: deps.prompts, kb: deps.kb }) : undefined;
  const now = deps.now ?? (() => new Date());
  const random = deps.random ?? Math.random;
  const newId = deps.newId ?? randomHexId;
  const { kb, grader, store } = deps;
  // Same-process double submits are refused before grading; the store's version check covers the rest.
  const inFlight = new Set<string>();

  function say(state: SessionState, slot: TemplateSlot, values: Record<string, string | number> = {}): string {
    const variants = templates[slot];
    const index = pickVariant(variants.length, state.lastVariant[slot], random);
    state.lastVariant[slot] = index;
    return renderTemplate(variants[index] ?? '', values);
  }

  function questionText(questionId: string | null, fallback = ''): string {
    return (questionId ? kb.getCard(questionId)?.question : undefined) ?? fallback;
  }

  /** Notes often title an answer with a topic or a statement; an interviewer turns that into a question. */
  function askedQuestion(state: SessionState, questionId: string | null): string {
    const question = questionText(questionId);
    const asked = !question || isQuestionText(question) ? question : say(state, 'ask-about', { topic: question });
    // A question about code is unanswerable without it: the code goes under the question, as a block.
    const code = questionId ? kb.getCard(questionId)?.code : undefined;
    return code ? `${asked}\n\n${code}` : asked;
  }

  async function loadOwned(sessionId: string, ownerId: string): Promise<SessionRecord> {
    const session = await store.getSession(sessionId);
    // Another owner's session is indistinguishable from a missing one.
    if (!session || session.ownerId !== ownerId) throw new AppError('not_found', '会话不存在');
    return session;
  }

  function turn(step: Pick<Step, 'session' | 'state' | 'turns' | 'now'>, fields: Omit<Turn, 'sessionId' | 'seq' | 'createdAt'>): Turn {
    const written: Turn = { sessionId: step.session.id, seq: step.state.turns, createdAt: step.now, ...fields };
    if (written.questionId === undefined) delete written.questionId;
    step.state.turns += 1;
    step.turns.push(written);
    return written;
  }

  async function start(ownerId: string, rawOptions: StartOptions): Promise<StartResult> {
    const parsed = startOptionsSchema.safeParse(rawOptions);
    if (!parsed.success) throw new AppError('bad_request', '无效的会话参数');
    const { mode } = parsed.data;
    const count = parsed.data.questions ?? defaultQuestions[mode];
    if (kb.cards.length === 0) throw new AppError('empty_corpus', '题库为空，请先添加笔记并建立索引');
    const at = now();
    const state: SessionState = { schema: 1, plan: [], index: 0, current: null, results: [], turns: 0, lastVariant: {} };
    let topics: TopicId[] = [...new Set(parsed.data.topics ?? [])];
    let firstLine: string;
    let firstQuestionId: string | null;

    if (mode === 'drill') {
      const cards = await store.getCards(ownerId);
      const topic = topics.length === 1 ? topics[0] : topics.length === 0 ? busiestDrillTopic(cards, at) : undefined;
      if (!topic) throw new AppError('bad_request', '专项复习一次只能选择一个主题');
      topics = [topic];
      const drill = planDrill(kb.cards, topic, cards, { count, now: at, random });
      state.plan = drill.plan;
      state.drill = { topic, due: drill.due };
    } else {
      let exclude = new Set<string>();
      if (mode === 'interview') {
        const opening = findOpeningItem(kb.cards, random);
        if (opening) exclude = new Set([opening.id]);
        state.current = freshQuestion(opening?.id ?? null, 'opening');
        state.index = -1;
      }
      state.plan = planQuestions(kb.cards, { topics, count, random, exclude });
    }
    if (state.plan.length === 0) throw new AppError('bad_request', '所选主题下没有可以提问的题目');

    const total = state.plan.length;
    if (mode === 'interview') {
      firstQuestionId = state.current?.questionId ?? null;
      firstLine = firstQuestionId
        ? say(state, 'opening-item', { question: questionText(firstQuestionId), topics: topicList(topics), total })
        : say(state, 'opening-intro', { topics: topicList(topics), total });
    } else {
      firstQuestionId = state.plan[0] ?? null;
      state.current = freshQuestion(firstQuestionId, 'question');
      const question = askedQuestion(state, firstQuestionId);
      if (mode === 'practice') {
        firstLine = say(state, 'start-practice', { question, topics: topicList(topics), total });
      } else {
        const topic = state.drill ? topicNames[state.drill.topic] : '';
        const due = state.drill?.due ?? 0;
        firstLine =
          due > 0
            ? say(state, 'start-drill-due', { question, topic, due, total })
            : say(state, 'start-drill-new', { question, topic, total });
      }
    }

    const session: SessionRecord = {
      id: newId(),
      ownerId,
      mode,
      topics,
      status: 'active',
      version: 0,
      state,
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
    };
    const firstTurn = turn(
      { session, state, turns: [], now: at.toISOString() },
      { role: 'interviewer', kind: mode === 'interview' ? 'opening' : 'question', text: firstLine, ...questionIdField(firstQuestionId) },
    );
    await store.createSession(session, [firstTurn]);
    const message: InterviewerMessage = { role: 'interviewer', text: firstLine, ...questionIdField(firstQuestionId), turn: firstTurn.seq };
    return { session: summarize(session, state), message };
  }

  /** Without a chosen topic, a drill goes where most cards are due, else to the largest topic. */
  function busiestDrillTopic(cards: readonly ReviewCard[], at: Date): TopicId | undefined {
    const dueCounts = new Map<TopicId, number>();
    for (const card of cards) {
      if (!isDue(card, at) || !kb.getCard(card.questionId)) continue;
      for (const topic of card.topics) dueCounts.set(topic, (dueCounts.get(topic) ?? 0) + 1);
    }
    const sizes = new Map<TopicId, number>();
    for (const item of kb.cards) for (const topic of item.topics) sizes.set(topic, (sizes.get(topic) ?? 0) + 1);
    const counts = dueCounts.size > 0 ? dueCounts : sizes;
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  }

  /** Key points of the current question's reference, most important missed first. */
  function pointsFor(current: CurrentQuestion): CurrentQuestion['points'] {
    if (current.points.length > 0 || !current.questionId) return current.points;
    const item = kb.getCard(current.questionId);
    current.points = item?.answered ? referencePoints(item.reference) : [];
    return current.points;
  }

  async function submit(sessionId: string, ownerId: string, rawInput: SubmitInput, options: SubmitOptions = {}): Promise<SubmitResult> {
    const parsedInput = submitInputSchema.safeParse(rawInput);
    if (!parsedInput.success) throw new AppError('bad_request', '请提交 answer，或 action 为 skip / hint');
    const input = parsedInput.data;
    if ('answer' in input && !input.answer.trim()) throw new AppError('bad_request', '回答不能为空；不会的话可以选择跳过');
    const session = await loadOwned(sessionId, ownerId);
    assertSubmittable(session, input.turn);
    if (inFlight.has(sessionId)) throw new AppError('conflict', '上一个回答还在处理中');
    inFlight.add(sessionId);
    try {
      const state = readState(session.state);
      const current = state.current;
      if (!current) throw new AppError('internal', '会话状态已损坏，无法继续');
      const step: Step = { session, state, turns: [], now: now().toISOString() };
      const reveal = session.mode !== 'interview';
      let result: SubmitResult;
      if ('action' in input && input.action === 'hint') {
        result = giveHint(step, current, options, reveal);
      } else if ('action' in input) {
        result = await skipQuestion(step, current, options, reveal);
      } else {
        result = await answerQuestion(step, current, input.answer, options, reveal);
      }
      const done = state.current === null;
      const committed = await store.appendTurns(session.id, session.version, step.turns, { state, status: done ? 'done' : 'active' });
      if (!committed) throw new AppError('conflict', '这道题已经被回答过了，请刷新后继续');
      if (step.review) {
        try {
          await store.putCard(step.review.card);
          result.review = step.review.rating;
        } catch {
          step.notice = joinNotice(step.notice, '复习计划保存失败，本题下次会按原计划出现');
        }
      }
      if (step.notice) result.notice = step.notice;
      return result;
    } finally {
      inFlight.delete(sessionId);
    }
  }

  function giveHint(step: Step, current: CurrentQuestion, options: SubmitOptions, reveal: boolean): SubmitResult {
    const points = pointsFor(current);
    const nextKind: NextLine['kind'] = current.awaiting === 'followup' ? 'followup' : 'question';
    const candidate = topMissedPoint(points, current.revealed);
    let text: string;
    let hint: SubmitResult['hint'];
    if (points.length === 0) {
      text = say(step.state, 'hint-none');
    } else if (current.hints >= maxHints || !candidate) {
      text = say(step.state, 'hint-exhausted');
    } else {
      current.hints += 1;
      current.revealed.push(candidate.text);
      const cap = hintCap(current.hints);
      text = say(step.state, 'hint', { point: candidate.text, cap });
      hint = { point: candidate.text, cap };
    }
    const line = turn(step, { role: 'interviewer', kind: 'hint', text, ...questionIdField(current.questionId) });
    options.onToken?.(text);
    const next: NextLine = { kind: nextKind, text, ...questionIdField(current.questionId), turn: line.seq };
    const result: SubmitResult = { grade: null, next, reveal };
    if (hint) result.hint = hint;
    return result;
  }

  async function skipQuestion(step: Step, current: CurrentQuestion, options: SubmitOptions, reveal: boolean): Promise<SubmitResult> {
    const item = current.questionId ? kb.getCard(current.questionId) : undefined;
    let grade: Grade | null = null;
    if (item) {
      const points = pointsFor(current);
      const missed = points.slice(0, 3).map((point) => point.text);
      grade = {
        score: 0,
        band: 'none',
        keyPoints: points.map((point) => ({ text: point.text, covered: 'no' })),
        strengths: [],
        gaps: missed,
        feedback: ['你跳过了这道题，本题记 0 分。', missed.length > 0 ? `参考答案的要点包括：${missed.join('；')}。` : '', '建议对照参考答案复习后再来练一次。']
          .filter(Boolean)
          .join(''),
        references: referencesOf(item) ?? [],
        grader: 'offline',
        fallback: false,
      };
    }
    turn(step, { role: 'candidate', kind: 'skip', text: '（跳过）', ...questionIdField(current.questionId), ...(grade ? { grade } : {}) });
    // Skipping a follow-up keeps the credit the earlier answer already earned.
    if (current.best === null && grade) current.best = 0;
    const next = await moveOn(step, current, { reaction: 'skip', prefixSlot: 'skip-ack' }, options, true);
    return { grade, next, reveal };
  }

  async function answerQuestion(
    step: Step,
    current: CurrentQuestion,
    answer: string,
    options: SubmitOptions,
    reveal: boolean,
  ): Promise<SubmitResult> {
    const item = current.questionId ? kb.getCard(current.questionId) : undefined;
    current.answers.push(answer);
    let grade: Grade | null = null;
    let rawScore: number | null = null;
    if (item) {
      // A follow-up answer is graded with everything said on this question, against the same reference.
      const raw = await grader.grade(
        { question: item.question, answer: current.answers.join('\n\n'), ...(referencesOf(item) ? { references: referencesOf(item) } : {}) },
        options.signal ? { signal: options.signal } : undefined,
      );
      rawScore = raw.score;
      grade = capGrade(raw, current.hints);
      current.best = roundScore(Math.max(current.best ?? 0, grade.score));
      current.points = rankPoints(weighPoints(raw.keyPoints, item.answered ? item.reference : undefined));
    }
    turn(step, { role: 'candidate', kind: 'answer', text: answer, ...questionIdField(current.questionId), ...(grade ? { grade } : {}) });
    if (grade?.fallback) {
      step.llmFailed = true;
      if (grade.notice) step.notice = joinNotice(step.notice, grade.notice);
    }

    if (current.awaiting === 'opening' || rawScore === null) {
      const next = await moveOn(step, current, { reaction: 'opening', prefixSlot: 'transition-opening', answer }, options, false);
      return { grade, next, reveal };
    }
    const reaction: Reaction = rawScore >= strongScore ? 'strong' : rawScore >= weakScore ? 'partial' : 'weak';
    const canFollowUp = current.followups < maxFollowups;

    const decided = await decideWithLlm(step, current, { reaction, answer, followupAllowed: canFollowUp && reaction !== 'weak' }, options);
    if (decided?.action === 'followup') {
      if (decided.targetPoint) current.targeted.push(decided.targetPoint);
      options.onToken?.(decided.line);
      return { grade, next: askFollowup(step, current, decided.line), reveal };
    }
    if (!decided && canFollowUp && reaction === 'partial') {
      const missed = topMissedPoint(current.points, [...current.targeted, ...current.revealed]);
      if (missed) {
        const focus = focusOf(missed.text);
        current.targeted.push(missed.text);
        const text = say(step.state, 'followup-missed', { focus, question: questionText(current.questionId) });
        options.onToken?.(text);
        return { grade, next: askFollowup(step, current, text), reveal };
      }
    }
    const next = await moveOn(step, current, { reaction, prefixSlot: `transition-${reaction}`, answer }, options, false);
    return { grade, next, reveal };
  }

  function askFollowup(step: Step, current: CurrentQuestion, text: string): NextLine {
    current.followups += 1;
    current.awaiting = 'followup';
    const line = turn(step, { role: 'interviewer', kind: 'followup', text, ...questionIdField(current.questionId) });
    return { kind: 'followup', text, ...questionIdField(current.questionId), turn: line.seq };
  }

  /**
   * In LLM mode, asks the LLM what to do next and for its line, within the engine's caps; the
   * decision is validated before it is used. A failure (or none configured) leaves `undefined`, and
   * the rest of the turn uses templates, so a down provider costs one timeout and one notice.
   */
  async function decideWithLlm(
    step: Step,
    current: CurrentQuestion,
    how: { reaction: Reaction; answer?: string; followupAllowed: boolean },
    options: SubmitOptions,
  ): Promise<Extract<VoiceDecision, { ok: true }> | undefined> {
    if (!voice || step.llmFailed) return undefined;
    const item = current.questionId ? kb.getCard(current.questionId) : undefined;
    const exclude = [...current.targeted, ...current.revealed];
    const decision = await voice.decide(
      {
        mode: step.session.mode,
        reaction: how.reaction,
        question: questionText(current.questionId, '自我介绍'),
        ...(how.answer !== undefined ? { answer: how.answer } : {}),
        missedPoints: current.points.filter((point) => point.covered !== 'yes' && !exclude.includes(point.text)).map((point) => point.text),
        followupAllowed: how.followupAllowed,
        next: upcoming(step.state, current),
        ...(item?.answered ? { reference: item.reference } : {}),
      },
      options.signal,
    );
    if (!decision.ok) {
      step.llmFailed = true;
      step.notice = joinNotice(step.notice, llmWordingNotice);
      return undefined;
    }
    if (decision.action === 'next') step.decidedLine = decision.line;
    return decision;
  }

  /** Where moving on from the current question leads: the next planned question, or the closing. */
  function upcoming(state: SessionState, current: CurrentQuestion): NextStep {
    const nextId = state.plan[state.index + 1];
    const total = state.plan.length;
    if (nextId === undefined) {
      return { kind: 'closing', count: state.results.filter((entry) => !entry.opening).length + (current.awaiting === 'opening' ? 0 : 1) };
    }
    return { kind: 'question', question: askedQuestion(state, nextId), index: state.index + 2, total, last: state.index + 1 === total - 1 };
  }

  /** The checked LLM line when one was decided, else the template line; sent whole either way. */
  function speak(step: Step, fallback: string, options: SubmitOptions): string {
    const text = step.decidedLine ?? fallback;
    options.onToken?.(text);
    return text;
  }

  /** Closes the current question (recording its result and drill review) and asks the next one or closes. */
  async function moveOn(
    step: Step,
    current: CurrentQuestion,
    how: { reaction: Reaction; prefixSlot: TemplateSlot; answer?: string },
    options: SubmitOptions,
    skipped: boolean,
  ): Promise<NextLine> {
    // Decided before the state moves, so the LLM is told the question that really comes next.
    if (step.decidedLine === undefined) await decideWithLlm(step, current, { ...how, followupAllowed: false }, options);
    const { state, session } = step;
    const item = current.questionId ? kb.getCard(current.questionId) : undefined;
    const result: QuestionResult = {
      questionId: current.questionId,
      opening: current.awaiting === 'opening',
      topics: item?.topics ?? [],
      score: current.best,
      skipped: skipped && current.answers.length === 0,
      hints: current.hints,
      followups: current.followups,
    };
    state.results.push(result);
    if (session.mode === 'drill' && item) {
      const existing = (await store.getCards(session.ownerId, state.drill?.topic)).find((card) => card.questionId === item.id);
      const score = result.score ?? 0;
      const card = reviewCard(session.ownerId, item, existing, score, new Date(step.now));
      step.review = { card, rating: { questionId: item.id, rating: ratingName(ratingForScore(score)), due: card.due } };
    }

    state.index += 1;
    const nextId = state.plan[state.index];
    const total = state.plan.length;
    // "Let's move on" before a closing line reads wrong; only a skip is acknowledged there.
    const prefix = nextId !== undefined || how.prefixSlot === 'skip-ack' ? say(state, how.prefixSlot) : '';
    if (nextId === undefined) {
      state.current = null;
      const count = state.results.filter((entry) => !entry.opening).length;
      const scored = state.results.filter((entry) => !entry.opening && entry.score !== null).map((entry) => entry.score ?? 0);
      const score = scored.length > 0 ? roundScore(scored.reduce((sum, value) => sum + value, 0) / scored.length) : 0;
      const closing =
        session.mode === 'interview'
          ? say(state, 'closing-interview', { count })
          : session.mode === 'practice'
            ? say(state, 'closing-practice', { count, score })
            : say(state, 'closing-drill', { count, score, topic: state.drill ? topicNames[state.drill.topic] : '' });
      const text = speak(step, `${prefix}${closing}`, options);
      const closed = turn(step, { role: 'interviewer', kind: 'closing', text });
      return { kind: 'done', text, turn: closed.seq };
    }

    const question = askedQuestion(state, nextId);
    const index = state.index + 1;
    const last = state.index === total - 1;
    const slot: TemplateSlot = result.opening ? 'first-question' : last ? 'last-question' : 'next-question';
    const line = `${prefix}${say(state, slot, { question, index, total })}`;
    const text = speak(step, line, options);
    state.current = freshQuestion(nextId, 'question');
    const asked = turn(step, { role: 'interviewer', kind: 'question', text, questionId: nextId });
    return { kind: 'question', text, questionId: nextId, turn: asked.seq };
  }

  async function transcript(sessionId: string, ownerId: string, options: { reveal?: boolean } = {}): Promise<TranscriptResult> {
    const session = await loadOwned(sessionId, ownerId);
    const state = readState(session.state);
    const turns = await store.listTurns(session.id);
    const reveal = session.mode !== 'interview' || session.status === 'done' || options.reveal === true;
    const shown = reveal ? turns : turns.map(({ grade: _withheld, ...rest }) => rest);
    const asking = [...turns].reverse().find((entry) => entry.role === 'interviewer' && entry.kind !== 'hint' && entry.kind !== 'closing');
    const pending: InterviewerMessage | null =
      session.status === 'done' || !asking
        ? null
        : { role: 'interviewer', text: asking.text, ...questionIdField(state.current?.questionId ?? null), turn: state.turns - 1 };
    return { session: summarize(session, state), turns: shown, pending, reveal };
  }

  async function report(sessionId: string, ownerId: string): Promise<SessionReport> {
    const session = await loadOwned(sessionId, ownerId);
    return buildReport(session, readState(session.state), await store.listTurns(session.id), kb);
  }

  async function exportMarkdown(sessionId: string, ownerId: string): Promise<string> {
    return renderMarkdown(await report(sessionId, ownerId));
  }

  async function history(ownerId: string): Promise<SessionSummary[]> {
    const sessions = await store.listSessions(ownerId);
    return sessions
      .filter((session) => session.ownerId === ownerId)
      .map((session) => summarize(session, readState(session.state)))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async function due(ownerId: string, topic?: TopicId): Promise<DueResult> {
    const at = now();
    const cards = (await store.getCards(ownerId, topic)).filter((card) => kb.getCard(card.questionId));
    const counts = new Map<TopicId, { due: number; reviewed: number; questions: number }>();
    const entry = (id: TopicId) => {
      const existing = counts.get(id) ?? { due: 0, reviewed: 0, questions: 0 };
      counts.set(id, existing);
      return existing;
    };
    for (const item of kb.cards) for (const id of item.topics) if (!topic || id === topic) entry(id).questions += 1;
    const dueCards: ReviewCard[] = [];
    for (const card of cards) {
      const cardIsDue = isDue(card, at);
      if (cardIsDue) dueCards.push(card);
      for (const id of card.topics) {
        if (topic && id !== topic) continue;
        entry(id).reviewed += 1;
        if (cardIsDue) entry(id).due += 1;
      }
    }
    return {
      topics: [...counts.entries()]
        .sort((a, b) => topicIds.indexOf(a[0]) - topicIds.indexOf(b[0]))
        .map(([id, value]) => ({ topic: id, name: topicNames[id], ...value })),
      questions: dueCards
        .sort((a, b) => Date.parse(a.due) - Date.parse(b.due))
        .map((card) => ({ questionId: card.questionId, question: questionText(card.questionId), topics: card.topics, due: card.due })),
    };
  }

  return { start, submit, transcript, report, exportMarkdown, history, due };
}

/**
 * Refuses a submit the session cannot take: it is finished, or `turn` names an interviewer line
 * that is no longer the latest (the request repeats one already answered). Exported so the
 * server can decide before an event stream commits to status 200.
 */
export function assertSubmittable(session: SessionRecord, turn: number | undefined): void {
  if (session.status === 'done') throw new AppError('conflict', '这场会话已经结束');
  // Every committed step ends with an interviewer line, so the latest line is the last seq.
  if (turn !== undefined && turn !== readState(session.state).turns - 1) {
    throw new AppError('conflict', '这一轮已经提交过了（重复或过期的提交），本次未作处理；请刷新后继续');
  }
}

function questionIdField(questionId: string | null | undefined): { questionId?: string } {
  return questionId ? { questionId } : {};
}

function joinNotice(existing: string | undefined, added: string): string {
  if (!existing) return added;
  return existing.includes(added) ? existing : `${existing}；${added}`;
}
