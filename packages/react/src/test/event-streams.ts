/**
 * The proxy's `GET /events` as MSW answers it in component tests: each request gets a stream the test writes
 * frames into and ends, or a refusal; every request is kept, headers included (`Last-Event-ID`).
 */
import { http, HttpResponse } from 'msw';
import { errorAnswer } from './error-answers.ts';
import { mswServer, TEST_PROXY_URL } from './msw-server.ts';

export interface OpenedStream {
  readonly headers: Headers;
  send(frame: string): void;
  end(): void;
}

export interface EventStreams {
  readonly opened: OpenedStream[];
  /** The status the next requests are answered with instead of a stream (200: a stream again). */
  refuseWith(status: number): void;
  /** Resolves with the `index`th stream (0-based) once it has been requested. */
  nth(index: number): Promise<OpenedStream>;
}

export function serveEventStreams(): EventStreams {
  const opened: OpenedStream[] = [];
  const waiting = new Map<number, (stream: OpenedStream) => void>();
  let refusal = 200;
  mswServer.use(
    http.get(`${TEST_PROXY_URL}/events`, ({ request }) => {
      if (refusal !== 200) {
        return errorAnswer(refusal === 401 ? 'UNAUTHORIZED' : 'UPSTREAM_UNAVAILABLE', { requestId: 'req_events', status: refusal });
      }
      const encoder = new TextEncoder();
      let controller!: ReadableStreamDefaultController<Uint8Array>;
      const body = new ReadableStream<Uint8Array>({ start: (control) => void (controller = control) });
      const stream: OpenedStream = {
        headers: request.headers,
        send: (frame) => controller.enqueue(encoder.encode(frame)),
        end: () => controller.close(),
      };
      opened.push(stream);
      waiting.get(opened.length - 1)?.(stream);
      return new HttpResponse(body, { headers: { 'content-type': 'text/event-stream' } });
    }),
  );
  return {
    opened,
    refuseWith: (status) => void (refusal = status),
    nth: (index) => (opened[index] ? Promise.resolve(opened[index]) : new Promise((resolve) => waiting.set(index, resolve))),
  };
}

export const READY = 'event: ready\ndata: {"heartbeatMs":60000}\n\n';

export const changeFrame = (eventId: string, change: { path: string; id: string; action: string; patientIds: string[] }) =>
  `id: ${eventId}\nevent: change\ndata: ${JSON.stringify({ resourceType: 'Observation', ...change })}\n\n`;
