/**
 * The LLM prompts in `prompts/` as LangChain `ChatPromptTemplate`s: `<name>-system.md` and
 * `<name>-user.md` become one system and one user message. Every prompt file uses the same
 * placeholder syntax as the offline interviewer templates, `{name}` (LangChain's f-string format;
 * a literal brace is written twice). A placeholder the code does not fill is an error at the
 * first use, naming the file, rather than a `{typo}` sent to the model.
 */
import { ChatPromptTemplate } from '@langchain/core/prompts';
import type { BaseMessage } from '@langchain/core/messages';
import { AppError } from '../core/errors.ts';

export interface PromptPair {
  system: string;
  user: string;
}

const cache = new Map<string, ChatPromptTemplate>();

export function chatPrompt(name: string, pair: PromptPair, placeholders: readonly string[]): ChatPromptTemplate {
  const key = `${name}\u0000${pair.system}\u0000${pair.user}`;
  const cached = cache.get(key);
  if (cached) return cached;
  let template: ChatPromptTemplate;
  try {
    template = ChatPromptTemplate.fromMessages([
      ['system', pair.system],
      ['human', pair.user],
    ]);
  } catch (error) {
    throw new AppError('internal', `prompts/${name}-*.md is not a valid template: ${error instanceof Error ? error.message : String(error)}`);
  }
  const unknown = template.inputVariables.filter((variable) => !placeholders.includes(variable));
  if (unknown.length > 0) {
    throw new AppError('internal', `prompts/${name}-*.md uses {${unknown.join('}, {')}}; the placeholders are {${placeholders.join('}, {')}}`);
  }
  cache.set(key, template);
  return template;
}

export function formatChat(template: ChatPromptTemplate, values: Record<string, string>): Promise<BaseMessage[]> {
  return template.formatMessages(values);
}
