export { PatientRecordProvider, type PatientRecordProviderProps } from './PatientRecordProvider.tsx';
export { usePatientRecordScope, type PatientRecordScope } from './patient-record-scope.ts';
export { useLinkedRecords, LINKED_PAGE_SIZE, type LinkedRecords, type LinkedRecordsStatus } from './useLinkedRecords.ts';
export { patientRecordMessages, type PatientRecordMessages } from './messages.ts';
export type { HeadingLevel } from './Heading.tsx';
