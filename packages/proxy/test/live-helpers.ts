/**
 * For the live tests: a server-sent event stream read as a browser's fetch reads it, and webhook deliveries signed
 * as ClinikAPI signs them (the secret and event are the test's own).
 */
import { createHmac, randomBytes } from 'node:crypto';

export interface SseEvent {
  readonly event: string;
  readonly id: string | undefined;
  readonly data: string;
}

export interface SseStream {
  readonly status: number;
  readonly headers: Headers;
  /** Every event so far, heartbeats as `event: 'comment'`. */
  readonly events: SseEvent[];
  /** Resolves with the first event (from the start) that `match` accepts. */
  next(match: (event: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  /** The `change` events so far, parsed. */
  changes(): { resourceType: string; path: string; id: string; action: string; patientIds: string[] }[];
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
  close(): void;
}

/** Opens `url` with `headers` and reads it as `text/event-stream` until closed. */
export async function openStream(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const events: SseEvent[] = [];
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const waiter of waiters) waiter();
  };
  let ended: Promise<void> = Promise.resolve();
  if (response.ok && response.body) {
    const body = response.body.pipeThrough(new TextDecoderStream());
    ended = (async () => {
      let buffer = '';
      try {
        for await (const chunk of body) {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let event = 'message';
            let id: string | undefined;
            const data: string[] = [];
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) event = 'comment';
              else if (line.startsWith('event: ')) event = line.slice(7);
              else if (line.startsWith('id: ')) id = line.slice(4);
              else if (line.startsWith('data: ')) data.push(line.slice(6));
              else if (line.startsWith('retry: ')) event = 'retry';
            }
            events.push({ event, id, data: data.join('\n') });
            notify();
          }
        }
      } catch {
        // Aborted by close().
      }
      notify();
    })();
  }
  let done = false;
  void ended.then(() => (done = true));
  return {
    status: response.status,
    headers: response.headers,
    events,
    ended,
    changes: () =>
      events.filter((event) => event.event === 'change').map((event) => JSON.parse(event.data) as ReturnType<SseStream['changes']>[number]),
    next(match, timeoutMs = 10_000) {
      return new Promise<SseEvent>((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (found) {
            finish();
            resolve(found);
          } else if (done) {
            finish();
            reject(new Error(`The stream ended without the event; saw ${JSON.stringify(events)}`));
          }
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`No such event within ${timeoutMs} ms; saw ${JSON.stringify(events)}`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () => controller.abort(),
  };
}

export interface SignedDelivery {
  readonly body: string;
  readonly headers: Record<string, string>;
  readonly id: string;
}

/** A delivery as ClinikAPI sends it: payload, both signatures, event and delivery id headers. */
export function signedDelivery(
  secret: string,
  data: { resourceType: string; resourceId: string; action: string; tenantId: string; environment: string },
  options: { id?: string; at?: number; v2?: boolean; v1?: boolean } = {},
): SignedDelivery {
  const at = options.at ?? Date.now();
  const id = options.id ?? `evt_${at.toString(36)}_${randomBytes(6).toString('hex')}`;
  const event = `${data.resourceType}.${data.action}`;
  const body = JSON.stringify({ id, event, timestamp: new Date(at).toISOString(), data });
  const t = Math.floor(at / 1000);
  const hex = (text: string) => createHmac('sha256', secret).update(text).digest('hex');
  return {
    body,
    id,
    headers: {
      'content-type': 'application/json',
      'x-clinik-event': event,
      'x-clinik-delivery-id': id,
      'x-clinik-timestamp': String(t),
      ...(options.v1 === false ? {} : { 'x-clinik-signature': hex(body) }),
      ...(options.v2 === false ? {} : { 'x-clinik-signature-v2': `t=${t},v1=${hex(`${t}.${body}`)}` }),
    },
  };
}

/** POSTs a delivery to the proxy's webhook route. */
export function deliver(proxyUrl: string, delivery: SignedDelivery): Promise<Response> {
  return fetch(`${proxyUrl}/api/clinik/webhooks/clinikapi`, { method: 'POST', headers: delivery.headers, body: delivery.body });
}
