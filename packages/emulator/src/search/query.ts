/**
 * Turns the query string of `GET /v1/{path}` into structured filters and a sort. Parameters are checked strictly —
 * an unknown parameter or a malformed date is a 400 naming it — because a client that misspells `patientId` and
 * silently gets every patient's records has a bug the emulator should show.
 */
import { ApiError, type ErrorIssue, type ResourceDefinition } from '@clinikapi/core';
import type { SearchFilter, SortKey } from '../store/types.ts';
import { SEARCH_DEFINITIONS } from './definitions.ts';
import { foldName, normaliseDate, normaliseToken, tokenParamsOf } from './index-keys.ts';

export interface ParsedSearch {
  readonly filters: SearchFilter[];
  readonly sort: SortKey[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ID = /^[A-Za-z0-9\-.]{1,64}$/;

const problem = (param: string, rule: string): ErrorIssue => ({
  severity: 'error',
  code: 'invalid',
  diagnostics: `${param}: ${rule}`,
  path: param,
});

/** The day after a `YYYY-MM-DD`, for an inclusive `dateTo`. */
function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** Query bounds on the normalised date key: `dateFrom` inclusive, `dateTo` inclusive of its whole day. */
export function dateBound(value: string, end: 'from' | 'to'): string | undefined {
  if (DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return end === 'from' ? value : nextDay(value);
  if (DATE_TIME.test(value)) {
    const normalised = normaliseDate(value);
    if (normalised === null) return undefined;
    // `< to` is exclusive: one millisecond on makes a date-time bound inclusive.
    return end === 'from' ? normalised : new Date(Date.parse(normalised) + 1).toISOString();
  }
  return undefined;
}

/** The sort fields a type offers: its date (by `date` or the element's own name), name, and lastUpdated. */
function sortFields(definition: ResourceDefinition): Map<string, SortKey['field']> {
  const fields = new Map<string, SortKey['field']>([
    ['lastUpdated', 'lastUpdated'],
    ['_lastUpdated', 'lastUpdated'],
    ['id', 'id'],
  ]);
  const dates = SEARCH_DEFINITIONS[definition.resourceType]?.date ?? [];
  if (dates.length > 0) {
    fields.set('date', 'date');
    for (const path of dates) fields.set(path.split('.')[0] as string, 'date');
  }
  if (definition.searchParams.includes('name')) fields.set('name', 'name');
  return fields;
}

export function parseSort(definition: ResourceDefinition, raw: string | null): SortKey[] {
  if (raw === null || raw.trim() === '') return defaultSort(definition);
  const fields = sortFields(definition);
  return raw.split(',').map((term) => {
    const descending = term.startsWith('-');
    const name = term.replace(/^[-+]/, '').trim();
    const field = fields.get(name);
    if (!field) {
      throw new ApiError('BAD_REQUEST', 'Unknown sort field', {
        issues: [
          problem('sort', `Must be one of ${[...fields.keys()].filter((key) => !key.startsWith('_')).join(', ')}, with - for descending`),
        ],
      });
    }
    return { field, descending };
  });
}

/** Named records sort by name; dated ones newest first; the rest most recently changed first. */
export function defaultSort(definition: ResourceDefinition): SortKey[] {
  if (definition.searchParams.includes('name')) return [{ field: 'name', descending: false }];
  if (SEARCH_DEFINITIONS[definition.resourceType]?.date) return [{ field: 'date', descending: true }];
  return [{ field: 'lastUpdated', descending: true }];
}

/** Token filter values: comma-separated alternatives, normalised like the stored tokens. */
export function tokenFilter(resourceType: string, param: string, raw: string): SearchFilter {
  const aliases = SEARCH_DEFINITIONS[resourceType]?.aliases?.[param] ?? {};
  const values = raw
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
  return { kind: 'token', tokens: values.map((value) => `${param}=${normaliseToken(param, aliases[value.toLowerCase()] ?? value)}`) };
}

/**
 * Parameters the official SDK's search types offer beyond the contract's, taken where their meaning is plain: a
 * note's `category`, and `date` — one day, or one instant — on notes and documents.
 */
const SDK_PARAMS: Readonly<Record<string, readonly string[]>> = { notes: ['category', 'date'], documents: ['date'] };

/** Filters and sort for a REST search; `count` and `cursor` are the paging module's. */
export function parseSearchQuery(definition: ResourceDefinition, query: URLSearchParams): ParsedSearch {
  const offered = [...definition.searchParams, ...(SDK_PARAMS[definition.path] ?? [])];
  const allowed = new Set([...offered, 'sort', 'count', 'cursor']);
  const issues: ErrorIssue[] = [];
  const filters: SearchFilter[] = [];
  const tokenParams = new Set(tokenParamsOf(definition.resourceType).filter((param) => offered.includes(param)));

  for (const param of new Set(query.keys())) {
    const values = query.getAll(param);
    const value = (values[values.length - 1] ?? '').trim();
    if (!allowed.has(param)) {
      issues.push(problem(param, `Unknown search parameter; ${definition.path} takes ${[...allowed].join(', ')}`));
      continue;
    }
    if (values.length > 1 && param !== 'count' && param !== 'cursor') {
      issues.push(problem(param, 'Give this parameter once; separate alternatives with commas'));
      continue;
    }
    if (param === 'count' || param === 'cursor' || param === 'sort') continue;
    if (value === '') {
      issues.push(problem(param, 'Must not be empty'));
      continue;
    }
    if (param === 'patientId') {
      if (ID.test(value)) filters.push({ kind: 'patient', patientId: value });
      else issues.push(problem(param, 'Must be an id'));
    } else if (param === 'date') {
      const from = dateBound(value, 'from');
      const to = dateBound(value, 'to');
      if (from === undefined || to === undefined)
        issues.push(problem(param, 'Must be a date in YYYY-MM-DD form, or a date-time with a time zone'));
      else filters.push({ kind: 'date', from, to });
    } else if (param === 'dateFrom' || param === 'dateTo') {
      const bound = dateBound(value, param === 'dateFrom' ? 'from' : 'to');
      if (bound === undefined) issues.push(problem(param, 'Must be a date in YYYY-MM-DD form, or a date-time with a time zone'));
      else filters.push({ kind: 'date', ...(param === 'dateFrom' ? { from: bound } : { to: bound }) });
    } else if (param === 'name') {
      filters.push({ kind: 'name', value: foldName(value) });
    } else if (tokenParams.has(param)) {
      if (param === 'active' && value !== 'true' && value !== 'false') issues.push(problem(param, 'Must be true or false'));
      else filters.push(tokenFilter(definition.resourceType, param, value));
    }
  }
  if (issues.length > 0) throw new ApiError('BAD_REQUEST', 'Invalid search parameters', { issues });
  return { filters, sort: parseSort(definition, query.get('sort')) };
}
