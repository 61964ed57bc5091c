/**
 * LLM compile of the question bank: for each askable card the LLM writes a self-contained
 * question, key points as weighted claims and two follow-ups (prompts/card-compiler-*.md, one
 * structured call per card through the LLM client: withStructuredOutput, zod, withRetry). Each
 * line is checked (compiled-card-checks.ts); what fails keeps the parsed version.
 *
 * Results are cached by card id and the card's source hash, and saved after every batch, so an
 * interrupted run resumes where it stopped and an unchanged note is never compiled twice. A reply
 * that is malformed or wholly refused is cached as refused (for that model), so it is not paid for
 * again; a call that fails (network, timeout, provider down) is not, and is retried next run.
 * Runtime-agnostic: the cache's storage is the caller's.
 */
import { z } from 'zod';
import type { LlmConfig } from '../core/config.ts';
import type { Card } from '../core/types.ts';
import { isAskable } from '../ingest/card-bank.ts';
import { cardSourceHash } from '../ingest/card-overlays.ts';
import type { LlmClient } from './client.ts';
import { checkCompiledCard, noteLanguage, type CompilerReply } from './compiled-card-checks.ts';
import { LlmError } from './llm-error.ts';
import type { ChatPromptTemplate } from '@langchain/core/prompts';
import { chatPrompt, formatChat } from './prompt-templates.ts';

/** Bounds of a reply; the line checks judge the content. */
const compilerReplySchema = z.object({
  question: z.string().max(1000),
  keyPoints: z.array(z.object({ text: z.string().max(1000), weight: z.number().min(0).max(1) })).min(1).max(12),
  followups: z.array(z.string().max(1000)).max(6),
}) satisfies z.ZodType<CompilerReply>;

export interface CompiledEntry {
  cardId: string;
  /** `cardSourceHash` of the card when compiled: a changed note is compiled again. */
  sourceHash: string;
  model: string;
  status: 'compiled' | 'refused';
  question?: string;
  keyPoints?: Card['keyPoints'];
  followups?: Card['followups'];
  /** Lines (or the whole reply) that were refused, and why. */
  refused: string[];
}

/** Where compiled entries live: a JSON file on Node. `save` must be durable when it resolves. */
export interface CompiledCardCache {
  get(cardId: string): CompiledEntry | undefined;
  set(entry: CompiledEntry): void;
  save(): Promise<void>;
}

export interface CompileProgress {
  done: number;
  total: number;
  compiled: number;
  refused: number;
  failed: number;
}

export interface CompileOptions {
  cards: readonly Card[];
  llm: LlmClient;
  prompts: Readonly<Record<string, string>>;
  cache: CompiledCardCache;
  /** Cards per batch; the cache is saved after each. */
  batchSize?: number;
  /** Calls in flight at once within a batch. */
  concurrency?: number;
  onProgress?: (progress: CompileProgress) => void;
  signal?: AbortSignal;
}

export interface CompileReport extends CompileProgress {
  /** Cards whose cached entry was still valid. */
  cached: number;
  /** Refusal reasons of this run, one line per card, for the CLI to print. */
  problems: string[];
}

/**
 * The LLM settings a compile runs with: nobody waits on one card, and a local model may take
 * half a minute to write one, so each call gets at least a minute instead of the grading deadline.
 */
export function compileLlmConfig(llm: LlmConfig): LlmConfig {
  return { ...llm, timeoutMs: Math.max(llm.timeoutMs, 60_000) };
}

/** Cards worth compiling: those a session can ask and grade. */
export function compilableCards(cards: readonly Card[]): Card[] {
  return cards.filter((card) => isAskable(card) && card.answered);
}

/** A still-valid cache entry for `card` from `model`: same note text. */
function cachedEntry(cache: Pick<CompiledCardCache, 'get'>, card: Card, model?: string): CompiledEntry | undefined {
  const entry = cache.get(card.id);
  if (!entry || entry.sourceHash !== cardSourceHash(card)) return undefined;
  return model === undefined || entry.model === model ? entry : undefined;
}

/** Failures that say nothing about the card (the provider was down or slow): not cached, retried next run. */
function isTransient(error: LlmError): boolean {
  return !['invalid_json', 'schema', 'empty', 'truncated', 'rejected'].includes(error.kind);
}

/** The prompt, checked before any call: a broken prompt file stops the run instead of failing every card. */
function compilerPrompt(prompts: Readonly<Record<string, string>>): ChatPromptTemplate {
  const system = prompts['card-compiler-system'];
  const user = prompts['card-compiler-user'];
  if (!system || !user) throw new Error('prompts/card-compiler-system.md and prompts/card-compiler-user.md are needed to compile cards');
  return chatPrompt('card-compiler', { system, user }, ['context', 'question', 'reference', 'language']);
}

async function compileOne(card: Card, llm: LlmClient, template: ChatPromptTemplate, signal: AbortSignal | undefined): Promise<CompiledEntry> {
  const messages = await formatChat(template, {
    context: card.headingPath.join(' > ') || card.source,
    question: card.question,
    reference: [card.reference, card.code ?? ''].filter(Boolean).join('\n\n'),
    language: noteLanguage(card) === 'zh' ? 'Chinese' : 'English',
  });
  const base = { cardId: card.id, sourceHash: cardSourceHash(card), model: llm.model };
  try {
    const reply = await llm.completeJson(messages, compilerReplySchema, { purpose: 'compile', ...(signal ? { signal } : {}) });
    const checked = checkCompiledCard(card, reply);
    const kept = Boolean(checked.question || checked.keyPoints || checked.followups);
    return {
      ...base,
      status: kept ? 'compiled' : 'refused',
      ...(checked.question ? { question: checked.question } : {}),
      ...(checked.keyPoints ? { keyPoints: checked.keyPoints } : {}),
      ...(checked.followups ? { followups: checked.followups } : {}),
      refused: checked.refused,
    };
  } catch (error) {
    if (error instanceof LlmError && !isTransient(error)) return { ...base, status: 'refused', refused: [`reply: ${error.message}`] };
    throw error;
  }
}

export async function compileCards(options: CompileOptions): Promise<CompileReport> {
  const { llm, cache } = options;
  const template = compilerPrompt(options.prompts);
  const candidates = compilableCards(options.cards);
  const pending = candidates.filter((card) => !cachedEntry(cache, card, llm.model));
  const report: CompileReport = { done: 0, total: pending.length, compiled: 0, refused: 0, failed: 0, cached: candidates.length - pending.length, problems: [] };
  const batchSize = options.batchSize ?? 8;
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 2, batchSize));
  options.onProgress?.({ ...report });

  for (let start = 0; start < pending.length; start += batchSize) {
    if (options.signal?.aborted) break;
    const batch = pending.slice(start, start + batchSize);
    let next = 0;
    const worker = async () => {
      while (next < batch.length) {
        const card = batch[next++] as Card;
        try {
          const entry = await compileOne(card, llm, template, options.signal);
          cache.set(entry);
          if (entry.status === 'compiled') report.compiled++;
          else report.refused++;
          if (entry.refused.length > 0) report.problems.push(`${card.source}:${card.lines.start} ${card.question}: ${entry.refused.join('; ')}`);
        } catch (error) {
          report.failed++;
          report.problems.push(`${card.source}:${card.lines.start} ${card.question}: failed (${error instanceof Error ? error.message : String(error)}); kept as parsed, retried next run`);
        }
        report.done++;
        options.onProgress?.({ ...report });
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    // Saved per batch: a run killed mid-way loses at most one batch of work.
    await cache.save();
  }
  return report;
}

/**
 * The cards with their compiled entries laid over: question, key points and follow-ups from the
 * LLM where they passed the checks; the note's own wording stays a variant, so search still
 * knows it. Cards whose note changed since are left as parsed.
 */
export function applyCompiled(cards: readonly Card[], cache: Pick<CompiledCardCache, 'get'>): Card[] {
  return cards.map((card) => {
    const entry = cachedEntry(cache, card);
    if (!entry || entry.status !== 'compiled') return card;
    const reworded = entry.question && entry.question !== card.question;
    return {
      ...card,
      ...(entry.question ? { question: entry.question } : {}),
      ...(reworded ? { variants: [...new Set([...(card.variants ?? []), card.question])] } : {}),
      ...(entry.keyPoints ? { keyPoints: entry.keyPoints } : {}),
      // The note's own follow-ups come with answers from the interview log; the LLM's follow them.
      ...(entry.followups ? { followups: [...card.followups, ...entry.followups] } : {}),
      compiled: { model: entry.model, keyPoints: Boolean(entry.keyPoints) },
    };
  });
}
