/**
 * The shared patient record a `PatientRecordProvider` puts around its viewers, as the viewers' hooks read it. Kept
 * apart from the provider component so a headless hook never imports a component module.
 */
import { createContext, useContext } from 'react';
import type { PatientLinkedPath } from '../../queries/patient-links.ts';

export interface PatientRecordScope {
  readonly patientId: string;
  /** The linked paths the shared record brings along. */
  readonly include: readonly PatientLinkedPath[];
}

export const PatientRecordContext = createContext<PatientRecordScope | null>(null);

/**
 * How a viewer reads the shared record: never fetching it again because it mounted after the record arrived, and
 * never polling on its own — the provider does both, once.
 */
export const SHARED_RECORD_READ = { refetchOnMount: false, refetchInterval: false } as const;

/** The shared record around this component, if any. */
export function usePatientRecordScope(): PatientRecordScope | null {
  return useContext(PatientRecordContext);
}
