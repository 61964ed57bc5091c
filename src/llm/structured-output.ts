/**
 * One structured reply through LangChain: `withStructuredOutput` asks for JSON in the format the
 * server accepts and parses it (code fences and all), zod validates the shape, and the finish
 * reason is checked so a reply cut off by `max_tokens` is never taken for a whole one.
 *
 * The schema is sent as JSON Schema built from the zod schema (`z.toJSONSchema`), not strict:
 * OpenAI's strict mode rejects optional fields and length limits, while llama.cpp, vLLM and Ollama
 * turn exactly those limits into a grammar that bounds the reply.
 */
import type { BaseMessage } from '@langchain/core/messages';
import { RunnableLambda, type Runnable } from '@langchain/core/runnables';
import type { ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';
import { LlmError } from './llm-error.ts';

/** `json_schema` where the server supports it; `json_object` (the common denominator) where it refuses. */
export type JsonReplyFormat = 'json_schema' | 'json_object';

export interface StructuredReply<T> {
  value: T;
  finishReason: string | undefined;
}

export function structuredReply<T>(
  model: ChatOpenAI,
  schema: z.ZodType<T>,
  format: JsonReplyFormat,
  name: string,
): Runnable<BaseMessage[], StructuredReply<T>> {
  const jsonSchema = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return model
    .withStructuredOutput(jsonSchema, { method: format === 'json_schema' ? 'jsonSchema' : 'jsonMode', name, includeRaw: true })
    .pipe(RunnableLambda.from(({ raw, parsed }: { raw: BaseMessage; parsed: unknown }) => validated(raw, parsed, schema)));
}

function validated<T>(raw: BaseMessage, parsed: unknown, schema: z.ZodType<T>): StructuredReply<T> {
  const finishReason = finishReasonOf(raw);
  if (finishReason === 'length') throw new LlmError('truncated', 'LLM reply was cut off by the token limit');
  if (!raw.text.trim()) throw new LlmError('empty', 'LLM reply was empty');
  // LangChain's parser yields null both for text that is no JSON and for JSON its schema check refused.
  if (parsed === null || typeof parsed !== 'object') {
    if (isJson(raw.text)) throw new LlmError('schema', 'LLM reply did not match the schema');
    throw new LlmError('invalid_json', 'LLM reply contained no JSON object');
  }
  const checked = schema.safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new LlmError('schema', `LLM reply did not match the schema at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? ''}`);
  }
  return { value: checked.data, finishReason };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export function finishReasonOf(message: BaseMessage): string | undefined {
  const metadata: Record<string, unknown> = message.response_metadata ?? {};
  const reason = metadata['finish_reason'];
  return typeof reason === 'string' ? reason : undefined;
}
