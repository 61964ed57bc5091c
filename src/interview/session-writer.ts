/**
 * The write side: starting a session, claiming a turn (ownership, the one-turn-at-a-time lock,
 * 404 and 409, all before any event stream commits to 200) and committing what a turn produced
 * in one atomic `appendTurns`, so an acknowledged answer is durable exactly once.
 */
import { AppError } from '../core/errors.ts';
import type { SessionRecord, TopicId } from '../core/types.ts';
import { startOptionsSchema, submitInputSchema, type InterviewerMessage, type StartOptions, type StartResult, type SubmitInput, type SubmitResult, type SpokenAnswer } from './contract.ts';
import { addTurn, askedQuestion, joinNotice, loadOwned, markAsked, questionIdField, questionText, say, type EngineContext, type Step, type SubmitOptions } from './engine-context.ts';
import { busiestDrillTopic, findOpeningItem, planChosenDrill, planDrill, planQuestions } from './question-picker.ts';
import { speechStats } from './filler-words.ts';
import { summarize } from './report.ts';
import { freshQuestion, readState, type SessionState } from './session-state.ts';
import { createTurnSteps } from './turn-steps.ts';
import { topicList, topicNames } from './topic-names.ts';

/** Default number of main questions per mode. */
const defaultQuestions = { interview: 5, practice: 5, drill: 10 } as const;

/** A turn claimed for one submit: the session as loaded, and the lock to release afterwards. */
export interface TurnClaim {
  session: SessionRecord;
  /** The session's state when the claim had to read it (to check `turn`); the submit advances this copy. */
  state?: SessionState;
  release: () => void;
}

/**
 * Refuses a submit the session cannot take: it is finished, or `turn` names an interviewer line
 * that is no longer the latest (the request repeats one already answered). Returns the state
 * when checking `turn` read it, so the submit does not validate it a second time; without `turn`
 * the state is first read by the submit, where a damaged one fails inside an event stream.
 */
function submittableState(session: SessionRecord, turn: number | undefined): SessionState | undefined {
  if (session.status === 'done') throw new AppError('conflict', '这场会话已经结束');
  if (turn === undefined) return undefined;
  const state = readState(session.state);
  // Every committed step ends with an interviewer line, so the latest line is the last seq.
  if (turn !== state.turns - 1) {
    throw new AppError('conflict', '这一轮已经提交过了（重复或过期的提交），本次未作处理；请刷新后继续');
  }
  return state;
}

function parseSubmit(rawInput: SubmitInput): SubmitInput {
  const parsed = submitInputSchema.safeParse(rawInput);
  if (!parsed.success) throw new AppError('bad_request', '请提交 answer，或 action 为 skip / hint');
  if ('answer' in parsed.data && !parsed.data.answer.trim()) throw new AppError('bad_request', '回答不能为空；不会的话可以选择跳过');
  return parsed.data;
}

/** The answer turn this step wrote keeps that it was spoken, with its coaching figures. */
function markSpoken(step: Step, answer: string, speech: SpokenAnswer | undefined): void {
  const turn = step.turns.find((candidate) => candidate.role === 'candidate' && candidate.kind === 'answer');
  if (!turn) return;
  turn.spoken = true;
  turn.speech = speechStats(answer, speech ?? { engine: 'browser', speakingMs: 0 });
}

export function createSessionWriter(ctx: EngineContext) {
  const { kb, store } = ctx;
  const steps = createTurnSteps(ctx);

  async function start(ownerId: string, rawOptions: StartOptions): Promise<StartResult> {
    const parsed = startOptionsSchema.safeParse(rawOptions);
    if (!parsed.success) throw new AppError('bad_request', '无效的会话参数');
    const { mode } = parsed.data;
    const count = parsed.data.questions ?? defaultQuestions[mode];
    if (kb.cards.length === 0) throw new AppError('empty_corpus', '题库为空，请先添加笔记并建立索引');
    const at = ctx.now();
    const opens = ctx.phases[mode][0]?.phase === 'opening';
    const state: SessionState = {
      schema: 1,
      plan: [],
      index: 0,
      current: null,
      results: [],
      turns: 0,
      lastVariant: {},
      phase: opens ? 'opening' : 'technical',
      asked: [],
      language: parsed.data.language ?? 'zh',
      ...(parsed.data.questionSeconds ? { questionSeconds: parsed.data.questionSeconds } : {}),
    };
    let topics: TopicId[] = [...new Set(parsed.data.topics ?? [])];

    if (parsed.data.cards && mode !== 'drill') throw new AppError('bad_request', '只有专项复习可以指定题目');
    if (mode === 'drill' && parsed.data.cards) {
      const chosen = planChosenDrill(kb.cards, parsed.data.cards.slice(0, count), await store.getCards(ownerId), at);
      if (!chosen.topic) throw new AppError('bad_request', '所选的题目都不在题库里了');
      topics = [chosen.topic];
      state.plan = chosen.plan;
      state.drill = { topic: chosen.topic, due: chosen.due };
    } else if (mode === 'drill') {
      const cards = await store.getCards(ownerId);
      const topic = topics.length === 1 ? topics[0] : topics.length === 0 ? busiestDrillTopic(kb, cards, at) : undefined;
      if (!topic) throw new AppError('bad_request', '专项复习一次只能选择一个主题');
      topics = [topic];
      const drill = planDrill(kb.cards, topic, cards, { count, now: at, random: ctx.random });
      state.plan = drill.plan;
      state.drill = { topic, due: drill.due };
    } else {
      if (opens) {
        const opening = findOpeningItem(kb.cards, ctx.random);
        if (opening) markAsked(state, opening.id);
        state.current = freshQuestion(opening?.id ?? null, 'opening');
        state.index = -1;
      }
      state.plan = planQuestions(kb.cards, { topics, count, random: ctx.random, exclude: new Set(state.asked) });
    }
    if (state.plan.length === 0) throw new AppError('bad_request', '所选主题下没有可以提问的题目');

    const total = state.plan.length;
    let firstLine: string;
    let firstQuestionId: string | null;
    if (opens) {
      firstQuestionId = state.current?.questionId ?? null;
      firstLine = firstQuestionId
        ? say(ctx, state, 'opening-item', { question: questionText(ctx, firstQuestionId), topics: topicList(topics), total })
        : say(ctx, state, 'opening-intro', { topics: topicList(topics), total });
    } else {
      firstQuestionId = state.plan[0] ?? null;
      if (firstQuestionId) markAsked(state, firstQuestionId);
      state.current = freshQuestion(firstQuestionId, 'question');
      const question = askedQuestion(ctx, state, firstQuestionId);
      if (mode !== 'drill') {
        firstLine = say(ctx, state, 'start-practice', { question, topics: topicList(topics), total });
      } else {
        const topic = state.drill ? topicNames[state.drill.topic] : '';
        const due = state.drill?.due ?? 0;
        if (parsed.data.cards) firstLine = say(ctx, state, 'start-drill-chosen', { question, total });
        else firstLine = due > 0 ? say(ctx, state, 'start-drill-due', { question, topic, due, total }) : say(ctx, state, 'start-drill-new', { question, topic, total });
      }
    }

    const session: SessionRecord = {
      id: ctx.newId(),
      ownerId,
      mode,
      topics,
      status: 'active',
      version: 0,
      state,
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
    };
    const firstTurn = addTurn(
      { session, state, turns: [], now: at.toISOString() },
      { role: 'interviewer', kind: opens ? 'opening' : 'question', text: firstLine, ...questionIdField(firstQuestionId) },
    );
    await store.createSession(session, [firstTurn]);
    const message: InterviewerMessage = { role: 'interviewer', text: firstLine, ...questionIdField(firstQuestionId), turn: firstTurn.seq };
    return { session: summarize(session, state), message };
  }

  /**
   * Claims the session's next turn for `ownerId`: 404 for a missing or foreign session, 409 when
   * it is finished, `turn` is stale, or another submit holds it. Taken before any stream starts.
   */
  async function claimTurn(sessionId: string, ownerId: string, turn?: number): Promise<TurnClaim> {
    const session = await loadOwned(ctx, sessionId, ownerId);
    const state = submittableState(session, turn);
    // No await between the check and the add: of two concurrent claims exactly one wins.
    if (ctx.inFlight.has(sessionId)) throw new AppError('conflict', '上一个回答还在处理中');
    ctx.inFlight.add(sessionId);
    let released = false;
    return {
      session,
      ...(state ? { state } : {}),
      release: () => {
        if (released) return;
        released = true;
        ctx.inFlight.delete(sessionId);
      },
    };
  }

  /** Runs the claimed turn and commits it; the caller releases the claim. */
  async function submitClaimed(claim: TurnClaim, rawInput: SubmitInput, options: SubmitOptions = {}): Promise<SubmitResult> {
    const input = parseSubmit(rawInput);
    const { session } = claim;
    const state = claim.state ?? readState(session.state);
    const current = state.current;
    if (!current) throw new AppError('internal', '会话状态已损坏，无法继续');
    const step: Step = { session, state, turns: [], now: ctx.now().toISOString() };
    const reveal = session.mode !== 'interview';
    let result: SubmitResult;
    if ('action' in input && input.action === 'hint') result = steps.giveHint(step, current, options, reveal);
    else if ('action' in input) result = await steps.skipQuestion(step, current, options, reveal);
    else {
      result = await steps.answerQuestion(step, current, input.answer, options, reveal);
      if (input.spoken) markSpoken(step, input.answer, input.speech);
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
  }

  async function submit(sessionId: string, ownerId: string, rawInput: SubmitInput, options: SubmitOptions = {}): Promise<SubmitResult> {
    const input = parseSubmit(rawInput);
    const claim = await claimTurn(sessionId, ownerId, input.turn);
    try {
      return await submitClaimed(claim, input, options);
    } finally {
      claim.release();
    }
  }

  return { start, claimTurn, submitClaimed, submit };
}
