'use client';
/**
 * The newest version of a patient this screen knows of. A patient record comes through the search index, which
 * trails writes by about 10 s; right after an edit or a create the read-by-id cache (which the write hooks fill
 * from the server's answer) is newer, and a screen that showed the record's copy would undo the user's own change
 * before their eyes. Nothing is fetched here: only what is already cached is compared.
 */
import type { PatientSummary } from '@clinikapi/core';
import { usePatient } from '../../hooks/resources/patients.ts';
import { timeOf } from './dates.ts';

export function newerPatient(a: PatientSummary | undefined, b: PatientSummary | undefined): PatientSummary | undefined {
  if (!a || !b) return a ?? b;
  return timeOf(b.meta.lastUpdated) > timeOf(a.meta.lastUpdated) ? b : a;
}

export function useFreshestPatient(fromRecord: PatientSummary | undefined, patientId: string | undefined): PatientSummary | undefined {
  const cached = usePatient(patientId, { enabled: false });
  return newerPatient(fromRecord, cached.data?.id === patientId ? cached.data : undefined);
}
