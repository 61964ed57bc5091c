/**
 * A real HTTP fake of the OpenAI API on 127.0.0.1, so LLM paths are tested through the actual
 * openai SDK, sockets, SSE framing and timeouts instead of mocks of our own code.
 *
 * Endpoints: POST /v1/chat/completions (JSON, or SSE when `stream: true`; text or tool calls; any
 * finish reason) and POST /v1/embeddings (deterministic char-bigram hashed vectors, float or
 * base64), POST /v1/audio/transcriptions (multipart; the uploaded audio is kept) and
 * POST /v1/audio/speech (MP3 bytes). Everything else answers 404. Like real servers it can refuse `response_format:
 * json_schema` (as DeepSeek does) and `tools` (as llama-server does without --jinja).
 *
 * Behaviour is scripted per endpoint: a default behaviour plus a queue of one-shot behaviours that
 * are consumed first ("first call fails, second succeeds"). Every request is recorded.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { fakeSpeechAudio, transcriptionUploadOf, type TranscriptionUpload } from './fake-openai-audio.ts';
import { chunkOf, completionOf, embed, finishReasonOf, parseJson, readBody, resolveContent, sendError, sendJson, splitContent, sse, startSse, toolCallsOf } from './fake-openai-wire.ts';

export type { TranscriptionUpload } from './fake-openai-audio.ts';

export interface RecordedRequest {
  method: string;
  path: string;
  /** Parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
  headers: Record<string, string>;
}

/** A chat reply beyond plain text: tool calls, and the finish reason (default `stop`, or `tool_calls`). */
export interface FakeReply {
  content?: string;
  toolCalls?: { name: string; arguments: string }[];
  finishReason?: string;
}

/** Content of a chat reply: fixed, or computed from the recorded request. */
export type ReplyContent = string | FakeReply | ((request: RecordedRequest) => string | FakeReply);

export type FakeBehaviour =
  /** A normal answer (JSON or SSE, whichever the client asked for), optionally after a delay. */
  | { type: 'reply'; content?: ReplyContent; delayMs?: number; chunkDelayMs?: number }
  /** An HTTP error with an OpenAI-shaped error body, e.g. 500 or 429. */
  | { type: 'error'; status: number; message?: string; delayMs?: number; retryAfterMs?: number }
  /** 200 with a body that is not valid JSON (for streams: a `data:` line that is not JSON). */
  | { type: 'malformed'; delayMs?: number }
  /** Accepts the request and never answers; ends only when the client aborts or on close(). */
  | { type: 'hang' }
  /**
   * Starts answering, then stalls: for streams, sends `afterChunks` content chunks and hangs;
   * for JSON, sends the headers and half the body and hangs.
   */
  | { type: 'stall'; content?: ReplyContent; afterChunks?: number };

export interface FakeOpenAIOptions {
  /** Default chat behaviour when the queue is empty. Defaults to a reply of `defaultContent`. */
  behaviour?: FakeBehaviour;
  /** Content of the default reply. */
  defaultContent?: ReplyContent;
  /** Characters per SSE content chunk. */
  chunkSize?: number;
  /** Embedding dimension when the request does not ask for one. */
  embeddingDimensions?: number;
  /** What the server refuses, as some real ones do; changeable later with `setRefusals`. */
  refuse?: Refusals;
}

export interface Refusals {
  /** 400 for `response_format: {type: "json_schema"}`. */
  jsonSchema?: boolean;
  /** 500 "tools param requires --jinja flag" for any request with `tools`. */
  tools?: boolean;
}

export interface FakeOpenAI {
  /** Base URL including `/v1`, ready for `new OpenAI({ baseURL })`. */
  url: string;
  /** Every request received, in arrival order. */
  requests: RecordedRequest[];
  /** Chat requests only (POST /v1/chat/completions). */
  chatRequests(): RecordedRequest[];
  /** A single behaviour becomes the default; an array is queued as one-shot behaviours. */
  setBehaviour(behaviour: FakeBehaviour | FakeBehaviour[]): void;
  /** Adds one-shot chat behaviours consumed, in order, before the default applies. */
  enqueue(...behaviours: FakeBehaviour[]): void;
  /** Every transcription upload received, with its audio bytes, in arrival order. */
  transcriptions: TranscriptionUpload[];
  /** Same as setBehaviour, for POST /v1/audio/transcriptions ('reply' content is the transcript). */
  setTranscriptionBehaviour(behaviour: FakeBehaviour | FakeBehaviour[]): void;
  /** Same as setBehaviour, for POST /v1/embeddings ('reply' content is ignored there). */
  setEmbeddingsBehaviour(behaviour: FakeBehaviour | FakeBehaviour[]): void;
  /** Requests that were aborted by the client before the fake finished answering. */
  abortedCount(): number;
  setRefusals(refusals: Refusals): void;
  close(): Promise<void>;
}

const defaultReply = 'fake reply';

class BehaviourChannel {
  private queue: FakeBehaviour[] = [];
  constructor(private fallback: FakeBehaviour) {}

  set(behaviour: FakeBehaviour | FakeBehaviour[]): void {
    if (Array.isArray(behaviour)) this.queue = [...behaviour];
    else {
      this.fallback = behaviour;
      this.queue = [];
    }
  }

  enqueue(behaviours: FakeBehaviour[]): void {
    this.queue.push(...behaviours);
  }

  next(): FakeBehaviour {
    return this.queue.shift() ?? this.fallback;
  }
}

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const chunkSize = options.chunkSize ?? 8;
  const dimensionsDefault = options.embeddingDimensions ?? 64;
  const chat = new BehaviourChannel(options.behaviour ?? { type: 'reply', content: options.defaultContent ?? defaultReply });
  const embeddings = new BehaviourChannel({ type: 'reply' });
  const transcription = new BehaviourChannel({ type: 'reply', content: 'fake transcript' });
  const transcriptions: TranscriptionUpload[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let aborted = 0;
  let closed = false;
  let refusals: Refusals = options.refuse ?? {};

  const wait = (ms: number, response: ServerResponse): Promise<boolean> =>
    new Promise((resolve) => {
      if (ms <= 0) return resolve(!response.destroyed);
      // Removed when the timer fires, so a long chunked stream does not pile up listeners.
      const onClose = () => {
        clearTimeout(timer);
        timers.delete(timer);
        resolve(false);
      };
      const timer = setTimeout(() => {
        timers.delete(timer);
        response.off('close', onClose);
        resolve(!response.destroyed && !closed);
      }, ms);
      timers.add(timer);
      response.once('close', onClose);
    });

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { message: String(error), type: 'fake_error' } }));
      } else response.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(request);
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const contentType = request.headers['content-type'] ?? '';
    const multipart = contentType.startsWith('multipart/form-data');
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path,
      body: multipart ? `(multipart, ${raw.length} bytes)` : parseJson(raw.toString('utf8')),
      headers: Object.fromEntries(
        Object.entries(request.headers).map(([key, value]) => [key, Array.isArray(value) ? value.join(', ') : (value ?? '')]),
      ),
    };
    requests.push(recorded);
    let finished = false;
    response.once('finish', () => (finished = true));
    response.once('close', () => {
      if (!finished) aborted += 1;
    });

    if (request.method === 'POST' && path === '/v1/chat/completions') return answerChat(recorded, chat.next(), response);
    if (request.method === 'POST' && path === '/v1/embeddings') return answerEmbeddings(recorded, embeddings.next(), response);
    if (request.method === 'POST' && path === '/v1/audio/transcriptions') {
      if (!multipart) return sendError(response, { status: 400, message: 'transcriptions need multipart/form-data' });
      const upload = transcriptionUploadOf(raw, contentType);
      transcriptions.push(upload);
      return answerTranscription(recorded, upload, transcription.next(), response);
    }
    if (request.method === 'POST' && path === '/v1/audio/speech') {
      response.writeHead(200, { 'content-type': 'audio/mpeg' });
      return void response.end(fakeSpeechAudio);
    }
    sendJson(response, 404, { error: { message: `fake has no route ${request.method} ${path}`, type: 'invalid_request_error' } });
  }

  async function answerChat(request: RecordedRequest, behaviour: FakeBehaviour, response: ServerResponse): Promise<void> {
    if (behaviour.type === 'hang') return;
    if ('delayMs' in behaviour && behaviour.delayMs && !(await wait(behaviour.delayMs, response))) return;
    if (behaviour.type === 'error') return sendError(response, behaviour);
    const body = (request.body ?? {}) as { stream?: boolean; model?: string; tools?: unknown[]; response_format?: { type?: string } };
    if (refusals.jsonSchema && body.response_format?.type === 'json_schema') {
      return sendError(response, { status: 400, message: "This response_format type 'json_schema' is unavailable now" });
    }
    if (refusals.tools && body.tools?.length) return sendError(response, { status: 500, message: 'tools param requires --jinja flag' });
    const model = body.model ?? 'fake-model';
    const streaming = body.stream === true;

    if (behaviour.type === 'malformed') {
      if (streaming) {
        startSse(response);
        response.write('data: {"id":"chatcmpl-fake","choices":[{"delta":{"content":\n\n');
        response.end('data: [DONE]\n\n');
      } else {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"id":"chatcmpl-fake","object":"chat.completion","choices":[{"index":0,');
      }
      return;
    }

    const reply = resolveContent(behaviour.content ?? options.defaultContent ?? defaultReply, request);
    const content = reply.content ?? '';
    if (behaviour.type === 'stall') {
      if (streaming) {
        startSse(response);
        const pieces = splitContent(content, chunkSize).slice(0, behaviour.afterChunks ?? 2);
        response.write(sse(chunkOf(model, { role: 'assistant', content: '' }, null)));
        for (const piece of pieces) response.write(sse(chunkOf(model, { content: piece }, null)));
      } else {
        const full = JSON.stringify(completionOf(model, reply));
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write(full.slice(0, Math.floor(full.length / 2)));
      }
      return;
    }

    if (!streaming) return sendJson(response, 200, completionOf(model, reply));
    startSse(response);
    response.write(sse(chunkOf(model, { role: 'assistant', content: '' }, null)));
    for (const piece of splitContent(content, chunkSize)) {
      if (behaviour.chunkDelayMs && !(await wait(behaviour.chunkDelayMs, response))) return;
      response.write(sse(chunkOf(model, { content: piece }, null)));
    }
    if (reply.toolCalls?.length) response.write(sse(chunkOf(model, { tool_calls: toolCallsOf(reply, true) }, null)));
    response.write(sse(chunkOf(model, {}, finishReasonOf(reply))));
    response.end('data: [DONE]\n\n');
  }

  async function answerTranscription(request: RecordedRequest, upload: TranscriptionUpload, behaviour: FakeBehaviour, response: ServerResponse): Promise<void> {
    if (behaviour.type === 'hang' || behaviour.type === 'stall') return;
    if ('delayMs' in behaviour && behaviour.delayMs && !(await wait(behaviour.delayMs, response))) return;
    if (behaviour.type === 'error') return sendError(response, behaviour);
    if (upload.audio.length === 0) return sendError(response, { status: 400, message: 'the audio file is empty' });
    if (behaviour.type === 'malformed') {
      response.writeHead(200, { 'content-type': 'application/json' });
      return void response.end('{"text":');
    }
    const text = resolveContent(behaviour.content ?? 'fake transcript', request).content ?? '';
    sendJson(response, 200, { text });
  }

  async function answerEmbeddings(request: RecordedRequest, behaviour: FakeBehaviour, response: ServerResponse): Promise<void> {
    if (behaviour.type === 'hang' || behaviour.type === 'stall') return;
    if ('delayMs' in behaviour && behaviour.delayMs && !(await wait(behaviour.delayMs, response))) return;
    if (behaviour.type === 'error') return sendError(response, behaviour);
    if (behaviour.type === 'malformed') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"object":"list","data":[{"embedding":[0.1,');
      return;
    }
    const body = (request.body ?? {}) as { input?: unknown; model?: string; dimensions?: number; encoding_format?: string };
    const inputs = Array.isArray(body.input) ? body.input : [body.input];
    const dimensions = body.dimensions ?? dimensionsDefault;
    const data = inputs.map((input, index) => {
      const vector = embed(typeof input === 'string' ? input : JSON.stringify(input), dimensions);
      const embedding = body.encoding_format === 'base64' ? Buffer.from(vector.buffer).toString('base64') : Array.from(vector);
      return { object: 'embedding', index, embedding };
    });
    sendJson(response, 200, { object: 'list', data, model: body.model ?? 'fake-embedding', usage: { prompt_tokens: 0, total_tokens: 0 } });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    chatRequests: () => requests.filter((request) => request.path === '/v1/chat/completions'),
    setBehaviour: (behaviour) => chat.set(behaviour),
    enqueue: (...behaviours) => chat.enqueue(behaviours),
    setEmbeddingsBehaviour: (behaviour) => embeddings.set(behaviour),
    transcriptions,
    setTranscriptionBehaviour: (behaviour) => transcription.set(behaviour),
    abortedCount: () => aborted,
    setRefusals: (next) => (refusals = next),
    close: async () => {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
