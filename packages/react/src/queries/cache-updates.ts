/** Edits of cached search results that mutations share: one record replaced or removed in every cached page. */
import type { Paginated, ResourcePath } from '@clinikapi/core';
import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import { resourceKeys } from './keys.ts';

type SearchData = Paginated<unknown> | InfiniteData<Paginated<unknown>>;

const idOf = (item: unknown): unknown => (item as { id?: unknown } | null)?.id;

function mapPages(data: SearchData | undefined, edit: (page: Paginated<unknown>) => Paginated<unknown>): SearchData | undefined {
  if (!data) return data;
  if ('pages' in data) return { ...data, pages: data.pages.map(edit) };
  return edit(data);
}

/** Every cached search of `path`, as `[key, data]` pairs, to restore after a failed optimistic change. */
export function snapshotSearches(queryClient: QueryClient, path: ResourcePath): Array<[QueryKey, unknown]> {
  return queryClient.getQueriesData({ queryKey: resourceKeys(path).searches() });
}

export function restoreSnapshot(queryClient: QueryClient, snapshot: ReadonlyArray<readonly [QueryKey, unknown]>): void {
  for (const [queryKey, data] of snapshot) queryClient.setQueryData(queryKey, data);
}

/**
 * Edits record `id` wherever a cached search of `path` shows it: replaced by `replacement`, or, without one, dropped
 * (and counted out of `total`). Pages that do not show it are kept as they are, and a record is never added.
 */
export function editInSearches(queryClient: QueryClient, path: ResourcePath, id: unknown, replacement?: unknown): void {
  queryClient.setQueriesData<SearchData>({ queryKey: resourceKeys(path).searches() }, (data) =>
    mapPages(data, (page) =>
      page.data.some((item) => idOf(item) === id)
        ? replacement
          ? { ...page, data: page.data.map((item) => (idOf(item) === id ? replacement : item)) }
          : { ...page, data: page.data.filter((item) => idOf(item) !== id), total: Math.max(0, page.total - 1) }
        : page,
    ),
  );
}

/** The version a cached record is at, for `If-Match`. */
export function versionOf(resource: unknown): string | undefined {
  const version = (resource as { meta?: { versionId?: unknown } } | null | undefined)?.meta?.versionId;
  return typeof version === 'string' && version !== '' ? version : undefined;
}
