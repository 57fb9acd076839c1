/** The option types the hooks accept: TanStack Query's own, minus what the query factories already decide. */
import type { InfiniteData, QueryKey, UseInfiniteQueryOptions, UseMutationOptions, UseQueryOptions } from '@tanstack/react-query';
import type { ClinikApiError } from '../client/errors.ts';

/** `useQuery` options other than `queryKey`/`queryFn`: `enabled`, `select`, `staleTime`, `placeholderData`, ... */
export type ClinikQueryOptions<TQueryFnData, TData, TQueryKey extends QueryKey> = Omit<
  UseQueryOptions<TQueryFnData, ClinikApiError, TData, TQueryKey>,
  'queryKey' | 'queryFn'
>;

/** `useInfiniteQuery` options other than the ones paging through cursors needs. */
export type ClinikInfiniteQueryOptions<TPage, TData, TQueryKey extends QueryKey> = Omit<
  UseInfiniteQueryOptions<TPage, ClinikApiError, TData, TQueryKey, string | undefined>,
  'queryKey' | 'queryFn' | 'initialPageParam' | 'getNextPageParam' | 'getPreviousPageParam'
>;

/** The default data of an infinite search: the pages as fetched. */
export type InfinitePages<TPage> = InfiniteData<TPage, string | undefined>;

/**
 * Options of the mutation hooks. The callbacks run after the hook has updated the cache; per-call callbacks
 * (`mutate(variables, { onSuccess })`) work as in TanStack Query.
 */
export interface ClinikMutationOptions<TData, TVariables> extends Pick<
  UseMutationOptions<TData, ClinikApiError, TVariables>,
  'retry' | 'retryDelay' | 'meta' | 'throwOnError' | 'networkMode' | 'gcTime'
> {
  readonly onSuccess?: (data: TData, variables: TVariables) => unknown;
  readonly onError?: (error: ClinikApiError, variables: TVariables) => unknown;
  readonly onSettled?: (data: TData | undefined, error: ClinikApiError | null, variables: TVariables) => unknown;
}
