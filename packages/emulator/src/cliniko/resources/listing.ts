/**
 * The one list pipeline every collection shares: `q[]` (and a lone `q`), the default hiding of archived and
 * cancelled records, `sort`/`order`, `page`/`per_page`, and the `{ <plural>, total_entries, links }` body.
 */
import type { Context } from 'hono';
import { pageLinks, pageOf, pagingOf } from '../http/paging.ts';
import type { ClinikoEnv } from '../http/scope.ts';
import type { FieldTable } from '../query/fields.ts';
import { meetsAll } from '../query/filter.ts';
import { parseConditions, type Condition } from '../query/q-grammar.ts';
import { comparatorOf, parseSort } from '../query/sort.ts';
import type { StoredRecord } from '../store/types.ts';

export interface ListSpec {
  /** The body key: `patients`, `individual_appointments`. */
  readonly plural: string;
  readonly filters: FieldTable;
  /** Sortable columns: the filters, plus these. */
  readonly sortable?: FieldTable;
  /**
   * Stored fields that hide a record from default lists while set (`archived_at`, `cancelled_at`): any condition on
   * the field (`archived_at:*`, `archived_at:?`, `archived_at:>…`) replaces the default.
   */
  readonly hiddenWhenSet?: readonly string[];
}

/** The `q[]` conditions of a request (`q[]`, and a single `q=` as the older docs allow). */
export function conditionsOf(url: URL, filters: FieldTable, strict: boolean): Condition[] {
  return parseConditions([...url.searchParams.getAll('q[]'), ...url.searchParams.getAll('q')], filters, strict);
}

/** Answers a list of `records` (already narrowed by the route, e.g. to one patient) after the request's query. */
export function listResponse(
  c: Context<ClinikoEnv>,
  spec: ListSpec,
  records: readonly StoredRecord[],
  present: (record: StoredRecord) => object,
): Response {
  const { url, behaviour } = c.var.scope;
  const conditions = conditionsOf(url, spec.filters, behaviour.strictFilters);
  const sortKeys = parseSort(url.searchParams.get('sort') ?? undefined, url.searchParams.get('order') ?? undefined, {
    ...spec.filters,
    ...spec.sortable,
  });
  const paging = pagingOf(url);
  const hidden = (spec.hiddenWhenSet ?? []).filter((field) => !conditions.some((condition) => condition.source === field));
  const matches = records
    .filter((record) => hidden.every((field) => record[field] === null || record[field] === undefined))
    .filter((record) => meetsAll(record, conditions))
    .sort(comparatorOf(sortKeys));
  return jsonResponse({
    [spec.plural]: pageOf(matches, paging).map(present),
    total_entries: matches.length,
    links: pageLinks(url, paging, matches.length),
  });
}

/** A JSON answer as Cliniko sends it. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}

/** 204, as archive and cancel answer. */
export const noContent = (): Response => new Response(null, { status: 204 });
