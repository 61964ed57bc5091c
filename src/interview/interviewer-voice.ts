/**
 * The interviewer in LLM mode. After an answer (or a skip) the LLM decides whether to follow up
 * or move on and words the line (`src/llm/interviewer-agent.ts`); this module tells it what the
 * engine allows and then validates the decision before anyone sees it:
 * - a follow-up only where the engine's caps allow one, aimed at a point that was really missed;
 * - the line passes every check in `src/llm/line-checks.ts` (ended on its own, mostly Chinese,
 *   short, asks the question, does not recite the note); when it dropped the bank question, the
 *   question is shown beside it.
 * Anything else (the provider failing, a garbage reply, a refused decision) returns `ok: false`,
 * and the engine says its offline line with `llmWordingNotice`.
 */
import { AppError } from '../core/errors.ts';
import type { KnowledgeBase, SessionMode } from '../core/types.ts';
import type { DecisionRequest } from '../llm/client.ts';
import type { AgentReply, NotePassage, NotesReader } from '../llm/interviewer-agent.ts';
import { checkLine, type LineLanguage } from '../llm/line-checks.ts';
import { chatPrompt, formatChat } from '../llm/prompt-templates.ts';

/** What the engine needs from an LLM: a validated decision. `createLlmClient(...)` satisfies it. */
export interface InterviewerModel {
  decide<T>(request: DecisionRequest<T>, options?: { signal?: AbortSignal }): Promise<T>;
}

export type Reaction = 'opening' | 'strong' | 'partial' | 'weak' | 'skip';

export type NextStep =
  | { kind: 'question'; question: string; index: number; total: number; last: boolean }
  | { kind: 'closing'; count: number };

export interface VoiceRequest {
  mode: SessionMode;
  reaction: Reaction;
  /** The question just answered (or skipped). */
  question: string;
  /** The candidate's latest answer; absent for a skip. */
  answer?: string;
  /** Missed key points, most important first; a follow-up's `targetPoint` numbers them from 1. */
  missedPoints: readonly string[];
  /** The engine's caps: whether one more follow-up on this question is allowed at all. */
  followupAllowed: boolean;
  /** What `next` means here: the next bank question, or the closing. */
  next: NextStep;
  /** The reference of the question just answered: a line must not recite it. */
  reference?: string;
  language?: LineLanguage;
}

export type VoiceDecision =
  | { ok: true; action: 'followup'; line: string; targetPoint?: string }
  | { ok: true; action: 'next'; line: string }
  | { ok: false };

export const llmWordingNotice = 'LLM 生成面试官话术失败，已改用离线模板';

/** The line length the prompt asks for, and the check enforces, besides the quoted question. */
export const maxLineChars = 120;
/** Answers longer than this are cut in the prompt; the wording needs the gist, not every line. */
const answerExcerptChars = 1_500;
const relatedNotes = 3;
/** A note passage shown to the model is cut here: enough to ask from, too little to recite. */
const passageChars = 600;

const placeholders = ['mode', 'question', 'answer', 'assessment', 'missed_points', 'followup_rule', 'next_step', 'notes', 'reply_how', 'max_line_chars', 'language'] as const;

const modeLabels: Record<SessionMode, string> = {
  interview: '模拟面试（不要透露分数）',
  practice: '练习（候选人会单独看到评分卡）',
  drill: '专项复习（候选人会单独看到评分卡）',
};

/** How the prompt names the language the line must be in. */
const languageNames: Record<LineLanguage, string> = { zh: '中文', en: '英文（English）' };

const reactionLabels: Record<Reaction, string> = {
  opening: '这是热身的自我介绍/经历介绍',
  strong: '回答比较完整准确',
  partial: '回答部分正确，有遗漏',
  weak: '回答比较薄弱（不要夸奖）',
  skip: '候选人选择跳过了这道题（不要夸奖）',
};

export function createInterviewerVoice(deps: { model: InterviewerModel; prompts: Readonly<Record<string, string>>; kb: KnowledgeBase }) {
  const system = deps.prompts['interviewer-system'];
  const user = deps.prompts['interviewer-user'];
  if (!system || !user) throw new AppError('internal', 'the LLM interviewer needs prompts/interviewer-system.md and prompts/interviewer-user.md');
  const template = chatPrompt('interviewer', { system, user }, placeholders);
  const notes = notesReader(deps.kb);

  async function decide(request: VoiceRequest, signal?: AbortSignal): Promise<VoiceDecision> {
    // Notes put into the prompt (when the server has no tools) must not be recited either.
    const prefetched: string[] = [];
    const decision: DecisionRequest<VoiceDecision> = {
      notes,
      messages: async (toolsAvailable) => {
        const related = toolsAvailable ? [] : await notes.search(request.question);
        prefetched.push(...related.map((passage) => passage.text));
        return formatChat(template, promptValues(request, related, toolsAvailable));
      },
      check: (reply) => checkDecision(request, { ...reply, notesSeen: [...reply.notesSeen, ...prefetched] }),
    };
    try {
      return await deps.model.decide(decision, signal ? { signal } : {});
    } catch (error) {
      // The caller's own cancellation is not an LLM failure to paper over.
      if (signal?.aborted) throw error;
      return { ok: false };
    }
  }

  return { decide };
}

/** The engine's validation of the LLM's decision; see the module comment. */
function checkDecision(request: VoiceRequest, reply: AgentReply): { ok: true; value: VoiceDecision } | { ok: false; reason: string } {
  const { decision } = reply;
  const followup = decision.action === 'followup';
  if (followup && !request.followupAllowed) return { ok: false, reason: 'a follow-up is not allowed here' };
  const targetPoint = followup && decision.targetPoint !== undefined ? request.missedPoints[decision.targetPoint - 1] : undefined;
  if (followup && decision.targetPoint !== undefined && !targetPoint) return { ok: false, reason: `targetPoint ${decision.targetPoint} is not a missed point` };
  const line = checkLine(decision.line, reply.finishReason, {
    maxChars: maxLineChars,
    language: request.language ?? 'zh',
    ...(!followup && request.next.kind === 'question' ? { question: request.next.question } : {}),
    asks: followup,
    notes: [...(request.reference ? [request.reference] : []), ...reply.notesSeen],
  });
  if (!line.ok) return line;
  if (!followup) return { ok: true, value: { ok: true, action: 'next', line: line.text } };
  return { ok: true, value: { ok: true, action: 'followup', line: line.text, ...(targetPoint ? { targetPoint } : {}) } };
}

function promptValues(request: VoiceRequest, related: readonly NotePassage[], toolsAvailable: boolean): Record<(typeof placeholders)[number], string> {
  const next = request.next;
  return {
    mode: modeLabels[request.mode],
    question: defuse(request.question),
    answer: request.answer === undefined ? '（候选人跳过了，没有回答）' : `<<<ANSWER\n${fence(request.answer, answerExcerptChars)}\nANSWER>>>`,
    assessment: reactionLabels[request.reaction],
    missed_points: request.missedPoints.map((point, index) => `${index + 1}. ${defuse(point)}`).join('\n') || '（无）',
    followup_rule: request.followupAllowed ? '可以追问，也可以选 next' : '不能追问，必须选 next',
    next_step:
      next.kind === 'question'
        ? `${next.last ? '最后一个' : '下一个'}问题（第 ${next.index}/${next.total} 题）：\n<<<NEXT_QUESTION\n${defuse(next.question)}\nNEXT_QUESTION>>>`
        : `结束本次会话${next.count > 0 ? `（共 ${next.count} 题）` : ''}，提醒候选人去看报告。`,
    notes: toolsAvailable
      ? '需要时用 search_notes / get_card 工具查阅候选人的笔记。'
      : related.map((passage) => `- ${defuse(passage.question)}：${defuse(passage.text)}`).join('\n') || '（无）',
    reply_how: toolsAvailable ? '最后调用 interviewer_decision 工具给出你的决定。' : '只回复一个 JSON 对象，不要任何其他内容。',
    max_line_chars: String(maxLineChars),
    language: languageNames[request.language ?? 'zh'],
  };
}

function notesReader(kb: KnowledgeBase): NotesReader {
  const passage = (cardId: string, text: string): NotePassage => ({ cardId, question: kb.getCard(cardId)?.question ?? '', text: text.slice(0, passageChars) });
  return {
    search: async (query) => (await kb.search(query, { k: relatedNotes })).map((hit) => passage(hit.chunk.cardId, hit.chunk.text)),
    getCard: (id) => {
      const card = kb.getCard(id);
      return card ? passage(card.id, card.reference) : undefined;
    },
  };
}

// Untrusted text cannot close its block: delimiter look-alikes inside it are defused.
function defuse(text: string): string {
  return text.replace(/<<<|>>>/g, '〈〈');
}

function fence(text: string, limit: number): string {
  return defuse(text.length > limit ? `${text.slice(0, limit)}…（已截断）` : text);
}
