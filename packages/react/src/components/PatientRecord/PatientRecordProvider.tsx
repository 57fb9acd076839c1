'use client';
/**
 * Lets the record viewers below it share one `usePatientRecord` round trip instead of each searching for its own
 * records. PatientDashboard wraps its sections in one; an app composing its own patient screen can do the same:
 *
 *   <PatientRecordProvider patientId={id} include={['prescriptions', 'encounters']}>
 *     <MedicationList patientId={id} /> <EncounterTimeline patientId={id} />
 *   </PatientRecordProvider>
 *
 * A viewer uses the shared record only for the same patient and a path the record includes; otherwise it searches.
 */
import { useMemo, type ReactNode } from 'react';
import { usePatientRecord } from '../../hooks/usePatientRecord.ts';
import { useReadableIncludes } from './useReadableIncludes.ts';
import type { PatientLinkedPath } from '../../queries/patient-links.ts';
import { PatientRecordContext, type PatientRecordScope } from './patient-record-scope.ts';

export interface PatientRecordProviderProps extends PatientRecordScope {
  readonly children: ReactNode;
}

export function PatientRecordProvider({ patientId, include: wanted, children }: PatientRecordProviderProps): ReactNode {
  const include = useReadableIncludes(patientId, wanted);
  // The provider owns the record: it fetches it, and polls it while the search index lags. The viewers below only
  // read it (see `SHARED_RECORD_READ`), so one screen makes one request however many sections it has.
  usePatientRecord(include ? patientId : undefined, { include: include ?? [] });
  const includeKey = [...(include ?? [])].sort().join(',');
  // Keyed by content: an inline `include={[...]}` must not give every viewer a new scope on each render.
  const scope = useMemo<PatientRecordScope>(
    () => ({ patientId, include: includeKey ? (includeKey.split(',') as PatientLinkedPath[]) : [] }),
    [patientId, includeKey],
  );
  return <PatientRecordContext.Provider value={scope}>{children}</PatientRecordContext.Provider>;
}
