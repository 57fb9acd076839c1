/**
 * Request bodies of every path as the official SDK sends them: the smallest the contract allows (its required
 * fields only) and one with (nearly) every field. Written by hand from the contract; the placeholders of the shared
 * fixtures are replaced by a real patient's id.
 */
import { RESOURCE_CATALOGUE, type ResourcePath } from '@clinikapi/core';
import { OTHER_FULL_EXAMPLES, OTHER_MINIMAL_EXAMPLES } from '../../../core/test/other-examples.ts';
import { PATIENT_ID } from '../../../core/test/widget-examples.ts';
import { FULL_EXAMPLES, PATIENT } from '../fixtures/full-examples.ts';

type Body = Record<string, unknown>;

/** The required fields only, for the 19 paths the widgets use (the other 43 are in the shared fixtures). */
const WIDGET_PATH_MINIMAL_BODIES = {
  patients: { firstName: 'Ada', lastName: 'Quist' },
  practitioners: { firstName: 'Ravi', lastName: 'Shah' },
  'practitioner-roles': { practitionerId: 'prac-1', role: 'doctor' },
  encounters: { status: 'planned', class: 'AMB', patientId: PATIENT },
  observations: { status: 'final', code: 'Heart rate', patientId: PATIENT },
  medications: { code: 'Amoxicillin 500 mg' },
  appointments: { status: 'booked', patientId: PATIENT },
  prescriptions: { patientId: PATIENT, prescriberId: 'prac-1', medication: 'Amoxicillin 500 mg' },
  intakes: { patientId: PATIENT, items: [{ linkId: 'reason', answer: [{ valueString: 'Headache' }] }] },
  consents: { patientId: PATIENT, scope: 'patient-privacy', category: 'hipaa-notice' },
  labs: { status: 'final', code: 'CBC', patientId: PATIENT },
  notes: { patientId: PATIENT, title: 'Visit note', content: 'Doing well' },
  assessments: { status: 'completed', patientId: PATIENT, summary: 'Stable' },
  documents: {
    status: 'final',
    type: 'Discharge summary',
    patientId: PATIENT,
    practitionerId: 'prac-1',
    title: 'Discharge',
    sections: [{ title: 'Course', text: 'Uneventful' }],
  },
  conditions: { patientId: PATIENT },
  allergies: { patientId: PATIENT },
  immunizations: { status: 'completed', vaccineCode: 'MMR', patientId: PATIENT },
  'care-plans': { status: 'active', intent: 'plan', patientId: PATIENT },
  goals: { lifecycleStatus: 'active', description: 'Walk daily', patientId: PATIENT },
} satisfies Partial<Record<ResourcePath, Body>>;

/** `body` with every placeholder patient id replaced by `patientId`. */
export function forPatient<T>(body: T, patientId: string): T {
  return JSON.parse(JSON.stringify(body).replaceAll(PATIENT, patientId).replaceAll(PATIENT_ID, patientId)) as T;
}

const bodies = (minimal: Record<string, Body>, full: Record<string, Body>) =>
  RESOURCE_CATALOGUE.map(({ path }) => ({ path, minimal: minimal[path] as Body, full: full[path] as Body }));

/** Both bodies of every catalogue path, in the catalogue's order. */
export const CONTRACT_BODIES = bodies(
  { ...WIDGET_PATH_MINIMAL_BODIES, ...OTHER_MINIMAL_EXAMPLES },
  { ...FULL_EXAMPLES, ...OTHER_FULL_EXAMPLES },
);
