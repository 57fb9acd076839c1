'use client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useContext, useMemo, useState, type ReactNode } from 'react';
import type { ClinikClient } from '../../client/client.ts';
import { normaliseProxyUrl } from '../../client/proxy-url.ts';
import type { MessageOverrides } from '../../i18n/messages.ts';
import { ClinikContext, type ClinikContextValue } from '../../provider/context.ts';
import { applyClinikoRetryDefaults, bindClinikoClient } from '../client/binding.ts';
import { createClinikoClient } from '../client/client.ts';
import { ClinikoContext, type ClinikoContextValue } from './context.ts';

export interface ClinikoProviderProps {
  /**
   * Where your backend mounts `clinikProxy({ upstream: upstreams.cliniko(…) })`: a path on this site
   * (`/api/cliniko`) or a URL with this page's origin. Anything else throws.
   */
  readonly proxyUrl: string;
  /**
   * Your app's QueryClient, to share its cache (a ClinikProvider may use the same one: the two APIs' keys never
   * meet). By default the provider creates one.
   */
  readonly queryClient?: QueryClient;
  /** A `fetch` to call the proxy with (tests, instrumentation, a bearer token). Defaults to the global one. */
  readonly fetch?: typeof fetch;
  /** Extra headers sent with every request to your proxy. Never a key: key-shaped headers are refused. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Milliseconds before a request gives up with `ClinikTimeoutError`. Default 30 000. */
  readonly timeoutMs?: number;
  /** BCP 47 locale for dates and numbers. Default: a surrounding ClinikProvider's, else the browser's. */
  readonly locale?: string;
  /** Overrides of the widgets' strings. Default: a surrounding ClinikProvider's. */
  readonly messages?: MessageOverrides;
  readonly children?: ReactNode;
}

/** Stands in for the ClinikAPI client where there is none: a ClinikAPI hook under a Cliniko provider is a mistake. */
const noClinikApi = (proxyUrl: string): ClinikClient => ({
  proxyUrl,
  request: () => Promise.reject(new Error('@clinikapi/react: ClinikAPI hooks need a <ClinikProvider>; this is a <ClinikoProvider>')),
});

/**
 * Provides the Cliniko client and the query cache to the Cliniko hooks and widgets below it. It can stand alone or
 * sit inside a `ClinikProvider`, whose ClinikAPI client, locale and messages stay available below it.
 */
export function ClinikoProvider(props: ClinikoProviderProps): ReactNode {
  const { proxyUrl, queryClient: givenQueryClient, fetch, headers, timeoutMs, locale, messages, children } = props;
  const parent = useContext(ClinikContext);
  const [ownQueryClient] = useState(() =>
    givenQueryClient ? undefined : new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } }),
  );
  const queryClient = givenQueryClient ?? (ownQueryClient as QueryClient);
  // Read, never written; absent during server rendering, where an absolute URL is checked again in the browser.
  const baseUrl = normaliseProxyUrl(proxyUrl, typeof location === 'undefined' ? undefined : location.origin);
  if (baseUrl === 'demo') throw new TypeError('ClinikoProvider: there is no built-in demo for Cliniko; point proxyUrl at your proxy');
  const headersKey = headers ? JSON.stringify(headers) : '';

  const cliniko = useMemo<ClinikoContextValue>(() => {
    const client = createClinikoClient({
      proxyUrl: baseUrl,
      fetch,
      headers: headersKey ? (JSON.parse(headersKey) as Record<string, string>) : undefined,
      timeoutMs,
    });
    bindClinikoClient(queryClient, client);
    applyClinikoRetryDefaults(queryClient);
    return { client };
  }, [baseUrl, fetch, headersKey, timeoutMs, queryClient]);

  // The widgets' strings, locale and error sentences come from the ClinikAPI context: keep a parent's, with ours on top.
  const messagesKey = messages ? JSON.stringify(messages) : '';
  const shared = useMemo<ClinikContextValue>(
    () => ({
      client: parent?.client ?? noClinikApi(baseUrl),
      messages: messagesKey ? (JSON.parse(messagesKey) as MessageOverrides) : parent?.messages,
      locale: locale ?? parent?.locale,
    }),
    [parent, baseUrl, messagesKey, locale],
  );

  return (
    <QueryClientProvider client={queryClient}>
      <ClinikContext.Provider value={shared}>
        <ClinikoContext.Provider value={cliniko}>{children}</ClinikoContext.Provider>
      </ClinikContext.Provider>
    </QueryClientProvider>
  );
}
