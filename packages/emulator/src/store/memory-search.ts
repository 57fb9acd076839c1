/**
 * How the memory store evaluates filters and sorts. Every rule mirrors a clause of the SQL store's query
 * (`sql-search.ts`), and the store contract tests hold the two to the same answers.
 */
import type { IndexKeys } from '../search/index-keys.ts';
import type { SearchFilter, SortKey, StoredResource } from './types.ts';

/** Code-unit order, the same as the SQL store's `COLLATE "C"`, so both stores page identically. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function matches(resource: StoredResource, keys: IndexKeys, filter: SearchFilter): boolean {
  switch (filter.kind) {
    case 'name':
      return keys.nameText.includes(filter.value.toLowerCase());
    case 'token':
      return filter.tokens.some((token) => keys.tokens.includes(token));
    case 'patient':
      return keys.patientId === filter.patientId;
    case 'date':
      return (
        keys.dateKey !== null &&
        (filter.from === undefined || keys.dateKey >= filter.from) &&
        (filter.to === undefined || keys.dateKey < filter.to)
      );
    case 'ids':
      return filter.ids.includes(resource.id);
    case 'updatedAfter':
      return resource.lastUpdated > filter.after;
  }
}

export function matchesAll(resource: StoredResource, keys: IndexKeys, filters: readonly SearchFilter[]): boolean {
  return filters.every((filter) => matches(resource, keys, filter));
}

function valueOf(entry: { resource: StoredResource; keys: IndexKeys }, field: SortKey['field']): string | null {
  switch (field) {
    case 'name':
      return entry.keys.nameSort;
    case 'date':
      return entry.keys.dateKey;
    case 'lastUpdated':
      return entry.resource.lastUpdated;
    case 'id':
      return entry.resource.id;
  }
}

/** Sorts by the given keys, records without a value last whatever the direction, then by id. */
export function compareStored(
  a: { resource: StoredResource; keys: IndexKeys },
  b: { resource: StoredResource; keys: IndexKeys },
  sort: readonly SortKey[],
): number {
  for (const key of sort) {
    const left = valueOf(a, key.field);
    const right = valueOf(b, key.field);
    if (left === right) continue;
    if (left === null) return 1;
    if (right === null) return -1;
    const order = compareText(left, right);
    return key.descending ? -order : order;
  }
  return compareText(a.resource.id, b.resource.id);
}
