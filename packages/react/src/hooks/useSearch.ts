'use client';
import type { Paginated, ResourceOf, ResourcePath } from '@clinikapi/core';
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { ClinikApiError } from '../client/errors.ts';
import { useClinikContext } from '../provider/context.ts';
import type { ResourceKeys, SearchParamsOf } from '../queries/keys.ts';
import { resourceQueries, type ResourceQueries } from '../queries/resource-queries.ts';
import type { ClinikQueryOptions } from './options.ts';

/**
 * One page of a search on any resource path: `useSearch('tasks', { patientId, status: 'requested' })`. While new
 * parameters load, the previous page stays on screen (`isPlaceholderData` says it is stale) instead of flashing an
 * empty list. Search is eventually consistent on ClinikAPI; this client's own writes are reconciled into results.
 */
export function useSearch<P extends ResourcePath, TData = Paginated<ResourceOf<P>>>(
  path: P,
  params: SearchParamsOf<P> = {} as SearchParamsOf<P>,
  options?: ClinikQueryOptions<Paginated<ResourceOf<P>>, TData, ReturnType<ResourceKeys<P>['search']>>,
): UseQueryResult<TData, ClinikApiError> {
  useClinikContext();
  // Only the key and the query function: the factory's own option types say its `select` returns the page, not TData.
  const query: Pick<ReturnType<ResourceQueries<P>['search']>, 'queryKey' | 'queryFn'> = resourceQueries(path).search(params);
  return useQuery({ placeholderData: keepPreviousData, ...options, ...query });
}
