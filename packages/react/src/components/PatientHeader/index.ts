export { PatientHeader, type PatientHeaderProps, type PatientHeaderSlot } from './PatientHeader.tsx';
export { usePatientHeader, type PatientHeaderState, type UsePatientHeaderOptions } from './usePatientHeader.ts';
export { patientHeaderMessages, type PatientHeaderMessages } from './messages.ts';
