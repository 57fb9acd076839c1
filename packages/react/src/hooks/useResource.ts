'use client';
import type { ResourceOf, ResourcePath } from '@clinikapi/core';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { ClinikApiError } from '../client/errors.ts';
import { useClinikContext } from '../provider/context.ts';
import type { ResourceKeys } from '../queries/keys.ts';
import { resourceQueries, type ResourceQueries } from '../queries/resource-queries.ts';
import type { ClinikQueryOptions } from './options.ts';

/**
 * One record of any resource path by id: `useResource('tasks', taskId)`. Reads by id are immediately consistent,
 * so this is the way to show a record right after writing it. Pass `undefined` to wait for an id.
 */
export function useResource<P extends ResourcePath, TData = ResourceOf<P>>(
  path: P,
  id: string | undefined,
  options?: ClinikQueryOptions<ResourceOf<P>, TData, ReturnType<ResourceKeys<P>['detail']>>,
): UseQueryResult<TData, ClinikApiError> {
  useClinikContext();
  // Only the key and the query function: the factory's own option types say its `select` returns the record, not TData.
  const query: Pick<ReturnType<ResourceQueries<P>['detail']>, 'queryKey' | 'queryFn'> = resourceQueries(path).detail(id ?? '');
  return useQuery({ ...options, ...query, enabled: id ? (options?.enabled ?? true) : false });
}
