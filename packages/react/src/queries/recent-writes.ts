/**
 * Read-your-writes over an eventually consistent search. ClinikAPI's search index trails writes by about 10 s
 * (`data-consistency.mdx`), while reads by id are immediate. A list refetched right after an update or delete could
 * therefore show the old version, or the deleted row, again. Each QueryClient remembers its own recent writes for a
 * short window and search results are reconciled with them as they arrive.
 */
import type { Paginated } from '@clinikapi/core';
import type { QueryClient } from '@tanstack/react-query';

/** Longer than the index's usual lag, short enough that another user's later change is never hidden for long. */
export const CONSISTENCY_WINDOW_MS = 30_000;

/** An update (with the server's answer) or, with `resource: null`, a delete. */
interface RecentWrite {
  readonly at: number;
  readonly resource: Versioned | null;
}

interface Versioned {
  readonly id?: string | undefined;
  readonly meta?: { readonly versionId?: string | undefined; readonly lastUpdated?: string | undefined } | undefined;
}

const writesByClient = new WeakMap<QueryClient, Map<string, RecentWrite>>();

function writesOf(queryClient: QueryClient): Map<string, RecentWrite> {
  let writes = writesByClient.get(queryClient);
  if (!writes) {
    writes = new Map();
    writesByClient.set(queryClient, writes);
  }
  return writes;
}

/** Remembers that this client updated (with the server's answer) or deleted `path/id`. */
export function rememberWrite(queryClient: QueryClient, path: string, id: string, resource: Versioned | null): void {
  writesOf(queryClient).set(`${path}/${id}`, { at: Date.now(), resource });
}

/** A search page with this client's recent writes applied: deleted rows dropped, older versions replaced. */
export function reconcileSearchPage<T>(queryClient: QueryClient, path: string, page: Paginated<T>): Paginated<T> {
  const writes = writesByClient.get(queryClient);
  if (!writes || writes.size === 0 || !Array.isArray(page?.data)) return page;
  const now = Date.now();
  for (const [key, write] of writes) if (now - write.at > CONSISTENCY_WINDOW_MS) writes.delete(key);

  let removed = 0;
  const data: T[] = [];
  for (const item of page.data) {
    const write = writes.get(`${path}/${(item as Versioned).id}`);
    if (write?.resource === null) removed += 1;
    else data.push(write && isOlder(item as Versioned, write.resource) ? (write.resource as T) : item);
  }
  return { ...page, data, total: Math.max(0, page.total - removed) };
}

/** True when `listed` is an earlier version than `written` (ISO timestamps compare as text). */
const isOlder = (listed: Versioned, written: Versioned): boolean => (listed.meta?.lastUpdated ?? '') < (written.meta?.lastUpdated ?? '');
