/**
 * Query-options factories (`patientQueries.detail(id)`) are plain data shared by hooks, prefetching and
 * `setQueryData`, so they cannot take a client argument. Their query functions instead find the ClinikAPI client
 * bound to the QueryClient that runs them.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ClinikClient } from './client.ts';

const bindings = new WeakMap<QueryClient, ClinikClient>();

/** Makes `client` the ClinikAPI client of every query `queryClient` runs. `ClinikProvider` does this for you. */
export function bindClinikClient(queryClient: QueryClient, client: ClinikClient): void {
  bindings.set(queryClient, client);
}

export function clinikClientOf(queryClient: QueryClient): ClinikClient {
  const client = bindings.get(queryClient);
  if (!client) {
    throw new Error(
      '@clinikapi/react: no ClinikAPI client is bound to this QueryClient; render <ClinikProvider> or call bindClinikClient()',
    );
  }
  return client;
}
