/**
 * Test data generated from the catalogue: one FHIR record of any catalogue type, tied to a patient through the
 * type's own patient link (`subject`, `participant.actor`, `link.target`, ...), or to no patient for the types that
 * belong to none. The attack suites use it to put every type into every answer.
 */
import { RESOURCE_CATALOGUE, type ResourceDefinition } from '@clinikapi/core';

/** A FHIR record of `definition`'s type with id `id`, belonging to `patientId` (ignored for types of no patient). */
export function recordOf(definition: ResourceDefinition, id: string, patientId: string): Record<string, unknown> {
  const record: Record<string, unknown> = { resourceType: definition.resourceType, id };
  if (definition.patientLink === 'self') return { ...record, id: patientId };
  if (definition.patientLink === null) return record;
  const [first, ...rest] = definition.patientLink.split('.') as [string, ...string[]];
  let value: unknown = { reference: `Patient/${patientId}` };
  for (const key of [...rest].reverse()) value = [{ [key]: value }];
  // A one-step link is a Reference (`subject`); a nested one is a list of elements holding it (`participant.actor`).
  record[first] = value;
  return record;
}

/** The element name a `_revinclude` of `definition` uses: the first step of its patient link. */
export function revincludeElement(definition: ResourceDefinition): string {
  return (definition.patientLink ?? 'subject').split('.')[0] as string;
}

/** Types that belong to a patient through a link of their own (everything a patient's `_revinclude=*` can bring). */
export const PATIENT_LINKED = RESOURCE_CATALOGUE.filter(
  (definition) => definition.patientLink !== null && definition.patientLink !== 'self',
);

/** Every catalogue type. */
export const ALL_TYPES: readonly ResourceDefinition[] = RESOURCE_CATALOGUE;
