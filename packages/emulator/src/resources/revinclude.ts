/**
 * `GET /v1/patients/{id}?_revinclude=Observation:subject`: the patient and the records that point at them, as a
 * FHIR searchset Bundle — only the caller's own records, since every lookup is scoped like a search.
 */
import { ApiError, RESOURCE_CATALOGUE, findResourceByType, type Bundle, type ErrorIssue, type Resource } from '@clinikapi/core';
import type { EmulatorStore, StoredResource } from '../store/types.ts';
import type { Scope } from './service.ts';

/** Linked records per type in one bundle; a patient with more should be read through search pages. */
export const REVINCLUDE_LIMIT = 1000;

/** Types that belong to a patient, and the element that links them (`Observation` → `subject`). */
const PATIENT_LINKS = new Map(
  RESOURCE_CATALOGUE.filter((entry) => entry.patientLink && entry.patientLink !== 'self').map((entry) => [
    entry.resourceType as string,
    (entry.patientLink as string).split('.')[0] as string,
  ]),
);

/**
 * `Type:element` (or a bare `Type`, or `*` for every type) → resource types. The element may be the type's own link
 * or `patient` or `subject`, whichever the type has: the official SDK asks for both `Type:subject` and `Type:patient`
 * of every type it includes, and each names the same records.
 */
export function parseRevincludes(values: readonly string[]): string[] {
  const types = new Set<string>();
  const issues: ErrorIssue[] = [];
  for (const spec of values.flatMap((value) => value.split(',')).map((value) => value.trim())) {
    if (spec === '*') {
      for (const type of PATIENT_LINKS.keys()) types.add(type);
      continue;
    }
    const [type, element] = spec.split(':');
    const link = type ? PATIENT_LINKS.get(type) : undefined;
    // A type of the catalogue that belongs to no patient (the SDK asks for Medication) has no records to add.
    if (!link && type && findResourceByType(type) && (element === undefined || element === 'patient' || element === 'subject')) continue;
    if (!link || (element !== undefined && element !== link && element !== 'patient' && element !== 'subject')) {
      issues.push({
        severity: 'error',
        code: 'invalid',
        diagnostics: `_revinclude: Must be Type:element for a type that links to a patient, e.g. Observation:subject`,
        path: '_revinclude',
      });
      continue;
    }
    types.add(type as string);
  }
  if (issues.length > 0) throw new ApiError('BAD_REQUEST', 'Invalid _revinclude', { issues: issues.slice(0, 1) });
  return [...types];
}

const entryOf = (base: string, stored: StoredResource, mode: 'match' | 'include') => ({
  fullUrl: `${base}/v1/fhir/${stored.resourceType}/${stored.id}`,
  resource: stored.body,
  search: { mode },
});

/** Records of `types` in the patient's compartment, newest change first. */
export async function compartmentOf(
  store: EmulatorStore,
  scope: Scope,
  patientId: string,
  types: readonly string[] | null,
  limit: number,
): Promise<StoredResource[]> {
  const found: StoredResource[] = [];
  for (const type of types ?? [null]) {
    const result = await store.searchResources(
      { ...scope, resourceType: type },
      { filters: [{ kind: 'patient', patientId }], sort: [{ field: 'lastUpdated', descending: true }], offset: 0, limit },
    );
    found.push(...result.resources.filter((stored) => stored.resourceType !== 'Patient'));
  }
  return found;
}

export async function revincludeBundle(
  store: EmulatorStore,
  scope: Scope,
  patient: StoredResource,
  specs: readonly string[],
  base: string,
): Promise<Bundle> {
  const types = parseRevincludes(specs);
  const included = await compartmentOf(store, scope, patient.id, types, REVINCLUDE_LIMIT);
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: 1,
    entry: [entryOf(base, patient, 'match'), ...included.map((stored) => entryOf(base, stored, 'include'))] as Bundle['entry'],
  } as Bundle & { entry: { resource: Resource }[] };
}
