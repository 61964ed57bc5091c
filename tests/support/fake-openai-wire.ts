/**
 * The OpenAI wire format the fake server speaks: chat completions (whole or as SSE chunks, text or
 * tool calls), OpenAI-shaped errors, deterministic embeddings, and reading request bodies.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeReply, RecordedRequest, ReplyContent } from './fake-openai.ts';

export function finishReasonOf(reply: FakeReply): string {
  return reply.finishReason ?? (reply.toolCalls?.length ? 'tool_calls' : 'stop');
}

export function toolCallsOf(reply: FakeReply, streamed: boolean) {
  return (reply.toolCalls ?? []).map((call, index) => ({
    ...(streamed ? { index } : {}),
    id: `call_fake_${index}`,
    type: 'function',
    function: { name: call.name, arguments: call.arguments },
  }));
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

export function sendError(response: ServerResponse, behaviour: { status: number; message?: string; retryAfterMs?: number }): void {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (behaviour.retryAfterMs !== undefined) headers['retry-after-ms'] = String(behaviour.retryAfterMs);
  response.writeHead(behaviour.status, headers);
  response.end(
    JSON.stringify({
      error: { message: behaviour.message ?? `fake upstream error ${behaviour.status}`, type: 'server_error', code: null },
    }),
  );
}

export function startSse(response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  response.flushHeaders();
}

export function sse(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}

export function splitContent(content: string, size: number): string[] {
  const characters = Array.from(content);
  const pieces: string[] = [];
  for (let start = 0; start < characters.length; start += size) pieces.push(characters.slice(start, start + size).join(''));
  return pieces;
}

const created = () => Math.floor(Date.now() / 1000);

export function completionOf(model: string, reply: FakeReply) {
  const toolCalls = reply.toolCalls?.length ? { tool_calls: toolCallsOf(reply, false) } : {};
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: created(),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content: reply.content ?? null, refusal: null, ...toolCalls }, finish_reason: finishReasonOf(reply), logprobs: null }],
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  };
}

export function chunkOf(model: string, delta: Record<string, unknown>, finishReason: string | null) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: created(),
    model,
    choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }],
  };
}

/**
 * Deterministic embedding: character bigrams hashed into buckets, L2-normalised, so texts that
 * share characters are similar, like a (very) poor real embedder.
 */
export function embed(text: string, dimensions: number): Float32Array {
  const vector = new Float32Array(dimensions);
  const characters = Array.from(text.toLowerCase());
  for (let index = 0; index < characters.length; index += 1) {
    const gram = characters[index]! + (characters[index + 1] ?? '');
    let hash = 2166136261;
    for (let position = 0; position < gram.length; position += 1) {
      hash ^= gram.charCodeAt(position);
      hash = Math.imul(hash, 16777619);
    }
    vector[(hash >>> 0) % dimensions]! += 1;
  }
  const norm = Math.hypot(...vector) || 1;
  for (let index = 0; index < dimensions; index += 1) vector[index] = vector[index]! / norm;
  return vector;
}

const maxBodyBytes = 5 * 1024 * 1024;

/** The request body, up to 5 MB (a recording upload is the largest). */
export function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    request.on('data', (part: Buffer) => {
      size += part.length;
      if (size > maxBodyBytes) {
        request.destroy();
        reject(new Error('fake-openai: request body too large'));
        return;
      }
      parts.push(part);
    });
    request.on('end', () => resolve(Buffer.concat(parts)));
    request.on('error', reject);
  });
}

export function parseJson(raw: string): unknown {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

export function resolveContent(content: ReplyContent, request: RecordedRequest): FakeReply {
  const resolved = typeof content === 'function' ? content(request) : content;
  return typeof resolved === 'string' ? { content: resolved } : resolved;
}
