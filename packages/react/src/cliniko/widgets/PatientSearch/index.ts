export { ClinikoPatientSearch, type ClinikoPatientSearchProps, type ClinikoPatientSearchSlot } from './ClinikoPatientSearch.tsx';
export {
  useClinikoPatientSearch,
  type ClinikoPatientSearchState,
  type ClinikoPatientSearchStatus,
  type PatientSearchBy,
  type UseClinikoPatientSearchOptions,
} from './useClinikoPatientSearch.ts';
export { clinikoPatientSearchMessages, type ClinikoPatientSearchMessages } from './messages.ts';
