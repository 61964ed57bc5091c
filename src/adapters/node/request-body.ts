import type { Readable } from 'node:stream';
import type { RequestBodyBinding } from '../../server/request-body.ts';

const utf8 = new TextDecoder();

/**
 * The body straight from Node's request stream: the chunks as they arrive, decoded once. Undefined
 * when something already started reading the stream (hono's bodyLimit counting a chunked body
 * reads it through the web Request); that reader's copy is read instead.
 */
export function readIncomingBody(incoming: Readable): Promise<string> | undefined {
  if (incoming.readableDidRead || incoming.readableEnded || incoming.destroyed) return undefined;
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const settle = () => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      incoming.off('close', onClose);
    };
    const onData = (chunk: Buffer) => chunks.push(chunk);
    const onEnd = () => {
      settle();
      // TextDecoder drops a leading BOM and replaces malformed bytes, as Request.text() does.
      resolve(utf8.decode(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    };
    const onError = (error: Error) => {
      settle();
      reject(error);
    };
    // The client hung up before the end: the same error the web Request's stream reports.
    const onClose = () => onError(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
    incoming.on('close', onClose);
  });
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
    withReader.readRequestBody = () => readIncomingBody(bindings.incoming);
    return fetch(request, withReader);
  };
}
