/**
 * Query options per resource path, as data: the same objects serve the hooks, `prefetchQuery`, `ensureQueryData`
 * and `setQueryData`/`getQueryData` (their keys carry the data type). They need no client argument: the query
 * function uses the ClinikAPI client bound to the QueryClient that runs it.
 */
import type { Paginated, ResourceOf, ResourcePath } from '@clinikapi/core';
import { infiniteQueryOptions, queryOptions, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import type { ClinikApiError } from '../client/errors.ts';
import { clinikClientOf } from '../client/query-client-binding.ts';
import { resourceKeys, type InfiniteSearchParamsOf, type ResourceKeys, type SearchParamsOf } from './keys.ts';
import { reconcileSearchPage } from './recent-writes.ts';

/** The URL path of one record. */
export const recordPath = (path: string, id: string): string => `${path}/${encodeURIComponent(id)}`;

// The query functions take no abort signal, on purpose: TanStack Query cancels a query whose function read its
// signal as soon as nothing shows it any more — a tab switched away, React's StrictMode remounting — and asks again
// when it shows. A read is cheap and its answer is wanted when the user comes back; it finishes and is cached.

async function searchPage<P extends ResourcePath>(
  queryClient: QueryClient,
  path: P,
  params: SearchParamsOf<P>,
): Promise<Paginated<ResourceOf<P>>> {
  const response = await clinikClientOf(queryClient).request<Paginated<ResourceOf<P>>>('GET', path, { query: { ...params } });
  return reconcileSearchPage(queryClient, path, response.data);
}

/**
 * The query-options factory of one path: `resourceQueries('observations').search({ patientId })`. The named
 * factories (`patientQueries`, `observationQueries`, ...) are this function applied once per path.
 */
export function resourceQueries<P extends ResourcePath>(path: P) {
  const keys: ResourceKeys<P> = resourceKeys(path);
  return {
    path,
    /** The key factory, for invalidation: `queryClient.invalidateQueries({ queryKey: observationQueries.keys.searches() })`. */
    keys,
    /** One record by id (`GET /{path}/{id}`); immediately consistent after a write. */
    detail: (id: string) =>
      queryOptions<ResourceOf<P>, ClinikApiError, ResourceOf<P>, ReturnType<ResourceKeys<P>['detail']>>({
        queryKey: keys.detail(id),
        queryFn: async ({ client }) => (await clinikClientOf(client).request<ResourceOf<P>>('GET', recordPath(path, id))).data,
      }),
    /** One page of a search (`GET /{path}?...`); eventually consistent, reconciled with this client's own writes. */
    search: (params: SearchParamsOf<P> = {} as SearchParamsOf<P>) =>
      queryOptions<Paginated<ResourceOf<P>>, ClinikApiError, Paginated<ResourceOf<P>>, ReturnType<ResourceKeys<P>['search']>>({
        queryKey: keys.search(params),
        queryFn: ({ client }) => searchPage(client, path, params),
      }),
    /** Every page of a search, fetched on demand with the API's opaque `cursor`. */
    infiniteSearch: (params: InfiniteSearchParamsOf<P> = {} as InfiniteSearchParamsOf<P>) =>
      infiniteQueryOptions<
        Paginated<ResourceOf<P>>,
        ClinikApiError,
        InfiniteData<Paginated<ResourceOf<P>>, string | undefined>,
        ReturnType<ResourceKeys<P>['infiniteSearch']>,
        string | undefined
      >({
        queryKey: keys.infiniteSearch(params),
        queryFn: ({ client, pageParam }) =>
          // No cursor on the first page: `queryString` leaves undefined parameters out.
          searchPage(client, path, { ...params, cursor: pageParam } as SearchParamsOf<P>),
        initialPageParam: undefined,
        getNextPageParam: (lastPage) => (lastPage.hasMore && lastPage.cursor) || undefined,
      }),
  };
}

/** What `resourceQueries(path)` returns. */
export type ResourceQueries<P extends ResourcePath> = ReturnType<typeof resourceQueries<P>>;
