/**
 * The steps of a turn: an answer (graded for technical questions, then a follow-up or a move
 * on), a hint (a nudge: first the concept, then the direction, never the note) and a skip.
 */
import type { Card, Grade } from '../core/types.ts';
import { leakRunChars, repeatsRun } from '../llm/line-checks.ts';
import { gapsOf, isNonAnswer, topGap } from './answer-gaps.ts';
import type { NextLine, SubmitResult } from './contract.ts';
import { addTurn, questionIdField, say, type EngineContext, type Step, type SubmitOptions } from './engine-context.ts';
import type { Reaction } from './interviewer-voice.ts';
import { capGrade, hintCap, maxHints, rankPoints, referencePoints, weighPoints } from './key-points.ts';
import { createMover } from './move-on.ts';
import { openingFollowup, projectFollowup, technicalFollowup, type Followup } from './offline-followups.ts';
import { followupsAllowed } from './phase-plan.ts';
import { addedPoints, followupResult, newlyContradicted } from './followup-result.ts';
import { followupQuestionGrade, gradeOfQuestion, keptGrade, nextBestScore, referencesOf, skippedGrade } from './question-grade.ts';
import type { CurrentQuestion } from './session-state.ts';

/** How the interviewer reacts to an answer: by its grade, or 'none' for a non-answer. */
type AnswerReaction = Extract<Reaction, 'strong' | 'partial' | 'weak'> | 'none';

/** Score bands that steer follow-ups: at or above `strong` go deeper, below `weak` move on. */
const strongScore = 8;
const weakScore = 3;

export function createTurnSteps(ctx: EngineContext) {
  const { kb, grader, store } = ctx;
  const { moveOn, decideWithLlm } = createMover(ctx);

  /** The technical card being asked, if the current question is one. */
  function technicalCard(step: Step, current: CurrentQuestion): Card | undefined {
    const card = current.questionId ? kb.getCard(current.questionId) : undefined;
    return step.state.phase === 'technical' && card?.kind === 'technical' ? card : undefined;
  }

  /** Key points of the current question's reference, most important missed first (what the LLM is told). */
  function pointsFor(current: CurrentQuestion, card: Card): CurrentQuestion['points'] {
    if (current.points.length === 0 && card.answered) current.points = referencePoints(card.reference);
    return current.points;
  }

  function askFollowup(step: Step, current: CurrentQuestion, followup: Followup, options: SubmitOptions): NextLine {
    current.followups += 1;
    current.awaiting = 'followup';
    current.targeted.push(followup.target);
    options.onToken?.(followup.text);
    const line = addTurn(step, { role: 'interviewer', kind: 'followup', text: followup.text, ...questionIdField(current.questionId) });
    return { kind: 'followup', text: followup.text, ...questionIdField(current.questionId), turn: line.seq };
  }

  function giveHint(step: Step, current: CurrentQuestion, options: SubmitOptions, reveal: boolean): SubmitResult {
    const nextKind: NextLine['kind'] = current.awaiting === 'followup' ? 'followup' : 'question';
    const card = technicalCard(step, current);
    let text: string;
    let hint: SubmitResult['hint'];
    const gaps = card?.answered ? gapsOf(card, current.answers.join('\n'), null) : [];
    // Odd hints point the direction on the concept just named; even ones name the next concept.
    const lastRevealed = current.revealed[current.revealed.length - 1];
    const direction = current.hints % 2 === 1 ? gaps.find((gap) => gap.point === lastRevealed) : undefined;
    // A hint right after a follow-up points somewhere new, not at the point the follow-up just named;
    // when that point is the only gap left, naming it again says nothing ('那文件呢？' → '这题和文件有关'),
    // so the hint points the direction on it instead.
    const fresh = direction ? undefined : topGap(gaps, [...current.revealed, ...current.targeted]);
    const followedUp = direction || fresh ? undefined : topGap(gaps, current.revealed);
    const gap = direction ?? fresh ?? followedUp;
    const pointing = direction ?? followedUp;
    if (!card) {
      text = say(ctx, step.state, 'hint-none');
    } else if (gaps.length === 0 && current.hints === 0) {
      text = say(ctx, step.state, 'hint-unavailable');
    } else if (current.hints >= maxHints || !gap) {
      text = say(ctx, step.state, 'hint-exhausted');
    } else {
      current.hints += 1;
      if (!direction) current.revealed.push(gap.point);
      const cap = hintCap(current.hints);
      const concepts = gap.concepts.slice(0, pointing ? 1 : 2).join('、');
      text = say(ctx, step.state, pointing ? 'hint-direction' : 'hint-concept', { concepts, cap });
      // Concepts are short, but a hint must never read out the note, whatever they are.
      if (repeatsRun(text, card.reference, leakRunChars)) text = say(ctx, step.state, 'hint-exhausted');
      else hint = { point: concepts, cap };
    }
    const line = addTurn(step, { role: 'interviewer', kind: 'hint', text, ...questionIdField(current.questionId) });
    options.onToken?.(text);
    const next: NextLine = { kind: nextKind, text, ...questionIdField(current.questionId), turn: line.seq };
    const result: SubmitResult = { grade: null, next, reveal };
    if (hint) result.hint = hint;
    return result;
  }

  async function skipQuestion(step: Step, current: CurrentQuestion, options: SubmitOptions, reveal: boolean): Promise<SubmitResult> {
    const card = technicalCard(step, current);
    let grade: Grade | null = null;
    if (card && current.best !== null) {
      // A skipped follow-up keeps what was answered: the question's grade so far, with why.
      const answered = gradeOfQuestion([...(await store.listTurns(step.session.id)), ...step.turns], card.id);
      grade = answered ? keptGrade(answered) : null;
    } else if (card) {
      const gaps = card.answered ? gapsOf(card, '', null) : [];
      grade = skippedGrade(card, pointsFor(current, card), gaps.map((gap) => gap.point));
    }
    addTurn(step, { role: 'candidate', kind: 'skip', text: '（跳过）', ...questionIdField(current.questionId), ...(grade ? { grade } : {}) });
    if (current.best === null && grade) current.best = 0;
    const next = await moveOn(step, current, { reaction: 'skip', prefixSlot: 'skip-ack' }, options, true);
    return { grade, next, reveal };
  }

  /** An answer in the opening, the project deep-dive or the closing: never graded as 八股. */
  async function answerUngraded(step: Step, current: CurrentQuestion, answer: string, options: SubmitOptions, reveal: boolean): Promise<SubmitResult> {
    const { state, session } = step;
    addTurn(step, { role: 'candidate', kind: 'answer', text: answer, ...questionIdField(current.questionId) });
    const phase = state.phase;
    const card = current.questionId ? kb.getCard(current.questionId) : undefined;
    const silent = isNonAnswer(undefined, answer, null);
    if (phase !== 'closing' && !silent && current.followups < followupsAllowed(ctx.phases, session.mode, phase)) {
      const followup = phase === 'opening' ? openingFollowup(ctx, state, answer) : projectFollowup(ctx, state, card, current);
      if (followup) return { grade: null, next: askFollowup(step, current, followup, options), reveal };
    }
    const prefixSlot = phase === 'opening' ? 'transition-opening' : phase === 'project' ? 'transition-project' : 'transition-none';
    const next = await moveOn(step, current, { reaction: phase === 'opening' ? 'opening' : 'project', prefixSlot, answer }, options, false);
    return { grade: null, next, reveal };
  }

  function reactionTo(nonAnswer: boolean, score: number): AnswerReaction {
    if (nonAnswer) return 'none';
    return score >= strongScore ? 'strong' : score >= weakScore ? 'partial' : 'weak';
  }

  /**
   * The answer to a deeper question is about the related card, not this one: judged against this
   * card, a good answer on 内核态 after a Go scheduling question read as off-topic ('没事，我们看下一个
   * 问题'). The reaction grades it on its own against the card it answers; the question's grade stays.
   */
  async function reactionToDeeper(step: Step, current: CurrentQuestion, answer: string, options: SubmitOptions): Promise<{ reaction: AnswerReaction; own?: { card: Card; grade: Grade; nonAnswer: boolean } }> {
    const deeperId = current.targeted.find((target) => target.startsWith('card:'))?.slice('card:'.length);
    const deeper = deeperId ? kb.getCard(deeperId) : undefined;
    if (!deeper) return { reaction: 'partial' };
    const references = referencesOf(deeper);
    const own = await grader.grade({ question: deeper.question, answer, ...(references ? { references } : {}), language: step.state.language }, options.signal ? { signal: options.signal } : undefined);
    const nonAnswer = isNonAnswer(deeper, answer, own);
    return { reaction: reactionTo(nonAnswer, own.score), own: { card: deeper, grade: own, nonAnswer } };
  }

  async function answerQuestion(step: Step, current: CurrentQuestion, answer: string, options: SubmitOptions, reveal: boolean): Promise<SubmitResult> {
    const card = technicalCard(step, current);
    // Whether this answers a follow-up: its grade then also counts what was said before.
    const followupAnswer = current.answers.length > 0;
    const earlierAnswers = current.answers.join('\n\n');
    const answersFollowup = current.awaiting === 'followup';
    if (!card) {
      current.answers.push(answer);
      return answerUngraded(step, current, answer, options, reveal);
    }
    // An answer to a deeper question is about another card: graded against this one it moved the question's grade
    // (an off-topic reply took 9 to 9.4 as the joined text read differently), though the card says it does not count.
    const wentDeeper = current.targeted.some((target) => target.startsWith('card:'));
    const earlier = wentDeeper || answersFollowup ? gradeOfQuestion([...(await store.listTurns(step.session.id)), ...step.turns], card.id) : undefined;
    const carried = wentDeeper ? earlier : undefined;
    if (!carried) current.answers.push(answer);
    // A follow-up answer is graded with everything said on this question, against the same reference.
    const references = referencesOf(card);
    const raw =
      carried ??
      (await grader.grade(
        { question: card.question, answer: current.answers.join('\n\n'), ...(references ? { references } : {}), language: step.state.language },
        options.signal ? { signal: options.signal } : undefined,
      ));
    const before = current.points;
    current.points = rankPoints(weighPoints(raw.keyPoints, card.answered ? card.reference : undefined));

    // The reaction is to what was just said: a follow-up answer's grade still carries the earlier
    // answers (a recited note, then "不知道", grades 10), so it is judged on its own words.
    const deeper = wentDeeper ? await reactionToDeeper(step, current, answer, options) : undefined;
    const nonAnswer = isNonAnswer(card, answer, followupAnswer ? null : raw);
    const added = answersFollowup && !deeper ? addedPoints(before, raw, { answer, earlier: earlierAnswers, nonAnswer }) : undefined;
    const questionGrade = carried ?? followupQuestionGrade(capGrade(raw, current.hints), earlier, added);
    current.best = nextBestScore(current.best, questionGrade);
    // A follow-up answer's card shows what that answer did, beside the question's grade.
    const contradicted = answersFollowup && !deeper && !nonAnswer ? newlyContradicted(earlier, raw) : [];
    const followup = answersFollowup ? followupResult({ card, questionScore: current.best, language: step.state.language, added: added ?? [], contradicted, nonAnswer, ...(deeper?.own ? { deeper: deeper.own } : {}) }) : undefined;
    // A follow-up answer that added nothing is not praised for what the main answer said ("这题答得挺扎实"
    // beside "这次追问的回答没有补上新的要点"): its reaction is at most partial.
    const addedNothing = followup?.kind === 'followup' && followup.added.length === 0;
    const reaction = deeper ? deeper.reaction : addedNothing && !nonAnswer ? reactionTo(false, Math.min(raw.score, strongScore - 0.1)) : reactionTo(nonAnswer, raw.score);
    const grade: Grade = followup ? { ...questionGrade, followup } : questionGrade;
    addTurn(step, { role: 'candidate', kind: 'answer', text: answer, ...questionIdField(current.questionId), grade });
    // This call's own grading failed over to the offline grader: this card's, or a deeper answer's own grade
    // (a grade carried over from an earlier answer reports no failure of this call).
    const failedNow = carried ? deeper?.own?.grade : raw;
    if (failedNow?.fallback) {
      step.llmFailed = true;
      if (failedNow.notice) step.notice = failedNow.notice;
    }
    // After a deeper question about another card, this card has nothing left to ask.
    const canFollowUp = !wentDeeper && current.followups < followupsAllowed(ctx.phases, step.session.mode, 'technical');
    const worthAFollowup = canFollowUp && (reaction === 'strong' || reaction === 'partial');

    const decided = await decideWithLlm(step, current, { reaction: reaction === 'none' ? 'weak' : reaction, answer, followupAllowed: worthAFollowup }, options);
    if (decided?.action === 'followup') {
      const followup = { text: decided.line, target: decided.targetPoint ?? `llm:${current.followups}` };
      return { grade, next: askFollowup(step, current, followup, options), reveal };
    }
    if (!decided && worthAFollowup) {
      const followup = await technicalFollowup(ctx, step.state, card, current, { strong: reaction === 'strong', grade: raw });
      if (followup) return { grade, next: askFollowup(step, current, followup, options), reveal };
    }
    const next = await moveOn(step, current, { reaction, prefixSlot: `transition-${reaction}`, answer }, options, false);
    return { grade, next, reveal };
  }

  return { answerQuestion, giveHint, skipQuestion };
}
