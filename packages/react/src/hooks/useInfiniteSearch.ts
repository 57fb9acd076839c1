'use client';
import type { Paginated, ResourceOf, ResourcePath } from '@clinikapi/core';
import { useInfiniteQuery, type UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ClinikApiError } from '../client/errors.ts';
import { useClinikContext } from '../provider/context.ts';
import type { InfiniteSearchParamsOf, ResourceKeys } from '../queries/keys.ts';
import { resourceQueries, type ResourceQueries } from '../queries/resource-queries.ts';
import type { ClinikInfiniteQueryOptions, InfinitePages } from './options.ts';

/**
 * Every page of a search on any resource path, loaded on demand: `fetchNextPage()` follows the API's cursor and
 * `hasNextPage` says whether there is more. For "load more" buttons and virtualised lists.
 */
export function useInfiniteSearch<P extends ResourcePath, TData = InfinitePages<Paginated<ResourceOf<P>>>>(
  path: P,
  params: InfiniteSearchParamsOf<P> = {} as InfiniteSearchParamsOf<P>,
  options?: ClinikInfiniteQueryOptions<Paginated<ResourceOf<P>>, TData, ReturnType<ResourceKeys<P>['infiniteSearch']>>,
): UseInfiniteQueryResult<TData, ClinikApiError> {
  useClinikContext();
  // Key, query function and paging: the factory's own option types say its `select` returns the pages, not TData.
  const query: Pick<
    ReturnType<ResourceQueries<P>['infiniteSearch']>,
    'queryKey' | 'queryFn' | 'initialPageParam' | 'getNextPageParam'
  > = resourceQueries(path).infiniteSearch(params);
  return useInfiniteQuery({ ...options, ...query });
}
