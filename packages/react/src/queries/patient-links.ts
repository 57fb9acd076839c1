/**
 * For each widget resource tied to a patient: its FHIR type and the element that holds the patient reference. The
 * FHIR search parameter over that element, which `_revinclude=Type:param` names, is the element's last step
 * (`participant.actor` → `actor`). These are what a patient record
 * can include and whose writes refresh exactly one patient's record; a write of any other path refreshes every
 * cached record instead (they are few, and only mounted ones refetch).
 *
 * A copy of three columns of `RESOURCE_CATALOGUE`, kept here on purpose: `@clinikapi/core`'s runtime bundle carries
 * zod, which would triple the hooks' size. The compiler checks each type against the catalogue's, and
 * `queries.test.ts` checks the table against `RESOURCE_CATALOGUE` at run time, so they cannot drift.
 */
import type { ResourcePath, ResourceTypeOf } from '@clinikapi/core';

type PatientLinkEntry<P extends ResourcePath> = readonly [resourceType: ResourceTypeOf<P>, element: string];

export const PATIENT_LINKS = {
  encounters: ['Encounter', 'subject'],
  observations: ['Observation', 'subject'],
  appointments: ['Appointment', 'participant.actor'],
  prescriptions: ['MedicationRequest', 'subject'],
  intakes: ['QuestionnaireResponse', 'subject'],
  consents: ['Consent', 'patient'],
  labs: ['DiagnosticReport', 'subject'],
  notes: ['DocumentReference', 'subject'],
  assessments: ['ClinicalImpression', 'subject'],
  documents: ['Composition', 'subject'],
  'care-plans': ['CarePlan', 'subject'],
  immunizations: ['Immunization', 'patient'],
  allergies: ['AllergyIntolerance', 'patient'],
  conditions: ['Condition', 'subject'],
  goals: ['Goal', 'subject'],
} as const satisfies { readonly [P in ResourcePath]?: PatientLinkEntry<P> };

/** The widget resources that belong to no patient. */
export const UNLINKED_WIDGET_PATHS: readonly ResourcePath[] = ['practitioners', 'practitioner-roles', 'medications'];

/** A resource path whose records belong to a patient: what `usePatientRecord` can include. */
export type PatientLinkedPath = keyof typeof PATIENT_LINKS;

const pathByType = new Map<string, PatientLinkedPath>(
  Object.entries(PATIENT_LINKS).map(([path, [resourceType]]) => [resourceType, path as PatientLinkedPath]),
);

/** The linked path that stores `resourceType`, if any. */
export function linkedPathOfType(resourceType: string): PatientLinkedPath | undefined {
  return pathByType.get(resourceType);
}

/** `Observation:subject`: the `_revinclude` value that brings a patient's records of `path` along. */
export function revincludeOf(path: PatientLinkedPath): string {
  const [resourceType, element] = PATIENT_LINKS[path];
  return `${resourceType}:${element.slice(element.lastIndexOf('.') + 1)}`;
}

/** The ids of the patients a record of `path` points at (through its patient element), e.g. `['123']`. */
export function patientIdsOf(path: string, resource: unknown): string[] {
  if (path === 'patients') {
    const id = (resource as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? [id] : [];
  }
  const link = (PATIENT_LINKS as Readonly<Record<string, PatientLinkEntry<ResourcePath>>>)[path];
  if (!link) return [];
  let values: unknown[] = [resource];
  for (const step of link[1].split('.')) {
    values = values
      .flatMap((value) => (Array.isArray(value) ? value : [value]))
      .map((value) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[step] : undefined));
  }
  return values
    .flatMap((value) => (Array.isArray(value) ? value : [value]))
    .map((reference) => (reference as { reference?: unknown } | undefined)?.reference)
    .filter((reference): reference is string => typeof reference === 'string' && reference.startsWith('Patient/'))
    .map((reference) => reference.slice('Patient/'.length));
}
