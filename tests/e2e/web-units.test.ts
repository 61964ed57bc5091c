import { describe, expect, it } from 'vitest';
import { SseParser, type SseEvent } from '../../web/src/sse.ts';
import { parseRoute } from '../../web/src/router.ts';

/** Feeds `text` to a parser in the given chunk sizes and collects every event, including the flush. */
function parseInChunks(text: string, size: number): SseEvent[] {
  const parser = new SseParser();
  const events: SseEvent[] = [];
  for (let index = 0; index < text.length; index += size) events.push(...parser.push(text.slice(index, index + size)));
  return [...events, ...parser.end()];
}

describe('SSE parser used by the chat view', () => {
  const stream =
    'event: token\ndata: 你好\n\n' +
    ': keep-alive comment\n\n' +
    'event: token\r\ndata: 第一行\r\ndata: 第二行\r\n\r\n' +
    'event: done\ndata: {"grade":null,"next":{"kind":"done","text":"再见"}}\n\n';

  const expected: SseEvent[] = [
    { event: 'token', data: '你好' },
    { event: 'token', data: '第一行\n第二行' },
    { event: 'done', data: '{"grade":null,"next":{"kind":"done","text":"再见"}}' },
  ];

  it('yields the same events however the bytes are split, including mid-CRLF', () => {
    for (const size of [1, 2, 3, 7, 16, stream.length]) expect(parseInChunks(stream, size)).toEqual(expected);
  });

  it('flushes a final event that lacks the blank line when the stream closes', () => {
    expect(parseInChunks('event: error\ndata: {"error":{"code":"internal","message":"x"}}', 5)).toEqual([
      { event: 'error', data: '{"error":{"code":"internal","message":"x"}}' },
    ]);
  });

  it('keeps a leading space beyond the first and defaults the event name to message', () => {
    expect(parseInChunks('data:  two spaces\n\n', 4)).toEqual([{ event: 'message', data: ' two spaces' }]);
  });
});

describe('hash routes', () => {
  it('maps URLs to pages, so a reload lands on the same session', () => {
    expect(parseRoute('')).toEqual({ name: 'start' });
    expect(parseRoute('#/')).toEqual({ name: 'start' });
    expect(parseRoute('#/session/abc_DEF-123')).toEqual({ name: 'session', id: 'abc_DEF-123' });
    expect(parseRoute('#/session/abc/report')).toEqual({ name: 'report', id: 'abc' });
    expect(parseRoute('#/drill/system-design')).toEqual({ name: 'drill-start', topic: 'system-design' });
    expect(parseRoute('#/history')).toEqual({ name: 'history' });
    expect(parseRoute('#/session/abc/report/extra')).toEqual({ name: 'not-found' });
    expect(parseRoute('#/bank')).toEqual({ name: 'bank' });
    expect(parseRoute('#/bank/8762fd722c922c52')).toEqual({ name: 'bank', cardId: '8762fd722c922c52' });
    expect(parseRoute('#/bank/a/b')).toEqual({ name: 'not-found' });
  });
});
