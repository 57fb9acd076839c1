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

/** Drops record `id` from every cached search of `path` (and counts it out of `total`). */
export function removeFromSearches(queryClient: QueryClient, path: ResourcePath, id: string): void {
  queryClient.setQueriesData<SearchData>({ queryKey: resourceKeys(path).searches() }, (data) =>
    mapPages(data, (page) => {
      const kept = page.data.filter((item) => idOf(item) !== id);
      return kept.length === page.data.length ? page : { ...page, data: kept, total: Math.max(0, page.total - 1) };
    }),
  );
}

/** Replaces record `resource.id` wherever a cached search of `path` shows it (it never adds one). */
export function replaceInSearches(queryClient: QueryClient, path: ResourcePath, resource: { readonly id?: string | undefined }): void {
  queryClient.setQueriesData<SearchData>({ queryKey: resourceKeys(path).searches() }, (data) =>
    mapPages(data, (page) =>
      page.data.some((item) => idOf(item) === resource.id)
        ? { ...page, data: page.data.map((item) => (idOf(item) === resource.id ? resource : item)) }
        : page,
    ),
  );
}

/** The version a cached record is at, for `If-Match`. */
export function versionOf(resource: unknown): string | undefined {
  const version = (resource as { meta?: { versionId?: unknown } } | null | undefined)?.meta?.versionId;
  return typeof version === 'string' && version !== '' ? version : undefined;
}
