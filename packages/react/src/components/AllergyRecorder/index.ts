export { AllergyRecorder, type AllergyRecorderProps, type AllergyRecorderSlot } from './AllergyRecorder.tsx';
export {
  EMPTY_ALLERGY_FORM,
  useAllergyRecorder,
  type AllergyFormValues,
  type AllergyRecorderState,
  type UseAllergyRecorderOptions,
} from './useAllergyRecorder.ts';
export { allergyRecorderMessages, type AllergyRecorderMessages } from './messages.ts';
