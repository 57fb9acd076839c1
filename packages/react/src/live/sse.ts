/**
 * Reads `text/event-stream` as it arrives, chunk by chunk: events end at a blank line, fields are `event:`, `data:`
 * (joined with newlines), `id:` and `retry:`; lines starting with `:` are comments (heartbeats). CR, LF and CRLF
 * all end a line, as the format allows.
 */
export interface ServerSentEvent {
  readonly event: string;
  readonly data: string;
  /** The `id:` of this event, if it had one. */
  readonly id: string | undefined;
}

export interface SseParser {
  /** Feeds text; calls `onEvent` for each complete event in it. */
  push(text: string): void;
}

export function createSseParser(onEvent: (event: ServerSentEvent) => void): SseParser {
  let pending = '';
  let event = '';
  let data: string[] = [];
  let id: string | undefined;
  const dispatch = (): void => {
    // A block with only an id (or only comments) moves nothing but the id, which the caller sees with the next event.
    if (data.length > 0 || event !== '') onEvent({ event: event || 'message', data: data.join('\n'), id });
    event = '';
    data = [];
    id = undefined;
  };
  return {
    push(text) {
      pending += text;
      let end: number;
      while ((end = pending.search(/\r\n|\r|\n/)) >= 0) {
        // A CR at the very end may be the first half of a CRLF still on its way.
        if (pending[end] === '\r' && end === pending.length - 1) break;
        const line = pending.slice(0, end);
        pending = pending.slice(end + (pending.startsWith('\r\n', end) ? 2 : 1));
        if (line === '') {
          dispatch();
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + (line[colon + 1] === ' ' ? 2 : 1));
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
        else if (field === 'id' && !value.includes('\0')) id = value;
      }
    },
  };
}
