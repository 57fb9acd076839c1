'use client';
/**
 * The headless PatientDashboard: which view is showing (create, profile, edit), for which patient, and that
 * patient's record in one request — the patient with their encounters, observations, prescriptions, allergies,
 * conditions, appointments, labs and notes (`usePatientRecord`, one `_revinclude` call). While the search index has
 * not caught up with a patient (just created, say), the record is the patient read by id with `complete: false`,
 * polled briefly; each section then says it is still syncing rather than "none".
 */
import type { PatientSummary } from '@clinikapi/core';
import { useState } from 'react';
import type { ClinikApiError } from '../../client/errors.ts';
import { usePatientRecord } from '../../hooks/usePatientRecord.ts';
import type { PatientLinkedPath } from '../../queries/patient-links.ts';
import { useFreshestPatient } from '../PatientRecord/useFreshestPatient.ts';
import { useReadableIncludes } from '../PatientRecord/useReadableIncludes.ts';

/** What the profile shows, fetched together in the one record request. */
export const DASHBOARD_INCLUDE = [
  'encounters',
  'observations',
  'prescriptions',
  'allergies',
  'conditions',
  'appointments',
  'labs',
  'notes',
] as const satisfies readonly PatientLinkedPath[];

export type PatientDashboardView = 'create' | 'profile' | 'edit';

export interface UsePatientDashboardOptions {
  /** The patient to show. Without one, the dashboard starts with the create view. */
  readonly patientId?: string | undefined;
  /** Called with the new patient after the create view saved one; the dashboard then shows their profile. */
  readonly onPatientCreated?: ((patient: PatientSummary) => void) | undefined;
  /** Called with the saved patient after an edit. */
  readonly onPatientUpdated?: ((patient: PatientSummary) => void) | undefined;
}

export interface PatientDashboardState {
  readonly view: PatientDashboardView;
  /** The patient shown: the `patientId` given, or the one just created. */
  readonly patientId: string | undefined;
  /** The newest version of the patient this screen knows of. */
  readonly patient: PatientSummary | undefined;
  readonly status: 'idle' | 'loading' | 'error' | 'ready';
  /** False while the record's linked lists lag the search index. */
  readonly complete: boolean;
  readonly error: ClinikApiError | null;
  readonly retry: () => void;
  readonly startEdit: () => void;
  readonly cancelEdit: () => void;
  /** The create view saved a patient. */
  readonly created: (patient: PatientSummary) => void;
  /** The edit view saved the patient. */
  readonly updated: (patient: PatientSummary) => void;
  /** What the last create or edit saved, for a confirmation. */
  readonly lastSaved: { readonly kind: 'created' | 'updated'; readonly patient: PatientSummary } | null;
}

export function usePatientDashboard(options: UsePatientDashboardOptions = {}): PatientDashboardState {
  const [createdId, setCreatedId] = useState<string | undefined>(undefined);
  const [editing, setEditing] = useState<{ readonly patientId: string | undefined } | null>(null);
  const [lastSaved, setLastSaved] = useState<PatientDashboardState['lastSaved']>(null);
  const patientId = options.patientId ?? createdId;
  // Only what the user may read is included (the same list PatientRecordProvider asks for); undefined while their
  // access is being read. The provider the profile renders in polls the record while it is incomplete; this reads.
  const include = useReadableIncludes(patientId, DASHBOARD_INCLUDE);
  const record = usePatientRecord(include ? patientId : undefined, { include: include ?? [], refetchInterval: false });
  const patient = useFreshestPatient(record.data?.patient, patientId);

  // An edit belongs to the patient it was started on: another patientId shows that patient's profile.
  const isEditing = editing !== null && editing.patientId === patientId && patient !== undefined;
  let view: PatientDashboardView = 'profile';
  if (!patientId) view = 'create';
  else if (isEditing) view = 'edit';

  let status: PatientDashboardState['status'] = 'ready';
  if (!patientId) status = 'idle';
  else if (!patient) status = record.isError ? 'error' : 'loading';

  return {
    view,
    patientId,
    patient,
    status,
    complete: record.data?.complete ?? true,
    error: record.error,
    retry: () => void record.refetch(),
    startEdit: () => {
      setLastSaved(null);
      setEditing({ patientId });
    },
    cancelEdit: () => setEditing(null),
    created: (created) => {
      setCreatedId(created.id);
      setLastSaved({ kind: 'created', patient: created });
      options.onPatientCreated?.(created);
    },
    updated: (saved) => {
      setEditing(null);
      setLastSaved({ kind: 'updated', patient: saved });
      options.onPatientUpdated?.(saved);
    },
    lastSaved,
  };
}
