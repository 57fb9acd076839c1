/**
 * Query-options factories (`patientQueries.detail(id)`) are plain data shared by hooks, prefetching and
 * `setQueryData`, so they cannot take a client argument. Their query functions instead find the ClinikAPI client
 * bound to the QueryClient that runs them.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ClinikClient } from './client.ts';
import { clinikRetryPolicy } from './retry.ts';

const bindings = new WeakMap<QueryClient, ClinikClient>();

/** The prefix of every query and mutation key this library uses. */
export const CLINIK_KEY_ROOT = 'clinikapi';

/** Makes `client` the ClinikAPI client of every query `queryClient` runs. `ClinikProvider` does this for you. */
export function bindClinikClient(queryClient: QueryClient, client: ClinikClient): void {
  bindings.set(queryClient, client);
}

export function clinikClientOf(queryClient: QueryClient): ClinikClient {
  const client = bindings.get(queryClient);
  if (!client) {
    throw new Error('@clinikapi/react: this QueryClient has no ClinikAPI client; render <ClinikProvider> or call bindClinikClient()');
  }
  return client;
}

/**
 * Gives ClinikAPI queries and mutations the library's retry policy (no retry on 4xx, backoff on network errors, 5xx
 * and 429) — unless the app's QueryClient already decides `retry`, globally or for the `clinikapi` keys: an app that
 * said `retry: false` means it.
 */
export function applyClinikRetryDefaults(queryClient: QueryClient): void {
  const root = [CLINIK_KEY_ROOT];
  const defaults = queryClient.getDefaultOptions();
  if (defaults.queries?.retry === undefined && queryClient.getQueryDefaults(root).retry === undefined) {
    queryClient.setQueryDefaults(root, clinikRetryPolicy);
  }
  if (defaults.mutations?.retry === undefined && queryClient.getMutationDefaults(root).retry === undefined) {
    queryClient.setMutationDefaults(root, clinikRetryPolicy);
  }
}
