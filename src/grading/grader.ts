/**
 * The product's grader: offline by default, LLM-backed when a client is configured, falling back
 * to offline (with a notice) whenever the LLM times out, errors or answers nonsense. Without given
 * references it grades against the best-matching question-bank item, or says there is none.
 */
import { z } from 'zod';
import { AppError } from '../core/errors.ts';
import type { Grade, Grader, GradeRequest, KnowledgeBase, Reference } from '../core/types.ts';
import { LlmError, type LlmClient } from '../llm/client.ts';
import { noReferenceGrade } from './grade-builder.ts';
import { fallbackNotice, gradeWithLlm } from './llm-grader.ts';
import { gradeOffline } from './offline-grader.ts';
import type { OfflineScore } from './offline-scorer.ts';
import { answeredReference } from './answered-reference.ts';
import { findReference, noteBothRetrieve } from './reference-finder.ts';

export interface GraderDeps {
  /** Needed to grade requests that carry no references. */
  kb?: KnowledgeBase;
  /** When present, answers are graded by the LLM (with offline fallback). */
  llm?: LlmClient;
  /** `grader-system` and `grader-user` are required when `llm` is given. */
  prompts?: Record<string, string>;
}

/** Longest answer accepted; the server enforces a smaller limit on its own routes. */
export const maximumAnswerCharacters = 64 * 1024;

const referenceSchema = z.object({
  source: z.string().max(1_000),
  heading: z.string().max(1_000),
  text: z.string().max(100_000),
  keyPoints: z.array(z.object({ text: z.string().max(1_000), weight: z.number().min(0).max(1) })).max(24).optional(),
});

const gradeRequestSchema = z.object({
  question: z.string().trim().min(1, 'question is empty').max(4_000),
  answer: z.string().max(maximumAnswerCharacters),
  references: z.array(referenceSchema).max(20).optional(),
  language: z.enum(['zh', 'en']).optional(),
});

export function createGrader(deps: GraderDeps): Grader {
  const llmPrompts = deps.llm ? requirePrompts(deps.prompts) : undefined;

  async function referencesFor(
    request: z.infer<typeof gradeRequestSchema>,
    signal?: AbortSignal,
  ): Promise<{ references: Reference[]; notice?: string; closest?: boolean; scored?: OfflineScore } | undefined> {
    const given = request.references?.filter((reference) => reference.text.trim());
    if (given?.length) return { references: given };
    if (!deps.kb) return undefined;
    const found = (await findReference(deps.kb, request.question, signal)) ?? (await noteBothRetrieve(deps.kb, request.question, request.answer, signal));
    if (!found) return undefined;
    const { match, scored } = answeredReference(found, request.question, request.answer);
    const kept = scored ? { scored } : {};
    return match.closest
      ? { references: match.references, notice: closestNoteNotice(match.item.headingPath.at(-1) ?? match.item.question), closest: true, ...kept }
      : { references: match.references, ...kept };
  }

  return {
    async grade(request: GradeRequest, options: { signal?: AbortSignal } = {}): Promise<Grade> {
      const parsed = gradeRequestSchema.safeParse(request);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new AppError('bad_request', `invalid grade request ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`.trim());
      }
      const input = parsed.data;
      const found = await referencesFor(input, options.signal);
      if (!found) return noReferenceGrade();
      const { references } = found;
      const withNotice = (grade: Grade, notice?: string): Grade => {
        const notices = [found.notice, notice ?? grade.notice].filter(Boolean);
        return notices.length ? { ...grade, notice: notices.join(' ') } : grade;
      };

      const closest = found.closest ? { closest: true } : {};
      const scored = found.scored ? { scored: found.scored } : {};
      const offline = gradeOffline({ question: input.question, answer: input.answer, references, ...(input.language ? { language: input.language } : {}), ...closest, ...scored });
      if (!deps.llm || !llmPrompts) return withNotice(offline.grade);
      try {
        return withNotice(await gradeWithLlm(deps.llm, llmPrompts, { question: input.question, answer: input.answer, references, offline, ...(input.language ? { language: input.language } : {}), ...closest }, options.signal));
      } catch (error) {
        if (error instanceof LlmError && error.kind === 'aborted') throw error;
        return withNotice({ ...offline.grade, fallback: true }, fallbackNotice(error));
      }
    },
  };
}

/** Said with a grade made against the closest note rather than one about the question; names the note as its author titled it. */
function closestNoteNotice(noteQuestion: string): string {
  return `笔记里没有正好对应这道题的内容，这次按最接近的一条「${noteQuestion}」评分，仅供参考。`;
}

function requirePrompts(prompts: Record<string, string> | undefined): { system: string; user: string } {
  const system = prompts?.['grader-system'];
  const user = prompts?.['grader-user'];
  if (!system || !user) {
    throw new AppError('internal', 'the LLM grader needs prompts/grader-system.md and prompts/grader-user.md');
  }
  return { system, user };
}
