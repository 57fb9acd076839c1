import { describe, expect, it } from 'vitest';
import { createSseParser, type ServerSentEvent } from './sse.ts';

function parse(chunks: readonly string[]): ServerSentEvent[] {
  const events: ServerSentEvent[] = [];
  const parser = createSseParser((event) => events.push(event));
  for (const chunk of chunks) parser.push(chunk);
  return events;
}

describe('the event-stream parser', () => {
  it('reads events across any chunk boundary, with ids, names, multi-line data and comments', () => {
    const stream = 'retry: 3000\n\n:\n\nid: evt_1\nevent: change\ndata: {"a":1}\n\nevent: ready\ndata: line one\ndata: line two\n\n';
    const whole = parse([stream]);
    expect(whole).toEqual([
      { event: 'change', data: '{"a":1}', id: 'evt_1' },
      { event: 'ready', data: 'line one\nline two', id: undefined },
    ]);
    // One character at a time, the same events.
    expect(parse([...stream])).toEqual(whole);
  });

  it('ends lines at CR, LF or CRLF, even when a CRLF is split between chunks, and reads a field without a space', () => {
    expect(parse(['id:7\r', '\nevent:change\rdata:x\r\n\r', '\n'])).toEqual([{ event: 'change', data: 'x', id: '7' }]);
  });

  it('names an event without a name "message", and holds back an event until its blank line', () => {
    expect(parse(['data: hello\n'])).toEqual([]);
    expect(parse(['data: hello\n\n'])).toEqual([{ event: 'message', data: 'hello', id: undefined }]);
  });
});
