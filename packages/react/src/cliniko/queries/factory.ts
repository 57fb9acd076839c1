/**
 * The query-options factory of one Cliniko resource: a page of a list, every page on demand (following the proxy's
 * `links.next`), and one record by id. The named factories (`clinikoPatientQueries`, …) are this applied once each.
 */
import { infiniteQueryOptions, queryOptions, type InfiniteData } from '@tanstack/react-query';
import type { QueryValue } from '../../client/client.ts';
import type { ClinikApiError } from '../../client/errors.ts';
import { clinikoClientOf } from '../client/binding.ts';
import type { ClinikoList } from '../types.ts';
import { clinikoKeys, type ClinikoResourceName } from './keys.ts';

/** Where a list's parameters send it: a path (nested lists have their own) and its query. */
export interface ListRequest {
  readonly path: string;
  readonly query: Record<string, QueryValue | readonly QueryValue[]>;
}

/** A path segment from an id: encoded, so a malformed id is refused by the proxy rather than read as a path. */
export const segment = (id: string): string => encodeURIComponent(id);

export function resourceQueries<Key extends ClinikoResourceName, Item, Params extends object>(
  resource: Key,
  toRequest: (params: Params) => ListRequest,
) {
  const keys = clinikoKeys(resource);
  return {
    /** The key factory, for invalidation and `setQueryData`. */
    keys,
    /** One page of the list. */
    list: (params: Params) =>
      queryOptions<ClinikoList<Key, Item>, ClinikApiError, ClinikoList<Key, Item>, ReturnType<typeof keys.list>>({
        queryKey: keys.list(params),
        queryFn: ({ client, signal }) => {
          const { path, query } = toRequest(params);
          return clinikoClientOf(client).request('GET', path, { query, signal });
        },
      }),
    /** Every page of the list, on demand: `fetchNextPage()` follows the proxy's `links.next`. */
    infinite: (params: Params) =>
      infiniteQueryOptions<
        ClinikoList<Key, Item>,
        ClinikApiError,
        InfiniteData<ClinikoList<Key, Item>, string | undefined>,
        ReturnType<typeof keys.infinite>,
        string | undefined
      >({
        queryKey: keys.infinite(params),
        queryFn: ({ client, signal, pageParam }) => {
          const { path, query } = toRequest(params);
          return clinikoClientOf(client).request('GET', pageParam ?? path, pageParam ? { signal } : { query, signal });
        },
        initialPageParam: undefined,
        getNextPageParam: (page) => page.links.next,
      }),
    /** One record by id. */
    detail: (id: string) =>
      queryOptions<Item, ClinikApiError, Item, ReturnType<typeof keys.detail>>({
        queryKey: keys.detail(id),
        queryFn: ({ client, signal }) => clinikoClientOf(client).request('GET', `${resource}/${segment(id)}`, { signal }),
      }),
  };
}
