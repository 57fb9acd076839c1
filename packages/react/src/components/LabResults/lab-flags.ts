/**
 * A lab result's flag: the laboratory's own interpretation when it sent one (HL7 ObservationInterpretation), else
 * worked out from the value and the result's reference range. Critical flags (HH, LL, AA) only ever come from the
 * laboratory: a reference range says what is normal, not what is dangerous.
 */
import type { Observation } from '@clinikapi/core';

export type LabFlag = 'HH' | 'H' | 'N' | 'L' | 'LL' | 'A' | 'AA';

/** Codes of the ObservationInterpretation value set, folded onto the flags a clinician reads. */
const INTERPRETATIONS: Readonly<Record<string, LabFlag>> = {
  HH: 'HH',
  H: 'H',
  HU: 'H',
  '>': 'H',
  N: 'N',
  L: 'L',
  LU: 'L',
  '<': 'L',
  LL: 'LL',
  A: 'A',
  AA: 'AA',
};

export const CRITICAL_FLAGS: readonly LabFlag[] = ['HH', 'LL', 'AA'];

export function isAbnormal(flag: LabFlag | undefined): boolean {
  return flag !== undefined && flag !== 'N';
}

export function flagOf(observation: Pick<Observation, 'interpretation' | 'referenceRange' | 'valueQuantity'>): LabFlag | undefined {
  for (const concept of observation.interpretation ?? []) {
    for (const coding of concept.coding ?? []) {
      const flag = coding.code ? INTERPRETATIONS[coding.code] : undefined;
      if (flag) return flag;
    }
  }
  const value = observation.valueQuantity?.value;
  const range = observation.referenceRange?.[0];
  if (value === undefined || !range || (range.low?.value === undefined && range.high?.value === undefined)) return undefined;
  if (range.high?.value !== undefined && value > range.high.value) return 'H';
  if (range.low?.value !== undefined && value < range.low.value) return 'L';
  return 'N';
}
