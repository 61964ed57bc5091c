/**
 * Scripted replies for the fake OpenAI server, routed by what MianBa asks: the tool-support probe,
 * a grade (JSON, `response_format` named `grade`), or the interviewer's decision (a tool call when
 * the request offers tools, else JSON in the content).
 */
import type { FakeReply, RecordedRequest } from './fake-openai.ts';

interface ChatBody {
  tools?: { function?: { name?: string } }[];
  response_format?: { type?: string; json_schema?: { name?: string } };
  messages?: { role: string; content: string }[];
}

const bodyOf = (request: RecordedRequest): ChatBody => (request.body ?? {}) as ChatBody;
const toolNames = (request: RecordedRequest) => (bodyOf(request).tools ?? []).map((entry) => entry.function?.name ?? '');

export const isProbe = (request: RecordedRequest): boolean => toolNames(request).includes('ping');
export const isDecision = (request: RecordedRequest): boolean =>
  toolNames(request).includes('interviewer_decision') || bodyOf(request).response_format?.json_schema?.name === 'interviewer_decision' || systemText(request).includes('技术面试官');
export const isGrading = (request: RecordedRequest): boolean => !isProbe(request) && !isDecision(request);

export function systemText(request: RecordedRequest): string {
  return bodyOf(request).messages?.find((message) => message.role === 'system')?.content ?? '';
}

export function userText(request: RecordedRequest): string {
  return bodyOf(request).messages?.find((message) => message.role === 'user')?.content ?? '';
}

export interface Decision {
  reaction?: string;
  action: 'followup' | 'next';
  targetPoint?: number;
  line: string;
}

/** The decision as the interviewer's request wants it: the decision tool's call, or JSON text. */
export function decisionReply(request: RecordedRequest, decision: Decision, finishReason?: string): FakeReply {
  const value = JSON.stringify({ reaction: '好的', ...decision });
  const reply: FakeReply = toolNames(request).includes('interviewer_decision') ? { toolCalls: [{ name: 'interviewer_decision', arguments: value }] } : { content: value };
  return finishReason ? { ...reply, finishReason } : reply;
}

/** The question the interviewer was told to ask next, from its prompt. */
export function nextQuestionIn(request: RecordedRequest): string {
  return /<<<NEXT_QUESTION\n([\s\S]*?)\nNEXT_QUESTION>>>/.exec(userText(request))?.[1] ?? '';
}

/** Replies for every kind of call; `decide` sees the request so it can echo the next question. */
export function routedReplies(options: { grade: string; decide: (request: RecordedRequest) => Decision | FakeReply }): (request: RecordedRequest) => FakeReply {
  return (request) => {
    if (isProbe(request)) return { content: 'ok' };
    if (!isDecision(request)) return { content: options.grade };
    const decided = options.decide(request);
    return 'action' in decided ? decisionReply(request, decided) : decided;
  };
}

/** A decision that moves on and asks exactly the question it was given. */
export function moveOnAsking(prefix = '好的，我们继续。'): (request: RecordedRequest) => Decision {
  return (request) => ({ action: 'next', line: `${prefix}${nextQuestionIn(request)}` });
}

/**
 * A card compiler for a Redis note on 布隆过滤器 and 跳表: it names the subject and lifts one key
 * point per sentence of the reference it was sent, so a test can tell compiled cards from parsed ones.
 */
export function redisCompilerReply(request: RecordedRequest): string {
  const prompt = userText(request);
  const reference = /<<<REFERENCE\n([\s\S]*?)\nREFERENCE>>>/.exec(prompt)?.[1] ?? '';
  const subject = /(布隆过滤器|跳表)/.exec(prompt)?.[1] ?? '它';
  const sentences = reference.split(/(?<=。)/).map((line) => line.trim().replace(/。$/, '')).filter(Boolean);
  return JSON.stringify({
    question: `Redis 里的${subject}是怎么工作的？`,
    keyPoints: sentences.map((text, index) => ({ text, weight: index === 0 ? 1 : 0.5 })),
    followups: [`${subject}的时间复杂度是多少？`, `${subject}有什么缺点？`],
  });
}
