'use client';
/** What every Cliniko read hook does: check for the provider, then `useQuery`/`useInfiniteQuery` on a factory's options. */
import {
  useInfiniteQuery,
  useQuery,
  type InfiniteData,
  type QueryFunction,
  type QueryKey,
  type UseInfiniteQueryResult,
  type UseQueryResult,
} from '@tanstack/react-query';
import type { ClinikApiError } from '../../client/errors.ts';
import { useClinikoContext } from '../provider/context.ts';
import type { ClinikoInfiniteQueryOptions, ClinikoQueryOptions } from './options.ts';

/** The part of a factory's options a hook takes: its key and query function (the app's options decide the rest). */
export interface FactoryQuery<TQueryFnData, TPageParam = never> {
  readonly queryKey: QueryKey;
  readonly queryFn?: QueryFunction<TQueryFnData, never, TPageParam> | unknown;
}

/** `useQuery` on a factory's options; `ready: false` (an id not known yet) keeps it disabled. */
export function useClinikoQuery<TQueryFnData, TData>(
  query: FactoryQuery<TQueryFnData>,
  options: ClinikoQueryOptions<TQueryFnData, TData> | undefined,
  ready = true,
): UseQueryResult<TData, ClinikApiError> {
  useClinikoContext();
  return useQuery<TQueryFnData, ClinikApiError, TData>({
    ...options,
    queryKey: query.queryKey,
    queryFn: query.queryFn as QueryFunction<TQueryFnData>,
    enabled: ready && (options?.enabled ?? true),
  });
}

/** `useInfiniteQuery` on a factory's infinite options: pages follow the proxy's `links.next`. */
export function useClinikoInfiniteQuery<
  TPage extends { readonly links: { readonly next?: string } },
  TData = InfiniteData<TPage, string | undefined>,
>(
  query: FactoryQuery<TPage, string | undefined>,
  options: ClinikoInfiniteQueryOptions<TPage, TData> | undefined,
): UseInfiniteQueryResult<TData, ClinikApiError> {
  useClinikoContext();
  return useInfiniteQuery<TPage, ClinikApiError, TData, QueryKey, string | undefined>({
    ...options,
    queryKey: query.queryKey,
    queryFn: query.queryFn as QueryFunction<TPage, QueryKey, string | undefined>,
    initialPageParam: undefined,
    getNextPageParam: (page) => page.links.next,
  });
}
