'use client';
/**
 * `useAccess()`: what the signed-in user may do, for hiding what they cannot use. The grants come from
 * `ClinikProvider`'s `access` (given, or read from the proxy's `/_access`), and every 403 a ClinikAPI query or
 * mutation meets is learned on top — so without any grants, the first refusal still turns a widget's form or list
 * into its terminal "not available" state instead of a retry that can never succeed.
 */
import type { ResourcePath } from '@clinikapi/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useClinikContext } from '../provider/context.ts';
import { CLINIK_KEY_ROOT } from '../client/query-client-binding.ts';
import { permits, type AccessGrants, type AccessInteraction } from './access.ts';
import { listenForRefusals, REFUSALS_KEY } from './learned-access.ts';

/** The key of the proxy's answer, per QueryClient (sign-out's `clear()` drops it). */
export const ACCESS_QUERY_KEY = [CLINIK_KEY_ROOT, '_access', 'grants'] as const;

export interface ClinikAccess {
  /** True while the grants are being read from the proxy: widgets wait rather than offer what may vanish. */
  readonly pending: boolean;
  /** Whether the grants are known (given, or read from the proxy); refusals are learned either way. */
  readonly known: boolean;
  /**
   * May the user do `interaction` on `path`? True or false when known — a refusal learned from a 403 wins — and
   * undefined when nothing is known (try, and learn from the answer).
   */
  can(path: ResourcePath, interaction: AccessInteraction): boolean | undefined;
}

const NO_REFUSALS: readonly string[] = [];

export function useAccess(): ClinikAccess {
  const { client, access } = useClinikContext();
  const queryClient = useQueryClient();
  useEffect(() => listenForRefusals(queryClient), [queryClient]);
  const fromProxy = useQuery({
    queryKey: ACCESS_QUERY_KEY,
    queryFn: async () => (await client.request<{ readonly resources: AccessGrants }>('GET', '_access')).data.resources,
    enabled: access === 'proxy',
    // Grants change rarely, and every call is decided by the proxy anyway; a 403 teaches the rest.
    staleTime: 5 * 60_000,
  });
  // A store, not a fetch: `learnRefusal` writes it; this only subscribes.
  const refused = useQuery({
    queryKey: REFUSALS_KEY,
    queryFn: () => queryClient.getQueryData<readonly string[]>(REFUSALS_KEY) ?? NO_REFUSALS,
    initialData: NO_REFUSALS,
    staleTime: Infinity,
  }).data;
  const grants = typeof access === 'object' ? access : fromProxy.data;
  return {
    pending: access === 'proxy' && fromProxy.isPending,
    known: grants !== undefined,
    can: (path, interaction) => permits(grants, refused, path, interaction),
  };
}

/** Whether a widget may ask for `path`'s records yet, and whether the user may read them: for its query and its section. */
export function useRecordsAccess(path: ResourcePath): { readonly readable: boolean | undefined; readonly enabled: boolean } {
  const access = useAccess();
  const readable = access.can(path, 'search');
  return { readable, enabled: !access.pending && readable !== false };
}
