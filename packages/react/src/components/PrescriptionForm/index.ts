export { PrescriptionForm, type PrescriptionFormProps } from './PrescriptionForm.tsx';
export type { PrescriptionFormSlot } from './slots.ts';
export {
  EMPTY_PRESCRIPTION_FORM,
  MAX_REFILLS,
  usePrescriptionForm,
  type PrescriptionFormState,
  type PrescriptionFormValues,
  type UsePrescriptionFormOptions,
} from './usePrescriptionForm.ts';
export { prescriptionFormMessages, type PrescriptionFormMessages } from './messages.ts';
