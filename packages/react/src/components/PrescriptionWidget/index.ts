export { PrescriptionWidget, type PrescriptionWidgetProps } from './PrescriptionWidget.tsx';
export type { PrescriptionWidgetSlot } from './slots.ts';
export {
  EMPTY_QUICK_PRESCRIPTION,
  usePrescriptionWidget,
  type PrescriptionWidgetState,
  type QuickPrescriptionValues,
  type UsePrescriptionWidgetOptions,
} from './usePrescriptionWidget.ts';
export { prescriptionWidgetMessages, type PrescriptionWidgetMessages } from './messages.ts';
