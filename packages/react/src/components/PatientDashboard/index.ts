export { PatientDashboard, type PatientDashboardProps, type PatientDashboardSlot } from './PatientDashboard.tsx';
export {
  DASHBOARD_INCLUDE,
  usePatientDashboard,
  type PatientDashboardState,
  type PatientDashboardView,
  type UsePatientDashboardOptions,
} from './usePatientDashboard.ts';
export { usePatientCreate, type PatientCreateState, type UsePatientCreateOptions } from './usePatientCreate.ts';
export {
  usePatientEdit,
  type ConflictField,
  type PatientConflict,
  type PatientEditState,
  type UsePatientEditOptions,
} from './usePatientEdit.ts';
export { EMPTY_PATIENT_FORM, type PatientFormValues } from './patient-form-values.ts';
export { patientDashboardMessages, type PatientDashboardMessages } from './messages.ts';
