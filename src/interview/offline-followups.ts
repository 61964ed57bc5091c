/**
 * The offline interviewer's follow-ups. After a technical answer: the interview log's own next
 * question where the notes have one, else the heaviest key point missed or only touched, asked
 * by its concepts; after a strong answer, first a related card one level deeper, found by retrieval.
 * After the self-introduction: one question about a project it mentions. In the project
 * deep-dive: why this design, what was hard, what you'd change, numbers. A line never repeats
 * 16 characters of the note it is about; a line that would is not said.
 */
import type { Card, Grade } from '../core/types.ts';
import { leakRunChars, repeatsRun } from '../llm/line-checks.ts';
import { gapsOf, topGap } from './answer-gaps.ts';
import { askedQuestion, markAsked, say, type EngineContext } from './engine-context.ts';
import { mentionedProject } from './mentioned-project.ts';
import { askOf } from './point-asks.ts';
import { distinctQuestions } from './question-picker.ts';
import { restatesQuestion } from './question-wording.ts';
import type { CurrentQuestion, SessionState } from './session-state.ts';
import type { TemplateSlot } from './templates.ts';

export interface Followup {
  text: string;
  /** What `current.targeted` remembers, so the same thing is never asked again. */
  target: string;
}

/** How many retrieval hits to look through for a deeper card. */
const relatedHits = 8;

function leaks(text: string, card: Card): boolean {
  return card.answered && repeatsRun(text, card.reference, leakRunChars);
}

/** The interview log's follow-ups not yet asked; their answers stay with the notes. */
function logFollowup(ctx: EngineContext, state: SessionState, card: Card, current: CurrentQuestion): Followup | undefined {
  for (const [index, followup] of card.followups.entries()) {
    const target = `log:${index}`;
    if (current.targeted.includes(target)) continue;
    const text = say(ctx, state, 'followup-log', { question: followup.question });
    if (!leaks(text, card)) return { text, target };
  }
  return undefined;
}

function missedPointFollowup(ctx: EngineContext, state: SessionState, card: Card, current: CurrentQuestion, grade: Grade | null): Followup | undefined {
  const gaps = gapsOf(card, current.answers.join('\n'), grade);
  const exclude = [...current.targeted, ...current.revealed];
  for (let gap = topGap(gaps, exclude); gap; gap = topGap(gaps, exclude)) {
    exclude.push(gap.point);
    // The point's own question when it has one (point-asks.ts), else its concepts; a line that would repeat the note is not said.
    // Worked out for the gap being asked only: gapsOf runs on every answer turn.
    const ask = askOf(gap.point, card.question);
    const asked = ask ? say(ctx, state, 'followup-missed-ask', { ask }) : undefined;
    if (asked && !leaks(asked, card)) return { text: asked, target: gap.point };
    const text = say(ctx, state, 'followup-missed', { concepts: gap.concepts.slice(0, 2).join('、') });
    if (!leaks(text, card)) return { text, target: gap.point };
  }
  return undefined;
}

/** A card near this one that the session has not asked or planned: the next level down. */
async function deeperFollowup(ctx: EngineContext, state: SessionState, card: Card): Promise<Followup | undefined> {
  let near = ctx.related.get(card.id);
  if (!near) {
    near = (await ctx.kb.search(card.question, { k: relatedHits })).map((hit) => hit.chunk.cardId);
    ctx.related.set(card.id, near);
  }
  const taken = new Set([...state.asked, ...state.plan, card.id]);
  const takenCards = [...taken].flatMap((id) => ctx.kb.getCard(id) ?? []);
  const candidates = near
    .map((id) => ctx.kb.getCard(id))
    .filter((found): found is Card => !!found && found.kind === 'technical' && found.answered && !found.searchOnly && !taken.has(found.id))
    .filter((found) => found.topics.some((topic) => card.topics.includes(topic)))
    // "lfu有什么缺点" after "lfu缺点怎么解决" is the same ground again, not a level deeper.
    .filter((found) => !restatesQuestion(found.question, card.question));
  const related = distinctQuestions(candidates, takenCards)[0];
  if (!related) return undefined;
  const text = say(ctx, state, 'followup-deeper', { question: askedQuestion(ctx, state, related.id) });
  if (leaks(text, card)) return undefined;
  markAsked(state, related.id);
  return { text, target: `card:${related.id}` };
}

/** The follow-up to a technical answer, or none (then the engine moves on). */
export async function technicalFollowup(
  ctx: EngineContext,
  state: SessionState,
  card: Card,
  current: CurrentQuestion,
  how: { strong: boolean; grade: Grade | null },
): Promise<Followup | undefined> {
  if (how.strong) {
    return (await deeperFollowup(ctx, state, card)) ?? logFollowup(ctx, state, card, current) ?? missedPointFollowup(ctx, state, card, current, how.grade);
  }
  return logFollowup(ctx, state, card, current) ?? missedPointFollowup(ctx, state, card, current, how.grade);
}

/** "腾讯实习", "mprpc项目", "包管理器问题排查" out of "介绍一下腾讯实习。", "介绍一下你的mprpc项目。" and "说说你做的包管理器问题排查。". */
function projectName(card: Card): string {
  return card.question
    .replace(/^(介绍一下你的|介绍一下|说说你做的|说说你对|谈一谈你对|谈谈你对|聊聊)/, '')
    .replace(/(的了解|的理解)?[。？?！!]*$/, '')
    .trim();
}

/** The user's project cards with their names, answered ones first. */
function projectCards(ctx: EngineContext): Card[] {
  const projects = ctx.kb.cards.filter((card) => card.kind === 'project' && !card.searchOnly);
  return [...projects.filter((card) => card.answered), ...projects.filter((card) => !card.answered)];
}

/** After the self-introduction: a question about a project or internship it mentions (mentioned-project.ts). */
export function openingFollowup(ctx: EngineContext, state: SessionState, answer: string): Followup {
  const projects = projectCards(ctx).filter((card) => !state.asked.includes(card.id));
  const best = mentionedProject(projects, answer, ctx.kb.cards, projectName);
  if (!best) return { text: say(ctx, state, 'opening-project-generic'), target: 'project:generic' };
  markAsked(state, best.card.id);
  return { text: say(ctx, state, 'opening-project', { project: best.name }), target: `card:${best.card.id}` };
}

/** Project cards the deep-dive may ask about: answered in the notes, not asked yet. */
export function deepDiveCandidates(ctx: EngineContext, state: SessionState): Card[] {
  return projectCards(ctx).filter((card) => card.answered && !state.asked.includes(card.id));
}

/**
 * The project card the deep-dive asks about: from the project the candidate's self-introduction
 * led to when there is one (an interviewer digs into what you told them, not a random note of yours).
 */
export function deepDiveCard(ctx: EngineContext, state: SessionState): Card | undefined {
  const candidates = deepDiveCandidates(ctx, state);
  const discussed = state.asked.flatMap((id) => ctx.kb.getCard(id) ?? []).filter((card) => card.kind === 'project');
  // Nearness in the notes: the same file, under the longest shared run of headings (one project's section).
  const nearness = (card: Card) => Math.max(0, ...discussed.filter((seen) => seen.source === card.source).map((seen) => sharedHeadings(seen.headingPath, card.headingPath)));
  const best = Math.max(0, ...candidates.map(nearness));
  const pool = best > 0 ? candidates.filter((card) => nearness(card) === best) : candidates;
  return pool[Math.floor(ctx.random() * pool.length)] ?? pool[0];
}

function sharedHeadings(a: readonly string[], b: readonly string[]): number {
  let shared = 0;
  while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared += 1;
  return shared;
}

const angles: { slot: TemplateSlot; said: RegExp }[] = [
  { slot: 'project-why', said: /因为|考虑|权衡|为了|选择|之所以/ },
  { slot: 'project-hard', said: /难点|困难|挑战|棘手|踩坑|坑/ },
  { slot: 'project-numbers', said: /\d/ },
  { slot: 'project-change', said: /重新做|改进|不足|重构|优化空间/ },
];

/** The next deep-dive question: the notes' own follow-ups first, then an angle the answer left out. */
export function projectFollowup(ctx: EngineContext, state: SessionState, card: Card | undefined, current: CurrentQuestion): Followup | undefined {
  const logged = card ? logFollowup(ctx, state, card, current) : undefined;
  if (logged) return logged;
  const said = current.answers.join('\n');
  const open = angles.filter((angle) => !current.targeted.includes(angle.slot));
  const angle = open.find((candidate) => !candidate.said.test(said)) ?? open[0];
  return angle ? { text: say(ctx, state, angle.slot), target: angle.slot } : undefined;
}
