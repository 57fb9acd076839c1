/**
 * Saved observations → one time series per vital sign, for trend charts and their tables. Reads every shape the
 * API holds vitals in: one LOINC-coded observation per reading, a panel whose components are the readings (what
 * VitalsWidget saves), a blood-pressure panel, and the docs' "Vitals Panel" with text codes and `120/80 mmHg` as a
 * string. Readings in °F or lb are converted so one chart has one unit. A reading's flag is its own interpretation
 * when it has one, else its place against its reference range (the observation's own, else the adult range).
 */
import type { CodeableConcept, Observation } from '@clinikapi/core';
import { CODE_SYSTEMS } from '../../codes/systems.ts';
import { VITAL_SIGNS, type VitalSign } from '../../codes/vitals.ts';

export type VitalSignKey = VitalSign['key'];
export type VitalFlag = 'HH' | 'H' | 'N' | 'L' | 'LL';

export interface VitalPoint {
  /** Milliseconds since the epoch, for the time axis. */
  readonly time: number;
  /** The reading's effective time as recorded. */
  readonly at: string;
  readonly value: number;
  readonly flag: VitalFlag | undefined;
  readonly observationId: string | undefined;
}

export interface VitalSeries {
  readonly key: VitalSignKey;
  /** The vital's UCUM unit (`/min`, `mm[Hg]`, `Cel`...), the one every point is in. */
  readonly unit: string;
  /** The range shaded behind the line, when known. */
  readonly range: { readonly low: number; readonly high: number } | undefined;
  /** Oldest first. */
  readonly points: readonly VitalPoint[];
}

/** What one chart shows: a vital on its own, or systolic and diastolic pressure together. */
export type VitalChartId = Exclude<VitalSignKey, 'systolic' | 'diastolic'> | 'bloodPressure';

export interface VitalChartGroup {
  readonly id: VitalChartId;
  readonly series: readonly VitalSeries[];
  /** The newest reading of each series, keyed by vital. */
  readonly latest: Readonly<Partial<Record<VitalSignKey, VitalPoint>>>;
  /** How many readings fall outside their range. */
  readonly outOfRange: number;
}

export const VITAL_CHART_ORDER: readonly VitalChartId[] = [
  'heartRate',
  'bloodPressure',
  'temperature',
  'respiratoryRate',
  'oxygenSaturation',
  'weight',
  'height',
];

const BY_CODE = new Map(VITAL_SIGNS.map((vital) => [vital.code, vital]));
const BY_KEY = new Map(VITAL_SIGNS.map((vital) => [vital.key, vital]));
const BLOOD_PRESSURE_CODES = new Set(['85354-9', '55284-4', '35094-2']);
/** Text codes seen in the wild (and in the ClinikAPI docs), lower-cased. */
const BY_TEXT: ReadonlyMap<string, VitalSignKey | 'bloodPressure'> = new Map([
  ['heart rate', 'heartRate'],
  ['pulse', 'heartRate'],
  ['pulse rate', 'heartRate'],
  ['blood pressure', 'bloodPressure'],
  ['systolic blood pressure', 'systolic'],
  ['diastolic blood pressure', 'diastolic'],
  ['body temperature', 'temperature'],
  ['temperature', 'temperature'],
  ['respiratory rate', 'respiratoryRate'],
  ['oxygen saturation', 'oxygenSaturation'],
  ['spo2', 'oxygenSaturation'],
  ['body weight', 'weight'],
  ['weight', 'weight'],
  ['body height', 'height'],
  ['height', 'height'],
]);
const FLAGS: Readonly<Record<string, VitalFlag>> = { HH: 'HH', H: 'H', HU: 'H', N: 'N', L: 'L', LU: 'L', LL: 'LL' };
const IGNORED_STATUSES = new Set(['cancelled', 'entered-in-error']);

export function vitalSign(key: VitalSignKey): VitalSign {
  return BY_KEY.get(key) as VitalSign;
}

function identify(concept: CodeableConcept | undefined): VitalSignKey | 'bloodPressure' | undefined {
  for (const coding of concept?.coding ?? []) {
    if (coding.system && coding.system !== CODE_SYSTEMS.loinc) continue;
    if (coding.code && BY_CODE.has(coding.code)) return BY_CODE.get(coding.code)?.key;
    if (coding.code && BLOOD_PRESSURE_CODES.has(coding.code)) return 'bloodPressure';
  }
  const text = (concept?.text ?? concept?.coding?.find((coding) => coding.display)?.display ?? '').trim().toLowerCase();
  return BY_TEXT.get(text);
}

/** The value in the vital's own unit: °F → °C, lb → kg, m → cm; undefined for a unit that cannot be converted. */
function inVitalUnit(key: VitalSignKey, value: number, unit: string | undefined): number | undefined {
  const given = (unit ?? '').trim();
  if (key === 'temperature' && /^(\[degF\]|°F|degF|F)$/i.test(given)) return Math.round((((value - 32) * 5) / 9) * 10) / 10;
  if (key === 'weight' && /^(\[lb_av\]|lb|lbs)$/i.test(given)) return Math.round(value * 0.45359237 * 10) / 10;
  if (key === 'height' && /^m$/.test(given)) return Math.round(value * 1000) / 10;
  if (key === 'height' && /^(\[in_i\]|in)$/i.test(given)) return Math.round(value * 2.54 * 10) / 10;
  return value;
}

interface Reading {
  readonly key: VitalSignKey;
  readonly value: number;
  readonly flag: VitalFlag | undefined;
}

function flagFor(
  key: VitalSignKey,
  value: number,
  own: Observation['interpretation'],
  range: Observation['referenceRange'],
): VitalFlag | undefined {
  const coded = own
    ?.flatMap((concept) => concept.coding ?? [])
    .map((coding) => FLAGS[coding.code ?? ''])
    .find(Boolean);
  if (coded) return coded;
  const low = range?.[0]?.low?.value ?? vitalSign(key).reference?.low;
  const high = range?.[0]?.high?.value ?? vitalSign(key).reference?.high;
  if (high !== undefined && value > high) return 'H';
  if (low !== undefined && value < low) return 'L';
  return low === undefined && high === undefined ? undefined : 'N';
}

/** The readings in one observation or component: a quantity, or a blood pressure written `120/80`. */
function readingsOf(source: Pick<Observation, 'code' | 'valueQuantity' | 'valueString' | 'interpretation' | 'referenceRange'>): Reading[] {
  const key = identify(source.code);
  if (!key) return [];
  if (key === 'bloodPressure') {
    const match = /^\s*(\d{2,3}(?:\.\d+)?)\s*\/\s*(\d{2,3}(?:\.\d+)?)/.exec(source.valueString ?? '');
    if (!match) return [];
    return (['systolic', 'diastolic'] as const).map((part, index) => {
      const value = Number(match[index + 1]);
      return { key: part, value, flag: flagFor(part, value, undefined, undefined) };
    });
  }
  const raw = source.valueQuantity?.value;
  if (raw === undefined) return [];
  const value = inVitalUnit(key, raw, source.valueQuantity?.code ?? source.valueQuantity?.unit);
  if (value === undefined) return [];
  return [{ key, value, flag: flagFor(key, value, source.interpretation, source.referenceRange) }];
}

function timeOfReading(observation: Observation): string | undefined {
  return observation.effectiveDateTime ?? observation.effectivePeriod?.start ?? observation.effectiveInstant ?? observation.issued;
}

export function isOutOfRange(flag: VitalFlag | undefined): boolean {
  return flag !== undefined && flag !== 'N';
}

/** One chart group per vital that has readings, in the usual clinical order. */
export function vitalChartGroups(observations: readonly Observation[]): VitalChartGroup[] {
  const points = new Map<VitalSignKey, VitalPoint[]>();
  const seen = new Set<string>();
  for (const observation of observations) {
    if (IGNORED_STATUSES.has(observation.status)) continue;
    const at = timeOfReading(observation);
    const time = at ? Date.parse(at) : Number.NaN;
    if (!at || Number.isNaN(time)) continue;
    // The panel's own interpretation summarises its components, so it is not any one reading's flag.
    const sources = observation.component?.length ? observation.component : [observation];
    for (const reading of sources.flatMap(readingsOf)) {
      const duplicate = `${reading.key}@${time}`;
      if (seen.has(duplicate)) continue;
      seen.add(duplicate);
      const list = points.get(reading.key) ?? [];
      list.push({ time, at, value: reading.value, flag: reading.flag, observationId: observation.id });
      points.set(reading.key, list);
    }
  }
  const seriesOf = (key: VitalSignKey): VitalSeries | undefined => {
    const list = points.get(key);
    if (!list?.length) return undefined;
    const vital = vitalSign(key);
    return { key, unit: vital.unit, range: vital.reference, points: [...list].sort((a, b) => a.time - b.time) };
  };
  return VITAL_CHART_ORDER.flatMap((id) => {
    const series = (id === 'bloodPressure' ? (['systolic', 'diastolic'] as const) : [id])
      .map(seriesOf)
      .filter((entry) => entry !== undefined);
    if (series.length === 0) return [];
    const latest = Object.fromEntries(series.map((entry) => [entry.key, entry.points.at(-1)]));
    const outOfRange = series.reduce((sum, entry) => sum + entry.points.filter((point) => isOutOfRange(point.flag)).length, 0);
    return [{ id, series, latest, outOfRange }];
  });
}
