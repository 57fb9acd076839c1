'use client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { createClinikClient } from '../client/client.ts';
import { DEMO_PROXY_URL, normaliseProxyUrl } from '../client/proxy-url.ts';
import { applyClinikRetryDefaults, bindClinikClient } from '../client/query-client-binding.ts';
import { createDemoFetch } from '../demo/demo-fetch.ts';
import type { AccessOption } from '../access/access.ts';
import type { MessageOverrides } from '../i18n/messages.ts';
import { ClinikContext, type ClinikContextValue } from './context.ts';

export interface ClinikProviderProps {
  /**
   * Where your backend mounts `@clinikapi/proxy`: a path on this site (`/api/clinik`) or a URL with this page's
   * origin. Anything else throws, so patient data can never be sent to another site. `"demo"` runs against a small
   * built-in data set with no network at all.
   */
  readonly proxyUrl: string;
  /**
   * Your app's QueryClient, to share its cache and defaults. By default the provider creates one. Unless it sets
   * `retry` itself, ClinikAPI queries and mutations get the library's retry policy (see `createClinikRetryPolicy`).
   */
  readonly queryClient?: QueryClient;
  /** A `fetch` to call the proxy with (tests, instrumentation). Defaults to the global one. */
  readonly fetch?: typeof fetch;
  /** Extra headers sent with every request to your proxy. Never put a ClinikAPI key here: it is refused. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Milliseconds before a request gives up with `ClinikTimeoutError`. Default 30 000. */
  readonly timeoutMs?: number;
  /** BCP 47 locale for dates and numbers. Defaults to the browser's. */
  readonly locale?: string;
  /** Overrides for any of the library's user-facing strings. */
  readonly messages?: MessageOverrides;
  /**
   * What the signed-in user may do, so widgets offer only that (no form they cannot send, no list they cannot
   * read): the grants per resource path, which your server knows (`{ patients: ['read', 'search'], … }`), or
   * `'proxy'` to read them once from `@clinikapi/proxy`'s `GET <proxyUrl>/_access`. Default: unknown — widgets try,
   * and a 403 switches them to their "not available" state. Advice only: the proxy decides every call.
   */
  readonly access?: AccessOption;
  readonly children?: ReactNode;
}

/** Provides the ClinikAPI client, the query cache and the message catalogue to every hook and widget below it. */
export function ClinikProvider(props: ClinikProviderProps): ReactNode {
  const { proxyUrl, queryClient: givenQueryClient, fetch, headers, timeoutMs, locale, messages, access, children } = props;
  // Reads by id are immediately consistent and writes update the cache themselves: a short staleTime is plenty.
  const [ownQueryClient] = useState(() =>
    givenQueryClient ? undefined : new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } }),
  );
  const queryClient = givenQueryClient ?? (ownQueryClient as QueryClient);
  // One demo API per provider, kept across re-renders (it only loads on the first request).
  const [demoFetch] = useState(createDemoFetch);
  // Read, never written, and absent during server rendering: an absolute URL is then checked in the browser.
  const origin = typeof location === 'undefined' ? undefined : location.origin;
  const baseUrl = normaliseProxyUrl(proxyUrl, origin);
  // Inline objects are new on every render; compare them by content so the client is not rebuilt each time.
  const headersKey = headers ? JSON.stringify(headers) : '';
  const messagesKey = messages ? JSON.stringify(messages) : '';
  const accessKey = access ? JSON.stringify(access) : '';

  const value = useMemo<ClinikContextValue>(() => {
    const client = createClinikClient({
      proxyUrl: baseUrl,
      fetch: baseUrl === DEMO_PROXY_URL ? demoFetch : fetch,
      headers: headersKey ? (JSON.parse(headersKey) as Record<string, string>) : undefined,
      timeoutMs,
    });
    bindClinikClient(queryClient, client);
    applyClinikRetryDefaults(queryClient);
    return {
      client,
      messages: messagesKey ? (JSON.parse(messagesKey) as MessageOverrides) : undefined,
      locale,
      access: accessKey ? (JSON.parse(accessKey) as AccessOption) : undefined,
    };
  }, [baseUrl, demoFetch, fetch, headersKey, timeoutMs, queryClient, messagesKey, locale, accessKey]);

  return (
    <QueryClientProvider client={queryClient}>
      <ClinikContext.Provider value={value}>{children}</ClinikContext.Provider>
    </QueryClientProvider>
  );
}
