/**
 * The LLM interviewer: after each answer it decides whether to follow up or move on, and words
 * the line. With a server that supports tools it is a LangChain `createAgent` that may read the
 * candidate's notes through `search_notes` and `get_card` before it replies; its reply is the
 * zod-validated decision, sent as a tool call. Without tools the same decision comes from one
 * structured-output call, with related notes already in the prompt. Either way the engine has the
 * last word: it validates the decision (`check`) before anyone sees it.
 */
import { AIMessage, type BaseMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import type { ChatOpenAI } from '@langchain/openai';
import { createAgent, toolStrategy } from 'langchain';
import { z } from 'zod';
import { LlmError } from './llm-error.ts';
import { finishReasonOf } from './structured-output.ts';

export const interviewerDecisionSchema = z
  .object({
    reaction: z.string().trim().max(80).describe('一句对候选人回答的简短反应'),
    action: z.enum(['followup', 'next']).describe('followup: 就当前问题追问; next: 进入下一个问题或结束'),
    targetPoint: z.number().int().min(1).max(20).optional().describe('追问针对的遗漏要点编号'),
    line: z.string().trim().min(1).max(400).describe('面试官接下来要说的话，包含要问的问题'),
  })
  .meta({ title: 'interviewer_decision' });

export type InterviewerDecision = z.infer<typeof interviewerDecisionSchema>;

/** What the tools may read: retrieval over the notes and one card by id. */
export interface NotesReader {
  search(query: string): Promise<NotePassage[]>;
  getCard(id: string): NotePassage | undefined;
}

export interface NotePassage {
  cardId: string;
  question: string;
  text: string;
}

export interface AgentReply {
  decision: InterviewerDecision;
  finishReason: string | undefined;
  /** Every note text the tools returned, so the line can be checked for reciting them. */
  notesSeen: string[];
}

/** Tool steps before the agent must answer; each is one more model call inside the deadline. */
const maxToolRounds = 3;
const passageChars = 600;

export async function decideWithAgent(model: ChatOpenAI, notes: NotesReader, messages: BaseMessage[], signal: AbortSignal): Promise<AgentReply> {
  const notesSeen: string[] = [];
  const show = (passage: NotePassage) => {
    const text = passage.text.slice(0, passageChars);
    notesSeen.push(text);
    return `[${passage.cardId}] ${passage.question}\n${text}`;
  };
  const searchNotes = tool(async ({ query }) => (await notes.search(query)).map(show).join('\n\n') || '（没有找到相关笔记）', {
    name: 'search_notes',
    description: '在候选人的面试笔记里检索与查询相关的段落，返回卡片 id、问题和内容。',
    schema: z.object({ query: z.string().min(1).max(200) }),
  });
  const getCard = tool(
    ({ id }) => {
      const card = notes.getCard(id);
      return card ? show(card) : `（没有 id 为 ${id} 的卡片）`;
    },
    {
      name: 'get_card',
      description: '按 id 读取一张笔记卡片：问题和参考答案。',
      schema: z.object({ id: z.string().min(1).max(100) }),
    },
  );
  const agent = createAgent({
    model,
    tools: [searchNotes, getCard],
    // A malformed decision is not argued with: the engine's offline line is a fine answer.
    responseFormat: toolStrategy(interviewerDecisionSchema, { handleError: false }),
  });
  const result = await agent.invoke({ messages }, { signal, recursionLimit: 2 * maxToolRounds + 2 });
  const decision = interviewerDecisionSchema.safeParse(result.structuredResponse);
  if (!decision.success) throw new LlmError('schema', 'the interviewer agent gave no valid decision');
  const decidingMessage = [...result.messages].reverse().find((message) => AIMessage.isInstance(message) && (message.tool_calls?.length ?? 0) > 0);
  return { decision: decision.data, finishReason: decidingMessage ? finishReasonOf(decidingMessage) : undefined, notesSeen };
}
