/**
 * The 19 widget resources as a table for the CRUD tests: each path's named hooks, a valid create body (the shared
 * widget examples core and the emulator test with, pointed at a real patient), and an update whose new text must
 * show up in the answer whatever FHIR element the emulator maps it to.
 */
import type { MappedResourcePath } from '@clinikapi/core';
import type { UseInfiniteQueryResult, UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { WIDGET_EXAMPLES } from '../../../core/test/widget-examples.ts';
import type { ClinikApiError } from '../client/errors.ts';
import * as allergies from '../hooks/resources/allergies.ts';
import * as appointments from '../hooks/resources/appointments.ts';
import * as assessments from '../hooks/resources/assessments.ts';
import * as carePlans from '../hooks/resources/care-plans.ts';
import * as conditions from '../hooks/resources/conditions.ts';
import * as consents from '../hooks/resources/consents.ts';
import * as documents from '../hooks/resources/documents.ts';
import * as encounters from '../hooks/resources/encounters.ts';
import * as goals from '../hooks/resources/goals.ts';
import * as immunizations from '../hooks/resources/immunizations.ts';
import * as intakes from '../hooks/resources/intakes.ts';
import * as labs from '../hooks/resources/labs.ts';
import * as medications from '../hooks/resources/medications.ts';
import * as notes from '../hooks/resources/notes.ts';
import * as observations from '../hooks/resources/observations.ts';
import * as patients from '../hooks/resources/patients.ts';
import * as practitionerRoles from '../hooks/resources/practitioner-roles.ts';
import * as practitioners from '../hooks/resources/practitioners.ts';
import * as prescriptions from '../hooks/resources/prescriptions.ts';

interface Versioned {
  readonly id: string;
  readonly meta: { readonly versionId: string };
}

/** The six named hooks of one path, typed loosely enough to drive them all from one table. */
export interface HookFamily {
  readonly useOne: (id: string | undefined) => UseQueryResult<Versioned, ClinikApiError>;
  readonly useSearch: (params?: Record<string, string>) => UseQueryResult<{ data: readonly Versioned[] }, ClinikApiError>;
  readonly useInfiniteSearch: (
    params?: Record<string, string>,
  ) => UseInfiniteQueryResult<{ pages: Array<{ data: readonly Versioned[] }> }, ClinikApiError>;
  readonly useCreate: () => UseMutationResult<Versioned, ClinikApiError, Record<string, unknown>>;
  readonly useUpdate: () => UseMutationResult<Versioned, ClinikApiError, { id: string; changes: Record<string, unknown> }>;
  readonly useDelete: () => UseMutationResult<void, ClinikApiError, { id: string }>;
}

function family(module: Record<string, unknown>, one: string, many: string): HookFamily {
  const hook = (name: string): never => {
    if (typeof module[name] !== 'function') throw new Error(`missing export ${name}`);
    return module[name] as never;
  };
  return {
    useOne: hook(`use${one}`),
    useSearch: hook(`use${many}`),
    useInfiniteSearch: hook(`useInfinite${many}`),
    useCreate: hook(`useCreate${one}`),
    useUpdate: hook(`useUpdate${one}`),
    useDelete: hook(`useDelete${one}`),
  };
}

export interface ResourceCase {
  readonly path: MappedResourcePath;
  readonly hooks: HookFamily;
  /** A change to send, and a text the answer must then contain (and did not before). */
  readonly update: { readonly changes: Record<string, unknown>; readonly shows: string };
}

export const RESOURCE_CASES: readonly ResourceCase[] = [
  { path: 'patients', hooks: family(patients, 'Patient', 'Patients'), update: { changes: { phone: '+1 555 0199' }, shows: '+1 555 0199' } },
  {
    path: 'practitioners',
    hooks: family(practitioners, 'Practitioner', 'Practitioners'),
    update: { changes: { specialty: 'Nephrology' }, shows: 'Nephrology' },
  },
  {
    path: 'practitioner-roles',
    hooks: family(practitionerRoles, 'PractitionerRole', 'PractitionerRoles'),
    update: { changes: { locationName: 'North Wing Clinic' }, shows: 'North Wing Clinic' },
  },
  {
    path: 'encounters',
    hooks: family(encounters, 'Encounter', 'Encounters'),
    update: { changes: { reasonCode: 'Chest pain review' }, shows: 'Chest pain review' },
  },
  {
    path: 'observations',
    hooks: family(observations, 'Observation', 'Observations'),
    update: { changes: { status: 'amended' }, shows: '"amended"' },
  },
  {
    path: 'medications',
    hooks: family(medications, 'Medication', 'Medications'),
    update: { changes: { manufacturer: 'Northwind Pharma' }, shows: 'Northwind Pharma' },
  },
  {
    path: 'prescriptions',
    hooks: family(prescriptions, 'Prescription', 'Prescriptions'),
    update: { changes: { note: 'Take with food' }, shows: 'Take with food' },
  },
  {
    path: 'appointments',
    hooks: family(appointments, 'Appointment', 'Appointments'),
    update: { changes: { description: 'Moved to a video call' }, shows: 'Moved to a video call' },
  },
  { path: 'intakes', hooks: family(intakes, 'Intake', 'Intakes'), update: { changes: { status: 'amended' }, shows: '"amended"' } },
  { path: 'consents', hooks: family(consents, 'Consent', 'Consents'), update: { changes: { status: 'inactive' }, shows: '"inactive"' } },
  {
    path: 'labs',
    hooks: family(labs, 'Lab', 'Labs'),
    update: { changes: { conclusion: 'Within normal limits' }, shows: 'Within normal limits' },
  },
  {
    path: 'notes',
    hooks: family(notes, 'Note', 'Notes'),
    update: { changes: { title: 'Follow-up Visit - Revised' }, shows: 'Follow-up Visit - Revised' },
  },
  {
    path: 'assessments',
    hooks: family(assessments, 'Assessment', 'Assessments'),
    update: { changes: { note: 'Review in three months' }, shows: 'Review in three months' },
  },
  {
    path: 'documents',
    hooks: family(documents, 'Document', 'Documents'),
    update: { changes: { title: 'Discharge summary (revised)' }, shows: 'Discharge summary (revised)' },
  },
  {
    path: 'conditions',
    hooks: family(conditions, 'Condition', 'Conditions'),
    update: { changes: { note: 'Improving on treatment' }, shows: 'Improving on treatment' },
  },
  {
    path: 'allergies',
    hooks: family(allergies, 'Allergy', 'Allergies'),
    update: { changes: { note: 'Confirmed by the patient' }, shows: 'Confirmed by the patient' },
  },
  {
    path: 'immunizations',
    hooks: family(immunizations, 'Immunization', 'Immunizations'),
    update: { changes: { note: 'Mild soreness reported' }, shows: 'Mild soreness reported' },
  },
  {
    path: 'care-plans',
    hooks: family(carePlans, 'CarePlan', 'CarePlans'),
    update: { changes: { title: 'Revised diabetes plan' }, shows: 'Revised diabetes plan' },
  },
  {
    path: 'goals',
    hooks: family(goals, 'Goal', 'Goals'),
    update: { changes: { note: 'Target moved to 6.5%' }, shows: 'Target moved to 6.5%' },
  },
];

/** A valid create body for `path`, tied to `patientId` when the path belongs to a patient. */
export function createBodyFor(path: MappedResourcePath, patientId: string): Record<string, unknown> {
  const example = structuredClone(WIDGET_EXAMPLES[path]);
  return 'patientId' in example ? { ...example, patientId } : example;
}
