/**
 * One event stream from the proxy (`GET <proxyUrl>/events`), kept open: read with `fetch` (so it carries the same
 * credentials as every call — a cookie, or a token your own `fetch` adds), resumed with `Last-Event-ID`, watched for
 * silence (the proxy sends heartbeats), and reconnected with capped, jittered backoff. A 401 stops it: the session
 * is over, and reconnecting would only be refused again.
 */
import { createSseParser, type ServerSentEvent } from './sse.ts';

/** `connecting` (the first time), `live`, `reconnecting` (it was, or could not be, open) or `stopped` (signed out, or closed). */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'stopped';

/** What a change event says: which record, and the patients it concerns that this user may know of. */
export interface LiveChange {
  readonly resourceType: string;
  readonly path: string;
  readonly id: string;
  readonly action: 'created' | 'updated' | 'deleted';
  readonly patientIds: readonly string[];
}

export interface LiveConnectionOptions {
  readonly url: string;
  readonly fetch: typeof fetch;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  readonly onChange: (change: LiveChange) => void;
  /** The stream could not be resumed where it left off: everything may be stale. */
  readonly onReset: () => void;
  readonly onStatus: (status: LiveStatus) => void;
  /** The first retry's delay, doubled each failure up to 30 s. Default 1000 ms. */
  readonly retryBaseMs?: number;
}

export interface LiveConnection {
  /** Reconnects at once (a "Retry now", or after signing in again). */
  reconnect(): void;
  close(): void;
}

const MAX_BACKOFF_MS = 30_000;

function isChange(value: unknown): value is LiveChange {
  const change = value as Partial<LiveChange> | null;
  return (
    typeof change?.path === 'string' &&
    typeof change.id === 'string' &&
    (change.action === 'created' || change.action === 'updated' || change.action === 'deleted') &&
    Array.isArray(change.patientIds)
  );
}

export function openLiveConnection(options: LiveConnectionOptions): LiveConnection {
  let lastEventId: string | undefined;
  let failures = 0;
  let everOpen = false;
  /** `close()` was called: nothing more, ever. */
  let disposed = false;
  /** Refused (401/403): nothing more until `reconnect()`. */
  let stopped = false;
  /** The proxy said the session ended: one immediate try with fresh credentials before giving up. */
  let sessionEnded = false;
  let heartbeatMs = 30_000;
  /** Each attempt's number: an attempt that was superseded (reconnect, close) does nothing more when it ends. */
  let attempt = 0;
  let controller: AbortController | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let silenceTimer: ReturnType<typeof setTimeout> | undefined;

  function scheduleRetry(delayMs?: number): void {
    clearTimeout(silenceTimer);
    options.onStatus('reconnecting');
    const backoff = Math.min(MAX_BACKOFF_MS, (options.retryBaseMs ?? 1000) * 2 ** failures);
    failures += 1;
    // Jittered: many clients dropped at once (a deploy) do not all come back in the same second.
    retryTimer = setTimeout(connect, delayMs ?? Math.round(backoff * (0.5 + Math.random() / 2)));
  }

  /** No byte for three heartbeats: the connection is dead even if nobody said so. */
  function watchSilence(): void {
    clearTimeout(silenceTimer);
    silenceTimer = setTimeout(() => controller?.abort(), heartbeatMs * 3);
  }

  function handle(event: ServerSentEvent): void {
    if (event.id !== undefined) lastEventId = event.id;
    if (event.event === 'ready') {
      failures = 0;
      everOpen = true;
      sessionEnded = false;
      const announced = (JSON.parse(event.data || '{}') as { heartbeatMs?: unknown }).heartbeatMs;
      if (typeof announced === 'number' && announced > 0) heartbeatMs = announced;
      watchSilence();
      options.onStatus('live');
    } else if (event.event === 'change') {
      let change: unknown;
      try {
        change = JSON.parse(event.data);
      } catch {
        return;
      }
      if (isChange(change)) options.onChange(change);
    } else if (event.event === 'reset') {
      options.onReset();
    } else if (event.event === 'session-ended') {
      sessionEnded = true;
    }
  }

  async function connect(): Promise<void> {
    const current = ++attempt;
    const superseded = () => current !== attempt || disposed || stopped;
    controller = new AbortController();
    if (!everOpen) options.onStatus(failures === 0 ? 'connecting' : 'reconnecting');
    const afterSessionEnd = sessionEnded;
    try {
      const response = await options.fetch(options.url, {
        headers: { accept: 'text/event-stream', ...options.headers, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
        credentials: 'same-origin',
        cache: 'no-store',
        signal: controller.signal,
      });
      if (superseded()) return;
      if (response.status === 401 || response.status === 403) {
        stopped = true;
        options.onStatus('stopped');
        return;
      }
      if (!response.ok || !response.body) {
        const retryAfter = Number(response.headers.get('retry-after'));
        scheduleRetry(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined);
        return;
      }
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      const parser = createSseParser(handle);
      watchSilence();
      for (;;) {
        const { done, value } = await reader.read();
        if (done || superseded()) break;
        watchSilence();
        parser.push(decoder.decode(value, { stream: true }));
      }
    } catch {
      // Aborted (superseded, or silent too long) or the network failed: either way, below.
    }
    if (superseded()) return;
    // Told the session ended: try once straight away, with whatever credentials the fetch carries now.
    scheduleRetry(sessionEnded && !afterSessionEnd ? 0 : undefined);
  }

  void connect();
  return {
    reconnect() {
      if (disposed) return;
      stopped = false;
      failures = 0;
      clearTimeout(retryTimer);
      controller?.abort();
      void connect();
    },
    close() {
      disposed = true;
      attempt += 1;
      clearTimeout(retryTimer);
      clearTimeout(silenceTimer);
      controller?.abort();
    },
  };
}
