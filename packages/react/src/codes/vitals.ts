/**
 * Vital signs the VitalsWidget records: LOINC code, UCUM unit, the range a reading must fall in to be plausible
 * (anything outside is a typo, and is refused), and the adult reference range (outside it, the reading is flagged
 * high or low but accepted).
 */
import { CODE_SYSTEMS } from './systems.ts';

export interface VitalSign {
  readonly key: 'heartRate' | 'systolic' | 'diastolic' | 'temperature' | 'respiratoryRate' | 'oxygenSaturation' | 'weight' | 'height';
  /** LOINC's URI (`CODE_SYSTEMS.loinc`). */
  readonly system: 'http://loinc.org';
  readonly code: string;
  readonly display: string;
  /** UCUM code sent to the API. */
  readonly unit: string;
  /** How the unit reads on screen. */
  readonly unitLabel: string;
  readonly plausible: { readonly min: number; readonly max: number };
  readonly reference?: { readonly low: number; readonly high: number };
  /** Decimal places a reading may have. */
  readonly decimals: number;
}

const loinc = CODE_SYSTEMS.loinc;

export const VITAL_SIGNS: readonly VitalSign[] = [
  {
    key: 'heartRate',
    system: loinc,
    code: '8867-4',
    display: 'Heart rate',
    unit: '/min',
    unitLabel: 'beats/min',
    plausible: { min: 20, max: 250 },
    reference: { low: 60, high: 100 },
    decimals: 0,
  },
  {
    key: 'systolic',
    system: loinc,
    code: '8480-6',
    display: 'Systolic blood pressure',
    unit: 'mm[Hg]',
    unitLabel: 'mmHg',
    plausible: { min: 50, max: 300 },
    reference: { low: 90, high: 120 },
    decimals: 0,
  },
  {
    key: 'diastolic',
    system: loinc,
    code: '8462-4',
    display: 'Diastolic blood pressure',
    unit: 'mm[Hg]',
    unitLabel: 'mmHg',
    plausible: { min: 20, max: 200 },
    reference: { low: 60, high: 80 },
    decimals: 0,
  },
  {
    key: 'temperature',
    system: loinc,
    code: '8310-5',
    display: 'Body temperature',
    unit: 'Cel',
    unitLabel: '°C',
    plausible: { min: 25, max: 45 },
    reference: { low: 36.1, high: 37.2 },
    decimals: 1,
  },
  {
    key: 'respiratoryRate',
    system: loinc,
    code: '9279-1',
    display: 'Respiratory rate',
    unit: '/min',
    unitLabel: 'breaths/min',
    plausible: { min: 4, max: 80 },
    reference: { low: 12, high: 20 },
    decimals: 0,
  },
  {
    key: 'oxygenSaturation',
    system: loinc,
    code: '59408-5',
    display: 'Oxygen saturation by pulse oximetry',
    unit: '%',
    unitLabel: '%',
    plausible: { min: 50, max: 100 },
    reference: { low: 95, high: 100 },
    decimals: 0,
  },
  {
    key: 'weight',
    system: loinc,
    code: '29463-7',
    display: 'Body weight',
    unit: 'kg',
    unitLabel: 'kg',
    plausible: { min: 0.2, max: 700 },
    decimals: 1,
  },
  {
    key: 'height',
    system: loinc,
    code: '8302-2',
    display: 'Body height',
    unit: 'cm',
    unitLabel: 'cm',
    plausible: { min: 20, max: 300 },
    decimals: 1,
  },
];

/** LOINC codes of the panels that group the readings above. */
export const VITAL_PANELS = {
  vitalSigns: {
    system: loinc,
    code: '85353-1',
    display: 'Vital signs, weight, height, head circumference, oxygen saturation and BMI panel',
  },
  bloodPressure: { system: loinc, code: '85354-9', display: 'Blood pressure panel with all children optional' },
} as const;

/** `H` above the reference range, `L` below, `N` within; undefined when the vital has no reference range. */
export function interpretVital(vital: VitalSign, value: number): 'H' | 'L' | 'N' | undefined {
  if (!vital.reference) return undefined;
  if (value > vital.reference.high) return 'H';
  if (value < vital.reference.low) return 'L';
  return 'N';
}
