export { PatientList, type PatientListProps, type PatientListSlot } from './PatientList.tsx';
export { usePatientList, type PatientListState, type PatientListStatus, type UsePatientListOptions } from './usePatientList.ts';
