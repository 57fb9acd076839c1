import type { Observation } from '@clinikapi/core';
import { describe, expect, it } from 'vitest';
import { vitalChartGroups } from './vital-series.ts';

const loinc = (code: string) => ({ coding: [{ system: 'http://loinc.org', code }] });

describe('vitalChartGroups', () => {
  it('reads panels, single readings and the docs’ text-coded panel, converting °F and lb', () => {
    const observations: Observation[] = [
      {
        resourceType: 'Observation',
        id: 'docs',
        status: 'final',
        code: { text: 'Vitals Panel' },
        effectiveDateTime: '2025-01-01T09:00:00Z',
        component: [
          { code: { text: 'Heart rate' }, valueQuantity: { value: 72, unit: 'beats/min' } },
          { code: { text: 'Blood pressure' }, valueString: '150/95 mmHg' },
        ],
      },
      {
        resourceType: 'Observation',
        id: 'temp',
        status: 'final',
        code: loinc('8310-5'),
        effectiveDateTime: '2025-01-02T09:00:00Z',
        valueQuantity: { value: 101.3, code: '[degF]' },
      },
      {
        resourceType: 'Observation',
        id: 'weight',
        status: 'final',
        code: loinc('29463-7'),
        effectiveDateTime: '2025-01-02T09:00:00Z',
        valueQuantity: { value: 180, unit: 'lb' },
      },
      {
        resourceType: 'Observation',
        id: 'bp',
        status: 'final',
        code: loinc('85354-9'),
        effectiveDateTime: '2025-01-03T09:00:00Z',
        component: [
          { code: loinc('8480-6'), valueQuantity: { value: 118 }, interpretation: [{ coding: [{ code: 'N' }] }] },
          { code: loinc('8462-4'), valueQuantity: { value: 55 } },
        ],
      },
      {
        resourceType: 'Observation',
        id: 'void',
        status: 'entered-in-error',
        code: loinc('8867-4'),
        effectiveDateTime: '2025-01-04T09:00:00Z',
        valueQuantity: { value: 300 },
      },
      {
        resourceType: 'Observation',
        id: 'lab',
        status: 'final',
        code: loinc('2093-3'),
        effectiveDateTime: '2025-01-04T09:00:00Z',
        valueQuantity: { value: 6 },
      },
    ];
    const groups = vitalChartGroups(observations);
    expect(groups.map((group) => group.id)).toEqual(['heartRate', 'bloodPressure', 'temperature', 'weight']);
    const [heart, pressure, temperature, weight] = groups;
    expect(heart?.series[0]?.points.map((point) => [point.value, point.flag])).toEqual([[72, 'N']]);
    expect(pressure?.series.map((series) => series.points.map((point) => [point.value, point.flag]))).toEqual([
      [
        [150, 'H'],
        [118, 'N'],
      ],
      [
        [95, 'H'],
        [55, 'L'],
      ],
    ]);
    expect(pressure?.outOfRange).toBe(3);
    expect(pressure?.latest.diastolic?.value).toBe(55);
    expect(temperature?.series[0]?.points[0]).toMatchObject({ value: 38.5, flag: 'H', observationId: 'temp' });
    expect(weight?.series[0]?.points[0]?.value).toBe(81.6);
  });

  it('keeps one reading per vital and time, oldest first, and trusts a reading’s own range', () => {
    const reading = (id: string, at: string, value: number): Observation => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      code: loinc('8867-4'),
      effectiveDateTime: at,
      valueQuantity: { value },
      referenceRange: [{ low: { value: 50 }, high: { value: 90 } }],
    });
    const [heart] = vitalChartGroups([
      reading('b', '2025-02-01T00:00:00Z', 95),
      reading('a', '2025-01-01T00:00:00Z', 55),
      reading('dup', '2025-01-01T00:00:00Z', 70),
    ]);
    expect(heart?.series[0]?.points.map((point) => [point.observationId, point.flag])).toEqual([
      ['a', 'N'],
      ['b', 'H'],
    ]);
  });
});
