/**
 * The widget resources that belong to a patient, each with the `_revinclude` value that brings a patient's records
 * of it along (`Observation:subject`): the FHIR type, and the search parameter over its patient element — the
 * element itself when it is one step (`subject`, `patient`), else `patient`, which each of these types defines.
 * These are what a patient record can include, and whose writes refresh exactly one patient's record; a write of
 * any other path refreshes every cached record instead (they are few, and only mounted ones refetch).
 *
 * A copy of what `RESOURCE_CATALOGUE` says, kept here on purpose: `@clinikapi/core`'s runtime bundle carries zod,
 * which would triple the hooks' size. The compiler checks each type against the catalogue's, and `queries.test.ts`
 * checks the table against `RESOURCE_CATALOGUE` at run time, so they cannot drift.
 */
import type { ResourcePath, ResourceTypeOf } from '@clinikapi/core';

/**
 * A resource path whose records belong to a patient: what `usePatientRecord` can include. Written out (the table
 * below must name each, and only these), so the public type does not name the table.
 */
export type PatientLinkedPath =
  | 'encounters'
  | 'observations'
  | 'appointments'
  | 'prescriptions'
  | 'intakes'
  | 'consents'
  | 'labs'
  | 'notes'
  | 'assessments'
  | 'documents'
  | 'care-plans'
  | 'immunizations'
  | 'allergies'
  | 'conditions'
  | 'goals';

export const PATIENT_REVINCLUDES: Readonly<Record<PatientLinkedPath, string>> = {
  encounters: 'Encounter:subject',
  observations: 'Observation:subject',
  appointments: 'Appointment:patient',
  prescriptions: 'MedicationRequest:subject',
  intakes: 'QuestionnaireResponse:subject',
  consents: 'Consent:patient',
  labs: 'DiagnosticReport:subject',
  notes: 'DocumentReference:subject',
  assessments: 'ClinicalImpression:subject',
  documents: 'Composition:subject',
  'care-plans': 'CarePlan:subject',
  immunizations: 'Immunization:patient',
  allergies: 'AllergyIntolerance:patient',
  conditions: 'Condition:subject',
  goals: 'Goal:subject',
} as const satisfies { readonly [P in ResourcePath]?: `${ResourceTypeOf<P>}:${string}` };

/** The widget resources that belong to no patient. */
export const UNLINKED_WIDGET_PATHS: readonly ResourcePath[] = ['practitioners', 'practitioner-roles', 'medications'];

/** The linked path that stores `resourceType`, if any. */
export function linkedPathOfType(resourceType: string): PatientLinkedPath | undefined {
  return (Object.keys(PATIENT_REVINCLUDES) as PatientLinkedPath[]).find((path) => PATIENT_REVINCLUDES[path].startsWith(`${resourceType}:`));
}

/**
 * The ids of the patients a record points at, e.g. `['123']`: every `Patient/…` reference in it (the patient
 * element, and the rare self-reported performer, which is the same patient). A patient is its own id.
 */
export function patientIdsOf(path: string, resource: unknown): string[] {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (!value || typeof value !== 'object') return;
    for (const [key, field] of Object.entries(value)) {
      if (key === 'reference' && typeof field === 'string' && field.startsWith('Patient/')) found.add(field.slice(8));
      else visit(field);
    }
  };
  if (path === 'patients') {
    const id = (resource as { id?: unknown } | null)?.id;
    if (typeof id === 'string') found.add(id);
  } else visit(resource);
  return [...found];
}
