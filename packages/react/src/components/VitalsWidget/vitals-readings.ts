/**
 * The pure half of the VitalsWidget: what was typed → the components of one vitals panel, the widget's own
 * plausibility rules, and a saved Observation → the readings a clinician reads back. No React here, so each rule is
 * tested on its own.
 */
import type { Observation } from '@clinikapi/core';
import { CODE_SYSTEMS } from '../../codes/systems.ts';
import { VITAL_PANELS, VITAL_SIGNS, interpretVital, type VitalSign } from '../../codes/vitals.ts';
import { formatMessage } from '../../i18n/messages.ts';
import { conceptText } from '../../headless/fhir-display.ts';
import type { FieldIssue } from '../../headless/form/useClinicalForm.ts';
import { numberProblem, parseTypedNumber, type ValidationMessages } from '../../headless/form/validation.ts';
import type { VitalsWidgetMessages } from './messages.ts';

export type VitalKey = VitalSign['key'];

/** What the form asks for: each vital on its own, blood pressure as one systolic/diastolic pair. */
export type VitalsReading = Exclude<VitalKey, 'systolic' | 'diastolic'> | 'bloodPressure';

/** Every reading the widget can record, in the order the form shows them. */
export const VITALS_READINGS: readonly VitalsReading[] = [
  'heartRate',
  'bloodPressure',
  'temperature',
  'respiratoryRate',
  'oxygenSaturation',
  'weight',
  'height',
];

/** HL7 interpretation codes the widget uses: high, low, normal, and abnormal (some high, some low). */
export type VitalInterpretation = 'H' | 'L' | 'N' | 'A';

/** What the form holds: readings as typed (text, so `36,8` and a typo both survive until they are checked). */
export type VitalsFormValues = Record<VitalKey, string> & { effectiveDateTime: string; note: string };

export const EMPTY_VITALS_FORM: VitalsFormValues = {
  heartRate: '',
  systolic: '',
  diastolic: '',
  temperature: '',
  respiratoryRate: '',
  oxygenSaturation: '',
  weight: '',
  height: '',
  effectiveDateTime: '',
  note: '',
};

const VITALS_BY_KEY = new Map(VITAL_SIGNS.map((vital) => [vital.key, vital]));
const VITALS_BY_CODE = new Map(VITAL_SIGNS.map((vital) => [vital.code, vital]));
const PANEL_CODES = new Set<string>(Object.values(VITAL_PANELS).map((panel) => panel.code));

export function vitalOf(key: VitalKey): VitalSign {
  return VITALS_BY_KEY.get(key) as VitalSign;
}

/** The form fields a reading occupies. */
export function fieldsOf(reading: VitalsReading): readonly VitalKey[] {
  return reading === 'bloodPressure' ? ['systolic', 'diastolic'] : [reading];
}

/**
 * The number typed; `undefined` for an empty box, NaN for anything that is not a number. Takes `36,8` too, and a
 * sign: `-5` is a number, just not a reading anyone has (so it is out of range, not "not a number").
 */
export const parseReading = parseTypedNumber;

/** A reading's place against its reference range, as typed; undefined while it is empty or not yet valid. */
export function flagOf(key: VitalKey, text: string): 'H' | 'L' | 'N' | undefined {
  const vital = vitalOf(key);
  const value = parseReading(text);
  if (value === undefined || Number.isNaN(value) || value < vital.plausible.min || value > vital.plausible.max) return undefined;
  return interpretVital(vital, value);
}

/** One reading of the panel, as the API takes it: a LOINC code and a UCUM quantity. */
export interface VitalComponent {
  readonly code: { readonly system: string; readonly code: string; readonly display: string };
  readonly valueQuantity: { readonly value: number; readonly unit: string; readonly system: string; readonly code: string };
}

/** The panel's components for the readings that were typed, in the catalogue's order. Unparseable text is left out. */
export function componentsOf(values: VitalsFormValues): VitalComponent[] {
  return VITAL_SIGNS.flatMap((vital) => {
    const value = parseReading(values[vital.key]);
    if (value === undefined || Number.isNaN(value)) return [];
    return [
      {
        code: { system: vital.system, code: vital.code, display: vital.display },
        valueQuantity: { value, unit: vital.unitLabel, system: CODE_SYSTEMS.ucum, code: vital.unit },
      },
    ];
  });
}

/** One flag for a set of readings: `A` when some are high and some low. Undefined when none has a reference range. */
export function combinedInterpretation(flags: readonly (VitalInterpretation | undefined)[]): VitalInterpretation | undefined {
  const known = flags.filter((flag) => flag !== undefined);
  if (known.length === 0) return undefined;
  const high = known.some((flag) => flag === 'H');
  const low = known.some((flag) => flag === 'L');
  if (known.includes('A') || (high && low)) return 'A';
  return high ? 'H' : low ? 'L' : 'N';
}

/** The panel's interpretation, from its components. */
export function panelInterpretation(components: readonly VitalComponent[]): VitalInterpretation | undefined {
  return combinedInterpretation(
    components.map((component) => {
      const vital = VITALS_BY_CODE.get(component.code.code);
      return vital && interpretVital(vital, component.valueQuantity.value);
    }),
  );
}

/** The form field a server issue path (`component.2.valueQuantity.value`) of the sent panel belongs to. */
export function vitalsFieldOf(path: string, input: unknown): keyof VitalsFormValues | undefined {
  const [head, index] = path.split('.');
  if (head === 'effectiveDateTime' || head === 'note') return head;
  if (head !== 'component' || index === undefined) return undefined;
  const components = (input as { component?: readonly VitalComponent[] } | undefined)?.component;
  return VITALS_BY_CODE.get(components?.[Number(index)]?.code.code ?? '')?.key;
}

/**
 * The widget's rules on what was typed, beyond the API's: numbers only, no more decimals than the vital has, a
 * reading the body can produce (a typo such as 720 for a heart rate is refused, not flagged), blood pressure as a
 * pair with systolic above diastolic, and at least one reading.
 */
export function vitalsIssues(
  values: VitalsFormValues,
  shown: readonly VitalKey[],
  messages: VitalsWidgetMessages,
  validation: ValidationMessages,
  locale: string | undefined,
): FieldIssue<VitalsFormValues>[] {
  const issues: FieldIssue<VitalsFormValues>[] = [];
  const problem = (field: VitalKey, message: string) => issues.push({ field, message });
  for (const vital of VITAL_SIGNS) {
    const rule = { ...vital.plausible, decimals: vital.decimals, unit: messages[`${vital.key}Unit`] };
    const wrong = numberProblem(values[vital.key], rule, validation, locale);
    if (wrong) problem(vital.key, wrong);
  }
  const systolic = parseReading(values.systolic);
  const diastolic = parseReading(values.diastolic);
  if (systolic !== undefined && diastolic === undefined) problem('diastolic', messages.diastolicMissing);
  if (diastolic !== undefined && systolic === undefined) problem('systolic', messages.systolicMissing);
  if (systolic !== undefined && diastolic !== undefined && systolic <= diastolic) problem('systolic', messages.systolicNotAbove);
  const entered = shown.some((key) => values[key].trim() !== '');
  const first = shown[0];
  if (!entered && first) problem(first, messages.nothingEntered);
  return issues;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading saved observations back
// ---------------------------------------------------------------------------------------------------------------

type Concept = Observation['code'];
type Quantity = Observation['valueQuantity'];

/** A reading as the list shows it. */
export interface ShownReading {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly interpretation?: VitalInterpretation | undefined;
}

function loincVital(concept: Concept | undefined): VitalSign | undefined {
  const coding = concept?.coding?.find((entry) => entry.system === CODE_SYSTEMS.loinc && entry.code && VITALS_BY_CODE.has(entry.code));
  return coding?.code ? VITALS_BY_CODE.get(coding.code) : undefined;
}

/** True for the observations the widget lists: vital-sign category, or a vital or vitals-panel LOINC code. */
export function isVitalsObservation(observation: Observation): boolean {
  const category = observation.category?.some((concept) => concept.coding?.some((coding) => coding.code === 'vital-signs'));
  const coded = observation.code.coding?.some(
    (coding) => coding.system === CODE_SYSTEMS.loinc && (PANEL_CODES.has(coding.code ?? '') || VITALS_BY_CODE.has(coding.code ?? '')),
  );
  return Boolean(category || coded);
}

/** When the readings were taken: the effective time, else when they were issued or stored. */
export function takenAt(observation: Observation): string | undefined {
  return observation.effectiveDateTime ?? observation.issued ?? observation.meta?.lastUpdated;
}

/**
 * The readings of a saved observation — its components, or its own value — with systolic and diastolic shown as one
 * blood pressure, and each known vital flagged against its reference range.
 */
export function readingsOf(observation: Observation, messages: VitalsWidgetMessages, locale: string | undefined): ShownReading[] {
  const parts: { code: Concept | undefined; quantity: Quantity; text: string | undefined }[] = observation.component?.length
    ? observation.component.map((component) => ({ code: component.code, quantity: component.valueQuantity, text: component.valueString }))
    : [{ code: observation.code, quantity: observation.valueQuantity, text: observation.valueString }];

  const readings: ShownReading[] = [];
  const pressure: Partial<Record<'systolic' | 'diastolic', number>> = {};
  parts.forEach((part, index) => {
    const vital = loincVital(part.code);
    const value = part.quantity?.value;
    if (vital && value !== undefined && (vital.key === 'systolic' || vital.key === 'diastolic')) {
      pressure[vital.key] = value;
      return;
    }
    const label = vital ? messages[vital.key] : conceptText(part.code);
    if (value === undefined) {
      if (part.text) readings.push({ key: `${index}`, label, value: part.text });
      return;
    }
    const unit = vital ? messages[`${vital.key}Unit`] : (part.quantity?.unit ?? '');
    readings.push({
      key: vital?.key ?? `${index}`,
      label,
      value: formatMessage(messages.quantity, { value, unit }, locale).trim(),
      interpretation: vital && interpretVital(vital, value),
    });
  });

  if (pressure.systolic !== undefined || pressure.diastolic !== undefined) {
    const flags = (['systolic', 'diastolic'] as const).map((key) => {
      const value = pressure[key];
      return value === undefined ? undefined : interpretVital(vitalOf(key), value);
    });
    const shown = (value: number | undefined) => (value === undefined ? '–' : new Intl.NumberFormat(locale).format(value));
    const value = formatMessage(messages.pressure, { systolic: shown(pressure.systolic), diastolic: shown(pressure.diastolic) });
    const reading: ShownReading = {
      key: 'bloodPressure',
      label: messages.bloodPressure,
      value: formatMessage(messages.quantity, { value, unit: messages.bloodPressureUnit }),
      interpretation: combinedInterpretation(flags),
    };
    const afterHeartRate = readings.findIndex((entry) => entry.key === 'heartRate') + 1;
    readings.splice(afterHeartRate, 0, reading);
  }
  return readings;
}
