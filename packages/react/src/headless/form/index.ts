export { useClinicalForm, type ClinicalForm, type ClinicalFormStatus, type UseClinicalFormOptions } from './useClinicalForm.ts';
export { dropBlanks } from './drop-blanks.ts';
