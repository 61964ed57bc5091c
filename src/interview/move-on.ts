/**
 * Moving on: closing the current question (its result, its drill review) and saying what comes
 * next — the next technical question, the next phase of the plan (project deep-dive, the
 * closing question), or the end. In LLM mode the model may word a move to the next technical
 * question or the end; the engine decides which it is.
 */
import type { Card } from '../core/types.ts';
import { roundScore } from '../grading/offline-scorer.ts';
import type { NextLine } from './contract.ts';
import { addTurn, askedQuestion, joinNotice, markAsked, questionIdField, questionText, say, type EngineContext, type Step, type SubmitOptions } from './engine-context.ts';
import { llmWordingNotice, type NextStep, type Reaction, type VoiceDecision } from './interviewer-voice.ts';
import { deepDiveCandidates, deepDiveCard } from './offline-followups.ts';
import { phaseAfter } from './phase-plan.ts';
import { joinLead } from './question-wording.ts';
import { ratingForScore, ratingName, reviewCard } from './review-schedule.ts';
import { freshQuestion, isScoredResult, type CurrentQuestion, type PhaseName, type QuestionResult, type SessionState } from './session-state.ts';
import type { TemplateSlot } from './templates.ts';
import { topicNames } from './topic-names.ts';

export interface MoveHow {
  reaction: Reaction | 'none' | 'project';
  prefixSlot: TemplateSlot;
  answer?: string;
}

const questionLike = /[?？]|吗|什么|怎么|如何|哪些|哪个|多少|能不能|是否/;

export function createMover(ctx: EngineContext) {
  const { kb, store } = ctx;

  /** The phases after `phase` that have something to ask, in plan order. */
  function laterPhase(state: SessionState, mode: Step['session']['mode'], phase: PhaseName): PhaseName | undefined {
    for (let next = phaseAfter(ctx.phases, mode, phase); next; next = phaseAfter(ctx.phases, mode, next)) {
      if (next === 'closing') return next;
      if (next === 'project' && deepDiveCandidates(ctx, state).length > 0) return next;
    }
    return undefined;
  }

  /** Where moving on leads in LLM terms; undefined when a later phase comes next (templates word that). */
  function upcoming(step: Step, current: CurrentQuestion): NextStep | undefined {
    const { state } = step;
    if (state.phase === 'opening') {
      const first = state.plan[0];
      return first === undefined ? undefined : { kind: 'question', question: askedQuestion(ctx, state, first), index: 1, total: state.plan.length, last: state.plan.length === 1 };
    }
    if (state.phase !== 'technical') return undefined;
    const nextId = state.plan[state.index + 1];
    const total = state.plan.length;
    if (nextId === undefined) {
      if (laterPhase(state, step.session.mode, 'technical')) return undefined;
      return { kind: 'closing', count: state.results.filter(isScoredResult).length + (current.awaiting === 'opening' ? 0 : 1) };
    }
    return { kind: 'question', question: askedQuestion(ctx, state, nextId), index: state.index + 2, total, last: state.index + 1 === total - 1 };
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
    const next = upcoming(step, current);
    if (!ctx.voice || step.llmFailed || !next) return undefined;
    const item = current.questionId ? kb.getCard(current.questionId) : undefined;
    const exclude = [...current.targeted, ...current.revealed];
    const decision = await ctx.voice.decide(
      {
        mode: step.session.mode,
        reaction: how.reaction,
        question: questionText(ctx, current.questionId, '自我介绍'),
        ...(how.answer !== undefined ? { answer: how.answer } : {}),
        missedPoints: current.points.filter((point) => point.covered !== 'yes' && !exclude.includes(point.text)).map((point) => point.text),
        followupAllowed: how.followupAllowed,
        next,
        ...(item?.answered ? { reference: item.reference } : {}),
        language: step.state.language,
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

  /** The checked LLM line when one was decided, else the template line; sent whole either way. */
  function speak(step: Step, fallback: string, options: SubmitOptions): string {
    const text = step.decidedLine ?? fallback;
    options.onToken?.(text);
    return text;
  }

  async function recordResult(step: Step, current: CurrentQuestion, card: Card | undefined, skipped: boolean): Promise<void> {
    const { state, session } = step;
    if (state.phase === 'closing') return;
    const result: QuestionResult = {
      questionId: current.questionId,
      phase: state.phase,
      opening: state.phase === 'opening',
      topics: card?.topics ?? [],
      score: state.phase === 'technical' ? current.best : null,
      skipped: skipped && current.answers.length === 0,
      hints: current.hints,
      followups: current.followups,
    };
    state.results.push(result);
    if (session.mode === 'drill' && card && state.phase === 'technical') {
      const existing = (await store.getCards(session.ownerId, state.drill?.topic)).find((entry) => entry.questionId === card.id);
      const score = result.score ?? 0;
      const review = reviewCard(session.ownerId, card, existing, score, new Date(step.now));
      step.review = { card: review, rating: { questionId: card.id, rating: ratingName(ratingForScore(score)), due: review.due } };
    }
  }

  function ask(step: Step, text: string, questionId: string | null, options: SubmitOptions): NextLine {
    options.onToken?.(text);
    const asked = addTurn(step, { role: 'interviewer', kind: 'question', text, ...questionIdField(questionId) });
    return { kind: 'question', text, ...questionIdField(questionId), turn: asked.seq };
  }

  /** The last line: the mode's closing, after whatever `prefix` says. */
  function finish(step: Step, prefix: string, options: SubmitOptions): NextLine {
    const { state, session } = step;
    state.current = null;
    const scored = state.results.filter(isScoredResult);
    const count = scored.length;
    const scores = scored.filter((entry) => entry.score !== null).map((entry) => entry.score ?? 0);
    const score = scores.length > 0 ? roundScore(scores.reduce((sum, value) => sum + value, 0) / scores.length) : 0;
    const closing =
      session.mode === 'interview'
        ? say(ctx, state, 'closing-interview', { count })
        : session.mode === 'practice'
          ? say(ctx, state, 'closing-practice', { count, score })
          : say(ctx, state, 'closing-drill', { count, score, topic: state.drill ? topicNames[state.drill.topic] : '' });
    const text = speak(step, joinLead(prefix, closing), options);
    const closed = addTurn(step, { role: 'interviewer', kind: 'closing', text });
    return { kind: 'done', text, turn: closed.seq };
  }

  /** Closes the current question and asks what the plan has next, or ends the session. */
  async function moveOn(step: Step, current: CurrentQuestion, how: MoveHow, options: SubmitOptions, skipped: boolean): Promise<NextLine> {
    const { state, session } = step;
    // Decided before the state moves, so the LLM is told the question that really comes next.
    if (step.decidedLine === undefined && how.reaction !== 'none' && how.reaction !== 'project') {
      await decideWithLlm(step, current, { reaction: how.reaction, ...(how.answer !== undefined ? { answer: how.answer } : {}), followupAllowed: false }, options);
    }
    const card = current.questionId ? kb.getCard(current.questionId) : undefined;
    if (state.phase === 'closing') {
      const reply = how.answer !== undefined && questionLike.test(how.answer) ? say(ctx, state, 'closing-reply') : '';
      return finish(step, reply, options);
    }
    await recordResult(step, current, card, skipped);

    const from = state.phase;
    const nextIndex = from === 'opening' ? 0 : from === 'technical' ? state.index + 1 : state.plan.length;
    const nextId = state.plan[nextIndex];
    if (nextId !== undefined) {
      state.index = nextIndex;
      state.phase = 'technical';
      const total = state.plan.length;
      const slot: TemplateSlot = from === 'opening' ? 'first-question' : nextIndex === total - 1 ? 'last-question' : 'next-question';
      const line = joinLead(say(ctx, state, how.prefixSlot), say(ctx, state, slot, { question: askedQuestion(ctx, state, nextId), index: nextIndex + 1, total }));
      state.current = freshQuestion(nextId, 'question');
      markAsked(state, nextId);
      options.onToken?.(step.decidedLine ?? line);
      const asked = addTurn(step, { role: 'interviewer', kind: 'question', text: step.decidedLine ?? line, questionId: nextId });
      return { kind: 'question', text: step.decidedLine ?? line, questionId: nextId, turn: asked.seq };
    }

    state.index = state.plan.length;
    const later = laterPhase(state, session.mode, from === 'opening' ? 'technical' : from);
    const prefix = later || how.prefixSlot === 'skip-ack' ? say(ctx, state, how.prefixSlot) : '';
    if (later === 'project') {
      const project = deepDiveCard(ctx, state);
      if (project) {
        state.phase = 'project';
        state.current = freshQuestion(project.id, 'question');
        markAsked(state, project.id);
        return ask(step, joinLead(prefix, say(ctx, state, 'project-intro', { question: askedQuestion(ctx, state, project.id) })), project.id, options);
      }
    }
    if (later === 'closing' || (later === 'project' && laterPhase(state, session.mode, 'project') === 'closing')) {
      state.phase = 'closing';
      state.current = freshQuestion(null, 'question');
      return ask(step, joinLead(prefix, say(ctx, state, 'closing-question')), null, options);
    }
    return finish(step, prefix, options);
  }

  return { moveOn, decideWithLlm };
}
