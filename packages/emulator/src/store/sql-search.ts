/**
 * Builds the SQL of a search from structured filters. Values are always parameters, never spliced into the text;
 * each clause mirrors a rule of the memory store (`memory-search.ts`).
 */
import type { SearchFilter, SearchScope, SortKey } from './types.ts';

/** `%` and `_` are wildcards in LIKE; a search for "50%" must match the text "50%", not everything after "50". */
const likeContains = (value: string): string => `%${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

export interface SqlWhere {
  readonly text: string;
  readonly params: unknown[];
}

export function whereOf(scope: SearchScope, filters: readonly SearchFilter[]): SqlWhere {
  const params: unknown[] = [scope.datastore, scope.tenant];
  const conditions = ['datastore = $1', 'tenant = $2'];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  if (scope.resourceType !== null) conditions.push(`resource_type = ${param(scope.resourceType)}`);
  for (const filter of filters) {
    switch (filter.kind) {
      case 'name':
        conditions.push(`name_text like ${param(likeContains(filter.value.toLowerCase()))}`);
        break;
      case 'token':
        conditions.push(`tokens && ${param([...filter.tokens])}::text[]`);
        break;
      case 'patient':
        conditions.push(`patient_id = ${param(filter.patientId)}`);
        break;
      case 'date':
        conditions.push('date_key is not null');
        if (filter.from !== undefined) conditions.push(`date_key collate "C" >= ${param(filter.from)}`);
        if (filter.to !== undefined) conditions.push(`date_key collate "C" < ${param(filter.to)}`);
        break;
      case 'ids':
        conditions.push(`id = any(${param([...filter.ids])}::text[])`);
        break;
      case 'updatedAfter':
        conditions.push(`last_updated collate "C" > ${param(filter.after)}`);
        break;
    }
  }
  return { text: conditions.join(' and '), params };
}

const SORT_COLUMNS: Readonly<Record<SortKey['field'], string>> = {
  name: 'name_sort',
  date: 'date_key',
  lastUpdated: 'last_updated',
  id: 'id',
};

/** `order by`: code-unit (`"C"`) order, missing values last whatever the direction, then the id. */
export function orderOf(sort: readonly SortKey[], alias = ''): string {
  const prefix = alias ? `${alias}.` : '';
  const terms = sort.map((key) => `${prefix}${SORT_COLUMNS[key.field]} collate "C" ${key.descending ? 'desc' : 'asc'} nulls last`);
  return [...terms, `${prefix}id collate "C" asc`].join(', ');
}

/**
 * One statement for a page and the total: the matching rows are found once (materialised, so the planner cannot
 * trade the name index for a walk of the whole table in name order), counted, sorted, and only the page's rows are
 * joined back for their bodies.
 */
export function pageQuery(where: SqlWhere, sort: readonly SortKey[], columns: string): { text: string; params: unknown[] } {
  const count = where.params.length;
  return {
    text: `with matches as materialized (
             select resource_type, id, name_sort, date_key, last_updated from resources where ${where.text}
           )
           select ${columns
             .split(', ')
             .map((column) => `r.${column}`)
             .join(', ')}, (select count(*) from matches)::integer as total
             from (select resource_type, id, name_sort, date_key, last_updated
                     from matches order by ${orderOf(sort)} limit $${count + 1} offset $${count + 2}) page
             join resources r on r.datastore = $1 and r.tenant = $2 and r.resource_type = page.resource_type and r.id = page.id
            order by ${orderOf(sort, 'page')}`,
    params: where.params,
  };
}
