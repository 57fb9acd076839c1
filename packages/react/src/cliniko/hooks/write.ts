'use client';
/** What the Cliniko write hooks share: the client, the cache, the mutation key, and the app's callbacks after ours. */
import { useMutation, useQueryClient, type QueryClient, type QueryKey, type UseMutationResult } from '@tanstack/react-query';
import type { ClinikApiError } from '../../client/errors.ts';
import { CLINIKO_KEY_ROOT } from '../client/binding.ts';
import type { ClinikoClient } from '../client/client.ts';
import type { ClinikoResourceName } from '../queries/keys.ts';
import { useClinikoContext } from '../provider/context.ts';
import type { ClinikoMutationOptions } from './options.ts';

export interface ClinikoWrite<TData, TVariables> {
  readonly resource: ClinikoResourceName;
  /** `create`, `cancel`, `reschedule`…: the mutation key's last part, for `useIsMutating`. */
  readonly kind: string;
  readonly send: (client: ClinikoClient, variables: TVariables) => Promise<TData>;
  /** Puts the answer in the cache (e.g. under its id). */
  readonly onSuccess?: (queryClient: QueryClient, data: TData, variables: TVariables) => void;
  /** What the write may have changed: marked stale after a success, or when no answer says it failed. */
  readonly stale: (variables: TVariables) => readonly QueryKey[];
}

export function useClinikoWrite<TData, TVariables>(
  write: ClinikoWrite<TData, TVariables>,
  options: ClinikoMutationOptions<TData, TVariables> = {},
): UseMutationResult<TData, ClinikApiError, TVariables> {
  const { client } = useClinikoContext();
  const queryClient = useQueryClient();
  const { onSuccess, onError, onSettled, ...rest } = options;
  return useMutation<TData, ClinikApiError, TVariables>({
    ...rest,
    mutationKey: [CLINIKO_KEY_ROOT, write.resource, write.kind],
    mutationFn: (variables) => write.send(client, variables),
    onSuccess: async (data, variables) => {
      write.onSuccess?.(queryClient, data, variables);
      await onSuccess?.(data, variables);
    },
    onError: async (error, variables) => {
      await onError?.(error, variables);
    },
    onSettled: async (data, error, variables) => {
      // A 4xx changed nothing; a success, a 5xx or no answer at all may have.
      if (!error || error.status === 0 || error.status >= 500) {
        await Promise.all(write.stale(variables).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      }
      await onSettled?.(data, error, variables);
    },
  });
}
