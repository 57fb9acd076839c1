import { describe, expect, it } from 'vitest';
import {
  ALLERGEN_CODES,
  CONDITION_CODES,
  LAB_CODES,
  MEDICATION_CODES,
  NOTE_TYPES,
  ROUTE_CODES,
  SITE_CODES,
  VACCINE_CODES,
} from './catalogues.ts';
import { VITAL_SIGNS, interpretVital } from './vitals.ts';

describe('code lists', () => {
  it.each([
    ['vaccines', VACCINE_CODES],
    ['conditions', CONDITION_CODES],
    ['medications', MEDICATION_CODES],
    ['labs', LAB_CODES],
    ['allergens', ALLERGEN_CODES],
    ['routes', ROUTE_CODES],
    ['sites', SITE_CODES],
  ])('%s have a system, and unique codes and labels', (_name, list) => {
    expect(list.length).toBeGreaterThan(4);
    for (const option of list) expect(option.system).toMatch(/^http/);
    expect(new Set(list.map((option) => option.code)).size).toBe(list.length);
    expect(new Set(list.map((option) => option.display)).size).toBe(list.length);
  });

  it('has the eight documented note types with their LOINC codes', () => {
    expect(NOTE_TYPES.map((type) => type.code)).toEqual([
      '11506-3',
      '11488-4',
      '18842-5',
      '34117-2',
      '11504-8',
      '28570-0',
      '57133-1',
      '18761-7',
    ]);
  });

  it('keeps the documented heart-rate range and flags readings against reference ranges', () => {
    const heartRate = VITAL_SIGNS.find((vital) => vital.key === 'heartRate');
    expect(heartRate?.plausible).toEqual({ min: 20, max: 250 });
    expect(interpretVital(heartRate!, 120)).toBe('H');
    expect(interpretVital(heartRate!, 45)).toBe('L');
    expect(interpretVital(heartRate!, 72)).toBe('N');
    for (const vital of VITAL_SIGNS) {
      expect(vital.plausible.min).toBeLessThan(vital.plausible.max);
      if (vital.reference) {
        expect(vital.reference.low).toBeGreaterThanOrEqual(vital.plausible.min);
        expect(vital.reference.high).toBeLessThanOrEqual(vital.plausible.max);
      }
    }
  });
});
