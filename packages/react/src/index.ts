export { ClinikProvider, type ClinikProviderProps } from './provider/ClinikProvider.tsx';
export { useClinikClient, useMessages } from './provider/context.ts';
export { createClinikClient, type ClinikClient, type ClinikClientOptions, type RequestOptions } from './client/client.ts';
export { bindClinikClient } from './client/query-client-binding.ts';
export { ClinikApiError, ClinikNetworkError } from './client/errors.ts';
export { defaultMessages, formatMessage, type MessageOverrides, type Messages } from './i18n/messages.ts';
export { patientKeys, patientQueries } from './queries/patients.ts';
export { usePatients } from './hooks/usePatients.ts';
export { usePatient } from './hooks/usePatient.ts';
export { useCreatePatient } from './hooks/useCreatePatient.ts';
export {
  PatientList,
  usePatientList,
  type PatientListProps,
  type PatientListSlot,
  type PatientListState,
  type PatientListStatus,
  type UsePatientListOptions,
} from './components/PatientList/index.ts';
