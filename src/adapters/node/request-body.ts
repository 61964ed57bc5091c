import type { Readable } from 'node:stream';
import type { RequestBodyBinding } from '../../server/request-body.ts';

const utf8 = new TextDecoder();

/** A body being read: its chunks so far and the promise to settle. */
interface BodyRead {
  chunks: Buffer[];
  resolve: (text: string) => void;
  reject: (error: Error) => void;
}

// The stream's listeners are these shared functions, with the read kept on the stream itself:
// no closures to allocate (and for tsx to name) per request.
const reading = Symbol('mianba body read');
type ReadingStream = Readable & { [reading]?: BodyRead };

function stopReading(stream: ReadingStream): BodyRead | undefined {
  const read = stream[reading];
  stream[reading] = undefined;
  stream.off('data', onData);
  stream.off('end', onEnd);
  stream.off('error', onError);
  stream.off('close', onClose);
  return read;
}

function onData(this: ReadingStream, chunk: Buffer): void {
  this[reading]?.chunks.push(chunk);
}

function onEnd(this: ReadingStream): void {
  const read = stopReading(this);
  if (!read) return;
  // TextDecoder drops a leading BOM and replaces malformed bytes, as Request.text() does.
  read.resolve(utf8.decode(read.chunks.length === 1 ? read.chunks[0]! : Buffer.concat(read.chunks)));
}

function onError(this: ReadingStream, error: Error): void {
  stopReading(this)?.reject(error);
}

/** The client hung up before the end: the same error the web Request's stream reports. */
function onClose(this: ReadingStream): void {
  stopReading(this)?.reject(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
}

/**
 * The body straight from Node's request stream: the chunks as they arrive, decoded once. Undefined
 * when something already started reading the stream (hono's bodyLimit counting a chunked body
 * reads it through the web Request); that reader's copy is read instead.
 */
export function readIncomingBody(incoming: Readable): Promise<string> | undefined {
  const stream: ReadingStream = incoming;
  if (stream.readableDidRead || stream.readableEnded || stream.destroyed || stream[reading]) return undefined;
  return new Promise<string>((resolve, reject) => {
    stream[reading] = { chunks: [], resolve, reject };
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
    stream.on('close', onClose);
  });
}

type IncomingBindings = { incoming: Readable } & RequestBodyBinding;

/** `readRequestBody` of the bindings of one request: called as their method, so one function serves every request. */
function readRequestBody(this: IncomingBindings): Promise<string> | undefined {
  return readIncomingBody(this.incoming);
}

/**
 * Wraps the app's fetch for @hono/node-server so that reading a JSON body (validation.ts) reads
 * Node's stream directly instead of making the adapter build a web Request and stream for it.
 */
export function withIncomingBodyReader<Bindings extends { incoming: Readable }, Result>(
  fetch: (request: Request, bindings: Bindings & RequestBodyBinding) => Result,
): (request: Request, bindings: Bindings) => Result {
  return (request, bindings) => {
    const withReader: Bindings & RequestBodyBinding = bindings;
    withReader.readRequestBody = readRequestBody;
    return fetch(request, withReader);
  };
}
