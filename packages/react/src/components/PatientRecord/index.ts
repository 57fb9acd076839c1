export { PatientRecordProvider, usePatientRecordScope, type PatientRecordProviderProps, type PatientRecordScope } from './PatientRecordProvider.tsx';
export { useLinkedRecords, LINKED_PAGE_SIZE, type LinkedRecords, type LinkedRecordsStatus } from './useLinkedRecords.ts';
export { patientRecordMessages, type PatientRecordMessages } from './messages.ts';
export type { HeadingLevel } from './Heading.tsx';
