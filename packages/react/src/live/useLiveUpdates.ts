'use client';
/**
 * `useLiveUpdates()`: the proxy's event stream, applied to the query cache — one stream per QueryClient however many
 * components use the hook (the first one's options open it; it closes when the last one unmounts). In demo mode
 * (`proxyUrl="demo"`) the demo API's own writes are the events, with no network.
 */
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useState, useSyncExternalStore } from 'react';
import { DEMO_PROXY_URL } from '../client/proxy-url.ts';
import { useClinikClient } from '../provider/context.ts';
import { applyLiveChange, applyLiveReset } from './apply-change.ts';
import { openLiveConnection, type LiveConnection, type LiveStatus } from './live-connection.ts';

export interface UseLiveUpdatesOptions {
  /**
   * The `fetch` the stream is opened with. Pass the one you give `ClinikProvider` (one that adds a bearer token, say),
   * so the stream carries the same credentials as every call. Default: the global `fetch`, with the page's cookies.
   */
  readonly fetch?: typeof fetch;
  /** Extra headers for the stream's request, as `ClinikProvider`'s `headers`. Never a key. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Default true. */
  readonly enabled?: boolean;
}

export interface LiveUpdatesState {
  readonly status: LiveStatus;
  /** Tries again now (after signing in again, or instead of waiting for the next attempt). */
  reconnect(): void;
}

interface SharedStream {
  users: number;
  status: LiveStatus;
  readonly listeners: Set<() => void>;
  connection: Pick<LiveConnection, 'reconnect' | 'close'>;
}

const streams = new WeakMap<QueryClient, SharedStream>();

function openShared(queryClient: QueryClient, proxyUrl: string, options: UseLiveUpdatesOptions): SharedStream {
  const shared: SharedStream = { users: 0, status: 'connecting', listeners: new Set(), connection: { reconnect() {}, close() {} } };
  const onStatus = (status: LiveStatus): void => {
    shared.status = status;
    for (const listener of shared.listeners) listener();
  };
  if (proxyUrl === DEMO_PROXY_URL) {
    let stop: (() => void) | undefined;
    let closed = false;
    void import('../demo/demo-server.ts').then(({ onDemoChange }) => {
      if (closed) return;
      stop = onDemoChange((change) => void applyLiveChange(queryClient, change, 0));
      onStatus('live');
    });
    shared.connection = {
      reconnect() {},
      close() {
        closed = true;
        stop?.();
      },
    };
  } else {
    shared.connection = openLiveConnection({
      url: `${proxyUrl}/events`,
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      headers: options.headers,
      onChange: (change) => void applyLiveChange(queryClient, change),
      onReset: () => void applyLiveReset(queryClient),
      onStatus,
    });
  }
  return shared;
}

/** Keeps the query cache in step with changes made elsewhere, as the proxy tells them. */
export function useLiveUpdates(options: UseLiveUpdatesOptions = {}): LiveUpdatesState {
  const { proxyUrl } = useClinikClient();
  const queryClient = useQueryClient();
  const enabled = options.enabled ?? true;
  // Only the first user's options open the stream; later ones share it, so their identity need not be stable.
  const [initial] = useState(options);

  /** Joins (or opens) the client's stream while subscribed; the last to leave closes it. */
  const subscribe = useCallback(
    (notify: () => void) => {
      if (!enabled) return () => undefined;
      let shared = streams.get(queryClient);
      if (!shared) {
        shared = openShared(queryClient, proxyUrl, initial);
        streams.set(queryClient, shared);
      }
      const current = shared;
      current.users += 1;
      current.listeners.add(notify);
      return () => {
        current.listeners.delete(notify);
        current.users -= 1;
        if (current.users === 0) {
          current.connection.close();
          streams.delete(queryClient);
        }
      };
    },
    [queryClient, proxyUrl, enabled, initial],
  );
  const status = useSyncExternalStore<LiveStatus>(
    subscribe,
    () => (enabled ? (streams.get(queryClient)?.status ?? 'connecting') : 'stopped'),
    () => 'connecting',
  );
  const reconnect = useCallback(() => streams.get(queryClient)?.connection.reconnect(), [queryClient]);
  return { status, reconnect };
}
