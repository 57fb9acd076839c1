import type { Observation } from '@clinikapi/core';
import { describe, expect, it } from 'vitest';
import { vitalsWidgetMessages as messages } from './messages.ts';
import { EMPTY_VITALS_FORM, combinedInterpretation, componentsOf, parseReading, readingsOf, vitalsFieldOf } from './vitals-readings.ts';

describe('vitals readings', () => {
  it('reads numbers with either decimal mark, and tells empty from not-a-number', () => {
    expect(parseReading(' 36,8 ')).toBe(36.8);
    expect(parseReading('72')).toBe(72);
    expect(parseReading('')).toBeUndefined();
    expect(parseReading('7O')).toBeNaN();
    // A sign makes a number (out of any reading's range), not "not a number".
    expect(parseReading('-5')).toBe(-5);
  });

  it('flags a set of readings as one: abnormal when some are high and some low', () => {
    expect(combinedInterpretation(['N', 'H', undefined])).toBe('H');
    expect(combinedInterpretation(['L', 'N'])).toBe('L');
    expect(combinedInterpretation(['H', 'L'])).toBe('A');
    expect(combinedInterpretation(['N'])).toBe('N');
    expect(combinedInterpretation([undefined])).toBeUndefined();
  });

  it('maps a component path of the sent panel back to the reading at that position', () => {
    const input = { component: componentsOf({ ...EMPTY_VITALS_FORM, heartRate: '70', diastolic: '80', systolic: '120' }) };
    expect(vitalsFieldOf('component.0.valueQuantity.value', input)).toBe('heartRate');
    expect(vitalsFieldOf('component.2.valueQuantity', input)).toBe('diastolic');
    expect(vitalsFieldOf('component.7', input)).toBeUndefined();
    expect(vitalsFieldOf('effectiveDateTime', input)).toBe('effectiveDateTime');
  });

  it('shows the documented text-coded panel as it was written', () => {
    const documented = {
      resourceType: 'Observation',
      status: 'final',
      code: { text: 'Vitals Panel' },
      component: [
        { code: { text: 'Heart rate' }, valueQuantity: { value: 72, unit: 'beats/min' } },
        { code: { text: 'Blood pressure' }, valueString: '120/80 mmHg' },
      ],
    } as Observation;
    expect(readingsOf(documented, messages, 'en')).toEqual([
      { key: '0', label: 'Heart rate', value: '72 beats/min', interpretation: undefined },
      { key: '1', label: 'Blood pressure', value: '120/80 mmHg' },
    ]);
  });

  it('formats readings in the viewer’s locale', () => {
    const temperature = {
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '8310-5' }] },
      valueQuantity: { value: 38.2, unit: 'Cel' },
    } as Observation;
    expect(readingsOf(temperature, messages, 'de')).toEqual([
      { key: 'temperature', label: 'Temperature', value: '38,2 °C', interpretation: 'H' },
    ]);
  });
});
