/**
 * FHIR-style search parameters of the passthrough (`Observation?patient=123&code=8867-4&date=ge2025-01-01`), turned
 * into the same structured filters as the REST search. Like the REST search it refuses what it does not know.
 */
import { ApiError, PAGE_SIZE, TENANT_TAG_SYSTEM, type ErrorIssue, type ResourceDefinition } from '@clinikapi/core';
import { tokenParamsOf } from '../search/index-keys.ts';
import { dateBound, parseSort, tokenFilter } from '../search/query.ts';
import type { Page, SearchFilter, SortKey } from '../store/types.ts';

export interface FhirSearch {
  readonly filters: SearchFilter[];
  readonly sort: SortKey[];
  readonly page: Page;
  /** True when the query can match nothing (a `_tag` naming another tenant). */
  readonly empty: boolean;
}

const ID = /^[A-Za-z0-9\-.]{1,64}$/;
/** FHIR's lower-case names for the catalogue's camel-case parameters. */
const ALIASES: Readonly<Record<string, string>> = {
  birthdate: 'birthDate',
  'clinical-status': 'clinicalStatus',
  'verification-status': 'verificationStatus',
};

const bad = (param: string, rule: string): ErrorIssue => ({
  severity: 'error',
  code: 'invalid',
  diagnostics: `${param}: ${rule}`,
  path: param,
});

/** `ge2025-01-01`, `lt2025-02-01T00:00:00Z`, `2025-01-01` (eq) → a date filter. */
function dateFilter(raw: string): SearchFilter | undefined {
  const match = /^(eq|ge|gt|le|lt)?(.+)$/.exec(raw);
  const prefix = match?.[1] ?? 'eq';
  const value = match?.[2] ?? '';
  const from = dateBound(value, 'from');
  const to = dateBound(value, 'to');
  if (from === undefined || to === undefined) return undefined;
  switch (prefix) {
    case 'eq':
      return { kind: 'date', from, to };
    case 'ge':
      return { kind: 'date', from };
    case 'gt':
      return { kind: 'date', from: to };
    case 'le':
      return { kind: 'date', to };
    default:
      return { kind: 'date', to: from };
  }
}

export function parseFhirSearch(definition: ResourceDefinition, query: URLSearchParams, tenant: string): FhirSearch {
  const issues: ErrorIssue[] = [];
  const filters: SearchFilter[] = [];
  const tokens = new Set(tokenParamsOf(definition.resourceType));
  const linked = definition.patientLink !== null && definition.patientLink !== 'self';
  let empty = false;
  let limit: number = PAGE_SIZE.default;
  let offset = 0;

  for (const [rawName, rawValue] of query) {
    const name = ALIASES[rawName] ?? rawName;
    const value = rawValue.trim();
    if (value === '') {
      issues.push(bad(rawName, 'Must not be empty'));
    } else if (name === '_count') {
      limit = Number(value);
      if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_SIZE.max)
        issues.push(bad(name, `Must be an integer from 1 to ${PAGE_SIZE.max}`));
    } else if (name === '_offset') {
      offset = Number(value);
      if (!Number.isSafeInteger(offset) || offset < 0) issues.push(bad(name, 'Must be a whole number'));
    } else if (name === '_sort') {
      // Validated below with the other sort rules.
    } else if (name === '_id') {
      const ids = value.split(',').map((id) => id.trim());
      if (ids.every((id) => ID.test(id))) filters.push({ kind: 'ids', ids });
      else issues.push(bad(name, 'Must be ids separated by commas'));
    } else if (name === '_tag') {
      // Every search is already limited to the caller's tenant; naming another tenant's tag matches nothing.
      const [system, code] = value.includes('|') ? value.split('|') : [undefined, value];
      if (system === TENANT_TAG_SYSTEM && code !== tenant) empty = true;
      else if (system !== TENANT_TAG_SYSTEM) issues.push(bad(name, `Only the tenant tag (${TENANT_TAG_SYSTEM}|…) can be searched`));
    } else if (name === '_lastUpdated') {
      const match = /^gt(.+)$/.exec(value);
      const after = match?.[1] && dateBound(match[1], 'from');
      if (after) filters.push({ kind: 'updatedAfter', after });
      else issues.push(bad(name, 'Must be gt followed by a date or date-time'));
    } else if ((name === 'patient' || name === 'subject') && linked) {
      const id = value.replace(/^Patient\//, '');
      if (ID.test(id)) filters.push({ kind: 'patient', patientId: id });
      else issues.push(bad(name, 'Must be Patient/{id} or an id'));
    } else if (name === 'date' && definition.searchParams.includes('dateFrom')) {
      const filter = dateFilter(value);
      if (filter) filters.push(filter);
      else issues.push(bad(name, 'Must be a date, optionally prefixed with eq, ge, gt, le or lt'));
    } else if (name === 'name' && definition.searchParams.includes('name')) {
      filters.push({ kind: 'name', value });
    } else if (tokens.has(name)) {
      filters.push(tokenFilter(definition.resourceType, name, value));
    } else {
      issues.push(bad(rawName, `Not a search parameter of ${definition.resourceType} here`));
    }
  }
  if (issues.length > 0) throw new ApiError('BAD_REQUEST', 'Invalid search parameters', { issues });
  return { filters, sort: parseSort(definition, query.get('_sort')), page: { offset, limit }, empty };
}
