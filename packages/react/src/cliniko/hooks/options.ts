/** The option types of the Cliniko hooks: TanStack Query's own, minus what the factories decide. */
import type { QueryKey, UseInfiniteQueryOptions, UseMutationOptions, UseQueryOptions } from '@tanstack/react-query';
import type { ClinikApiError } from '../../client/errors.ts';

/** `useQuery` options other than `queryKey`/`queryFn`: `enabled`, `select`, `staleTime`, `placeholderData`, … */
export type ClinikoQueryOptions<TQueryFnData, TData = TQueryFnData> = Omit<
  UseQueryOptions<TQueryFnData, ClinikApiError, TData, QueryKey>,
  'queryKey' | 'queryFn'
>;

/** `useInfiniteQuery` options other than the ones following `links.next` needs. */
export type ClinikoInfiniteQueryOptions<TPage, TData> = Omit<
  UseInfiniteQueryOptions<TPage, ClinikApiError, TData, QueryKey, string | undefined>,
  'queryKey' | 'queryFn' | 'initialPageParam' | 'getNextPageParam' | 'getPreviousPageParam'
>;

/** Options of the write hooks; the callbacks run after the hook has updated the cache. */
export interface ClinikoMutationOptions<TData, TVariables> extends Pick<
  UseMutationOptions<TData, ClinikApiError, TVariables>,
  'retry' | 'retryDelay' | 'meta' | 'throwOnError' | 'networkMode' | 'gcTime'
> {
  readonly onSuccess?: (data: TData, variables: TVariables) => unknown;
  readonly onError?: (error: ClinikApiError, variables: TVariables) => unknown;
  readonly onSettled?: (data: TData | undefined, error: ClinikApiError | null, variables: TVariables) => unknown;
}
