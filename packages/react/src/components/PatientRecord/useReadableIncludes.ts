'use client';
/**
 * The linked paths a patient record should include for this user: those their access lets them read (none while it
 * is being read: the record waits, rather than ask for what the proxy would refuse). A record whose includes were
 * refused (403 — with no grants known, one unreadable type refuses the whole request) falls back to the patient
 * alone, so the sections search on their own and each learns its own answer: a front desk still sees the patient.
 */
import { useAccess } from '../../access/useAccess.ts';
import { usePatientRecord } from '../../hooks/usePatientRecord.ts';
import type { PatientLinkedPath } from '../../queries/patient-links.ts';

/** `undefined` while the user's access is being read. */
export function useReadableIncludes<I extends PatientLinkedPath>(
  patientId: string | undefined,
  include: readonly I[],
): readonly I[] | undefined {
  const access = useAccess();
  const readable = include.filter((path) => access.can(path, 'search') !== false);
  // Reads the record the provider fetches (same key), only to see whether it was refused.
  const record = usePatientRecord(access.pending ? undefined : patientId, {
    include: readable,
    refetchOnMount: false,
    refetchInterval: false,
  });
  if (access.pending) return undefined;
  return readable.length > 0 && record.error?.status === 403 ? [] : readable;
}
