export { PatientList, type PatientListProps, type PatientListSlot } from './PatientList.tsx';
export {
  PATIENT_SORTS,
  usePatientList,
  type PatientListState,
  type PatientListStatus,
  type PatientSort,
  type UsePatientListOptions,
} from './usePatientList.ts';
export { useGridNavigation, type GridNavigation, type UseGridNavigationOptions } from './useGridNavigation.ts';
export { patientListMessages, type PatientListMessages } from './messages.ts';
