'use client';
/**
 * The headless PatientHeader: who the patient is — name, age, sex, contact, language — and the allergies a
 * clinician must see before anything else. Inside a `PatientRecordProvider` for this patient it reads the shared
 * record; on its own it reads the patient by id (always current) and searches their allergies.
 */
import type { AllergyIntolerance, PatientSummary } from '@clinikapi/core';
import type { ClinikApiError } from '../../client/errors.ts';
import { usePatient } from '../../hooks/resources/patients.ts';
import { usePatientRecord } from '../../hooks/usePatientRecord.ts';
import { conceptCode } from '../../headless/fhir-display.ts';
import { SHARED_RECORD_READ, usePatientRecordScope } from '../PatientRecord/patient-record-scope.ts';
import { useFreshestPatient } from '../PatientRecord/useFreshestPatient.ts';
import { useLinkedRecords, type LinkedRecords } from '../PatientRecord/useLinkedRecords.ts';
import { useNow } from '../PatientRecord/useNow.ts';
import { ageOf, type PatientAge } from './patient-facts.ts';
import type { ViewerHookOptions } from '../../headless/widget-hook-options.ts';

export interface UsePatientHeaderOptions extends ViewerHookOptions {
  /** Show the patient's active allergies. Default true. */
  readonly showAllergies?: boolean | undefined;
  /** The time ages are counted to, in ms. Default: now. */
  readonly now?: number | undefined;
}

export interface PatientHeaderState {
  readonly status: 'loading' | 'error' | 'ready';
  readonly patient: PatientSummary | undefined;
  readonly error: ClinikApiError | null;
  readonly retry: () => void;
  readonly age: PatientAge | undefined;
  /** Active allergies, high-risk first; `undefined` when not shown. */
  readonly allergies:
    (Omit<LinkedRecords<AllergyIntolerance>, 'records'> & { readonly records: readonly AllergyIntolerance[] }) | undefined;
}

const INACTIVE = ['inactive', 'resolved'];

export function usePatientHeader(options: UsePatientHeaderOptions): PatientHeaderState {
  const { patientId, showAllergies = true } = options;
  const scope = usePatientRecordScope();
  const shared = scope !== null && scope.patientId === patientId;
  const record = usePatientRecord(shared ? patientId : undefined, { include: scope?.include ?? [], ...SHARED_RECORD_READ });
  const read = usePatient(shared ? undefined : patientId);
  const freshest = useFreshestPatient(record.data?.patient, shared ? patientId : undefined);
  const source = shared ? { data: freshest, query: record } : { data: read.data, query: read };
  const allergies = useLinkedRecords('allergies', showAllergies ? patientId : '');
  const now = useNow(options.now);

  const patient = source.data;
  let status: PatientHeaderState['status'] = 'ready';
  if (!patient) status = source.query.isError ? 'error' : 'loading';
  const active = allergies.records
    .filter((allergy) => !INACTIVE.includes(conceptCode(allergy.clinicalStatus) ?? ''))
    .sort((a, b) => Number(b.criticality === 'high') - Number(a.criticality === 'high'));

  return {
    status,
    patient,
    error: source.query.error,
    retry: () => void source.query.refetch(),
    age: ageOf(patient?.birthDate, now),
    allergies: showAllergies
      ? { ...allergies, records: active, status: allergies.status === 'ready' && active.length === 0 ? 'empty' : allergies.status }
      : undefined,
  };
}
