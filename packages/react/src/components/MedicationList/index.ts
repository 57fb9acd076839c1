export { MedicationList, type MedicationListProps, type MedicationListSlot } from './MedicationList.tsx';
export {
  useMedicationList,
  type MedicationFilter,
  type MedicationItem,
  type MedicationListState,
  type UseMedicationListOptions,
} from './useMedicationList.ts';
export { medicationListMessages, type MedicationListMessages } from './messages.ts';
