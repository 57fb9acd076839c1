'use client';
/** What the three write hooks share: the client, the cache, the mutation key, and the app's callbacks after ours. */
import type { ResourcePath } from '@clinikapi/core';
import { useMutation, useQueryClient, type MutationScope, type QueryClient, type UseMutationResult } from '@tanstack/react-query';
import type { ClinikClient } from '../client/client.ts';
import type { ClinikApiError } from '../client/errors.ts';
import { useClinikContext } from '../provider/context.ts';
import { mutationKeys } from '../queries/keys.ts';
import type { ClinikMutationOptions } from './options.ts';

/** One write hook's own behaviour; the app's callbacks from `ClinikMutationOptions` run after each step. */
export interface WriteSpec<TData, TVariables, TContext> {
  readonly scope?: MutationScope;
  readonly onMutate?: (variables: TVariables) => Promise<TContext>;
  readonly mutationFn: (variables: TVariables) => Promise<TData>;
  readonly onSuccess: (data: TData, variables: TVariables) => void;
  readonly onError?: (variables: TVariables, context: TContext | undefined) => void;
  /** Marks stale what the write changed; awaited, so the mutation stays pending until mounted lists have refetched. */
  readonly onSettled: (
    data: TData | undefined,
    error: ClinikApiError | null,
    variables: TVariables,
    context: TContext | undefined,
  ) => Promise<unknown>;
}

export function useWriteMutation<TData, TVariables, TContext>(
  path: ResourcePath,
  kind: keyof ReturnType<typeof mutationKeys>,
  options: ClinikMutationOptions<TData, TVariables>,
  spec: (client: ClinikClient, queryClient: QueryClient) => WriteSpec<TData, TVariables, TContext>,
): UseMutationResult<TData, ClinikApiError, TVariables> {
  const { client } = useClinikContext();
  const own = spec(client, useQueryClient());
  const { onSuccess, onError, onSettled, ...rest } = options;
  return useMutation<TData, ClinikApiError, TVariables, TContext>({
    ...rest,
    mutationKey: mutationKeys(path)[kind],
    // `scope`, `onMutate` and `mutationFn` as the spec has them: a key it leaves out stays out, so a default the app
    // set with `setMutationDefaults` is not replaced by `undefined`. Its three callbacks are wrapped below.
    ...own,
    onSuccess: async (data, variables) => {
      own.onSuccess(data, variables);
      await onSuccess?.(data, variables);
    },
    onError: async (error, variables, context) => {
      own.onError?.(variables, context);
      await onError?.(error, variables);
    },
    onSettled: async (data, error, variables, context) => {
      await own.onSettled(data, error, variables, context);
      await onSettled?.(data, error, variables);
    },
  });
}
