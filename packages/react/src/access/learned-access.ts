'use client';
/**
 * Refusals learned from 403s, kept in the QueryClient (so `clear()` on sign-out forgets them with everything else).
 * One listener per QueryClient watches every ClinikAPI query and mutation: a 403 on a search, a read by id or a
 * write teaches that interaction on that path. A patient record with includes teaches nothing: its 403 may be about
 * any one of the types it includes.
 */
import type { Mutation, Query, QueryClient } from '@tanstack/react-query';
import { CLINIK_KEY_ROOT } from '../client/query-client-binding.ts';
import { refusalKey, type AccessInteraction } from './access.ts';

/** Where the learned refusals live: `path:interaction` strings. */
export const REFUSALS_KEY = [CLINIK_KEY_ROOT, '_access', 'refused'] as const;

const listening = new WeakSet<QueryClient>();

const isForbidden = (error: unknown): boolean => (error as { status?: unknown } | null)?.status === 403;

/** The interaction a query or mutation key stands for, or undefined when a refusal of it teaches nothing. */
function interactionOf(key: readonly unknown[]): [string, AccessInteraction] | undefined {
  const [root, path, kind] = key;
  if (root !== CLINIK_KEY_ROOT || typeof path !== 'string') return undefined;
  if (kind === 'search') return [path, 'search'];
  if (kind === 'detail') return [path, 'read'];
  if (kind === 'create' || kind === 'update' || kind === 'delete') return [path, kind];
  return undefined;
}

/** Adds a refusal (once). */
function learnRefusal(queryClient: QueryClient, path: string, interaction: AccessInteraction): void {
  const key = refusalKey(path, interaction);
  const known = queryClient.getQueryData<readonly string[]>(REFUSALS_KEY) ?? [];
  if (!known.includes(key)) queryClient.setQueryData<readonly string[]>(REFUSALS_KEY, [...known, key]);
}

function learnFrom(queryClient: QueryClient, entry: Query | Mutation): void {
  const error = entry.state.error;
  const key = 'queryKey' in entry ? entry.queryKey : entry.options.mutationKey;
  const learned = isForbidden(error) && key ? interactionOf(key) : undefined;
  if (learned) learnRefusal(queryClient, ...learned);
}

/** Starts learning from `queryClient`'s 403s, and from those it already holds. Idempotent. */
export function listenForRefusals(queryClient: QueryClient): void {
  if (listening.has(queryClient)) return;
  listening.add(queryClient);
  for (const query of queryClient.getQueryCache().getAll()) learnFrom(queryClient, query);
  queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'error') learnFrom(queryClient, event.query);
  });
  queryClient.getMutationCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'error') learnFrom(queryClient, event.mutation);
  });
}
