/**
 * Cliniko's query-options factories are data, like ClinikAPI's: their query functions find the Cliniko client bound
 * to the QueryClient that runs them. A QueryClient may carry a ClinikAPI client and a Cliniko client at once.
 */
import type { QueryClient } from '@tanstack/react-query';
import { clinikRetryPolicy } from '../../client/retry.ts';
import type { ClinikoClient } from './client.ts';

const bindings = new WeakMap<QueryClient, ClinikoClient>();

/** The prefix of every Cliniko query and mutation key. */
export const CLINIKO_KEY_ROOT = 'cliniko';

/** Makes `client` the Cliniko client of every query `queryClient` runs. `ClinikoProvider` does this for you. */
export function bindClinikoClient(queryClient: QueryClient, client: ClinikoClient): void {
  bindings.set(queryClient, client);
}

export function clinikoClientOf(queryClient: QueryClient): ClinikoClient {
  const client = bindings.get(queryClient);
  if (!client)
    throw new Error('@clinikapi/react: this QueryClient has no Cliniko client; render <ClinikoProvider> or call bindClinikoClient()');
  return client;
}

/**
 * Cliniko queries get the library's retry policy (none on 4xx; backoff on network errors, 5xx and 429 after
 * `Retry-After`) unless the app's QueryClient decides `retry` itself. Writes are never retried by default: Cliniko
 * takes no idempotency key, so a booking whose answer was lost would be made twice.
 */
export function applyClinikoRetryDefaults(queryClient: QueryClient): void {
  const root = [CLINIKO_KEY_ROOT];
  if (queryClient.getDefaultOptions().queries?.retry === undefined && queryClient.getQueryDefaults(root).retry === undefined) {
    queryClient.setQueryDefaults(root, clinikRetryPolicy);
  }
  if (queryClient.getMutationDefaults(root).retry === undefined) queryClient.setMutationDefaults(root, { retry: false });
}
