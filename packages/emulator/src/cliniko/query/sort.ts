/**
 * `sort` and `order`: `sort=starts_at,created_at:desc` sorts by several columns, each optionally flipped; `order`
 * (asc|desc, deprecated in the current docs) sets the direction of the columns that do not say. Default: oldest
 * `created_at` first. Ties fall back to the id, so pages never overlap.
 */
import { badQuery } from '../errors.ts';
import type { StoredRecord } from '../store/types.ts';
import { specOf, type FieldTable, type FieldType } from './fields.ts';

export interface SortKey {
  readonly source: string;
  readonly type: FieldType;
  readonly descending: boolean;
}

const SORT_TERM = /^([a-z][a-z0-9_]{0,63})(?::(asc|desc))?$/;
const collator = new Intl.Collator('en');

export function parseSort(sort: string | undefined, order: string | undefined, fields: FieldTable): SortKey[] {
  if (order !== undefined && order !== 'asc' && order !== 'desc') throw badQuery('order', 'must be asc or desc');
  const defaultDescending = order === 'desc';
  const terms = sort === undefined || sort === '' ? ['created_at'] : sort.split(',');
  return terms.map((term) => {
    const match = SORT_TERM.exec(term.trim());
    const spec = match && specOf(fields, match[1] as string);
    if (!match || !spec) throw badQuery('sort', 'names a column you cannot sort by here');
    return { source: spec.source, type: spec.type, descending: match[2] ? match[2] === 'desc' : defaultDescending };
  });
}

function compareValues(type: FieldType, left: unknown, right: unknown): number {
  if (type === 'integer') {
    const [a, b] = [BigInt(String(left)), BigInt(String(right))];
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (type === 'boolean') return Number(left) - Number(right);
  if (type === 'string') return collator.compare(String(left), String(right));
  // Dates and UTC date-times are stored in one fixed format, so they sort as text.
  const [a, b] = [String(left), String(right)];
  return a < b ? -1 : a > b ? 1 : 0;
}

const isBlank = (value: unknown): boolean => value === null || value === undefined || value === '';

/** A comparator for `keys`; like PostgreSQL, blanks sort last ascending and first descending. */
export function comparatorOf(keys: readonly SortKey[]): (left: StoredRecord, right: StoredRecord) => number {
  return (left, right) => {
    for (const key of keys) {
      const [a, b] = [left[key.source], right[key.source]];
      let order: number;
      if (isBlank(a) || isBlank(b)) order = isBlank(a) === isBlank(b) ? 0 : isBlank(a) ? 1 : -1;
      else order = compareValues(key.type, a, b);
      if (order !== 0) return key.descending ? -order : order;
    }
    return compareValues('integer', left.id, right.id);
  };
}
