/** Lists and pages, read the way the proxy gives them: Cliniko's list bodies, and `links.next` to the next page. */
import type { QueryValue } from '../../client/client.ts';
import type { ClinikoClient } from '../client/client.ts';
import type { ClinikoList } from '../types.ts';

/** Parameters every Cliniko list takes. */
export interface ClinikoListParams {
  /** Filter conditions, AND-ed: `clinikoFilter('last_name', '~', 'smith')` or `last_name:~smith`. */
  readonly q?: readonly string[];
  /** 1-based page. */
  readonly page?: number;
  /** 1–100 (Cliniko's default 50). */
  readonly perPage?: number;
  /** Columns, e.g. `last_name,first_name` or `starts_at:desc`. */
  readonly sort?: string;
  readonly order?: 'asc' | 'desc';
}

/** The operators of Cliniko's `q[]` grammar (which ones a field takes depends on its type). */
export type ClinikoFilterOperator = '=' | '!=' | '>' | '>=' | '<' | '<=' | '~' | '~~' | '?' | '!?' | '*';

/** One `q[]` condition: `clinikoFilter('starts_at', '>=', '2025-03-06T13:00:00Z')` → `starts_at:>=2025-03-06T13:00:00Z`. */
export const clinikoFilter = (field: string, operator: ClinikoFilterOperator, value: string = ''): string => `${field}:${operator}${value}`;

/** The query string of list parameters (empty ones left out). */
export function listQuery(params: ClinikoListParams): Record<string, QueryValue | readonly QueryValue[]> {
  return { 'q[]': params.q, page: params.page, per_page: params.perPage, sort: params.sort, order: params.order };
}

/** The items of a page, whatever the list's key. */
export const itemsOf = <T>(page: ClinikoList<string, T>, key: string): readonly T[] => (page as Record<string, readonly T[]>)[key] ?? [];

/** Pages beyond this are not followed in one query: a list that long is a bug, not a schedule. */
const MAX_PAGES = 20;

/**
 * Every page of a list, following `links.next` through the proxy, as one list body. For lists a screen needs whole
 * (a day's times, a day's appointments), never for patients.
 */
export async function allPages<Key extends string, T>(
  client: ClinikoClient,
  key: Key,
  path: string,
  query: Record<string, QueryValue | readonly QueryValue[]>,
  signal: AbortSignal | undefined,
): Promise<ClinikoList<Key, T>> {
  const first = await client.request<ClinikoList<Key, T>>('GET', path, { query, signal });
  const items = [...itemsOf(first, key)];
  let next = first.links.next;
  for (let followed = 1; next && followed < MAX_PAGES; followed++) {
    const page: ClinikoList<Key, T> = await client.request<ClinikoList<Key, T>>('GET', next, { signal });
    items.push(...itemsOf(page, key));
    next = page.links.next;
  }
  return { [key]: items, total_entries: first.total_entries, links: { self: first.links.self } } as unknown as ClinikoList<Key, T>;
}
