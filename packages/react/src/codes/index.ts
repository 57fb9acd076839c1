export { CODE_SYSTEMS } from './systems.ts';
export { VITAL_PANELS, VITAL_SIGNS, interpretVital, type VitalSign } from './vitals.ts';
export {
  ALLERGEN_CODES,
  CONDITION_CODES,
  LAB_CODES,
  MEDICATION_CODES,
  NOTE_TYPES,
  ROUTE_CODES,
  SITE_CODES,
  VACCINE_CODES,
} from './catalogues.ts';
