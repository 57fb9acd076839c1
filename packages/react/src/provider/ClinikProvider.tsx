'use client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { createClinikClient } from '../client/client.ts';
import { normaliseProxyUrl } from '../client/proxy-url.ts';
import { bindClinikClient } from '../client/query-client-binding.ts';
import { mergeMessages, type MessageOverrides } from '../i18n/messages.ts';
import { ClinikContext, type ClinikContextValue } from './context.ts';

export interface ClinikProviderProps {
  /**
   * Where your backend mounts `@clinikapi/proxy`: a path on this site (`/api/clinik`) or a URL with this page's
   * origin. Anything else throws, so patient data can never be sent to another site.
   */
  readonly proxyUrl: string;
  /** Your app's QueryClient, to share its cache and defaults. By default the provider creates one. */
  readonly queryClient?: QueryClient;
  /** A `fetch` to call the proxy with (tests, instrumentation). Defaults to the global one. */
  readonly fetch?: typeof fetch;
  /** Extra headers sent with every request to your proxy. Never put a ClinikAPI key here. */
  readonly headers?: Readonly<Record<string, string>>;
  /** BCP 47 locale for dates and numbers. Defaults to the browser's. */
  readonly locale?: string;
  /** Overrides for any of the library's user-facing strings. */
  readonly messages?: MessageOverrides;
  readonly children?: ReactNode;
}

/** Retries are decided per error: the data layer retries what can succeed later, never a 4xx. */
function createDefaultQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } });
}

/** Provides the ClinikAPI client, the query cache and the message catalogue to every hook and widget below it. */
export function ClinikProvider(props: ClinikProviderProps): ReactNode {
  const { proxyUrl, queryClient: givenQueryClient, fetch, headers, locale, messages, children } = props;
  const [ownQueryClient] = useState(() => (givenQueryClient ? undefined : createDefaultQueryClient()));
  const queryClient = givenQueryClient ?? (ownQueryClient as QueryClient);
  const origin = typeof location === 'undefined' ? undefined : location.origin;
  const baseUrl = normaliseProxyUrl(proxyUrl, origin);

  const value = useMemo<ClinikContextValue>(() => {
    const client = createClinikClient({ proxyUrl: baseUrl, ...(fetch ? { fetch } : {}), ...(headers ? { headers } : {}) });
    bindClinikClient(queryClient, client);
    return { client, messages: mergeMessages(messages), locale };
  }, [baseUrl, fetch, headers, queryClient, messages, locale]);

  return (
    <QueryClientProvider client={queryClient}>
      <ClinikContext.Provider value={value}>{children}</ClinikContext.Provider>
    </QueryClientProvider>
  );
}
