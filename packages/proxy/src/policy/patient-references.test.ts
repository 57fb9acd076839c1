import { findResource } from '@clinikapi/core';
import { describe, expect, it } from 'vitest';
import { namedPatients, patientIdOfReference, recordPatients, withinCompartment } from './patient-references.ts';

const resource = (path: string) => {
  const found = findResource(path);
  if (!found) throw new Error(path);
  return found;
};

describe('patient references', () => {
  it('reads patient ids from relative, absolute and versioned references only', () => {
    expect(patientIdOfReference('Patient/p-1')).toBe('p-1');
    expect(patientIdOfReference('https://fhir.example/r4/Patient/p-1/_history/3')).toBe('p-1');
    expect(patientIdOfReference('Practitioner/p-1')).toBeUndefined();
    expect(patientIdOfReference('Patient/')).toBeUndefined();
    expect(patientIdOfReference(42)).toBeUndefined();
  });

  it('finds every patient a body names: simplified, FHIR, nested and JSON Patch', () => {
    expect([...namedPatients({ patientId: 'p1', note: 'x' }).ids]).toEqual(['p1']);
    expect([...namedPatients({ subject: { reference: 'Patient/p2' } }).ids]).toEqual(['p2']);
    expect(
      [...namedPatients({ participant: [{ actor: { reference: 'Patient/p1' } }, { actor: { reference: 'Patient/p3' } }] }).ids].sort(),
    ).toEqual(['p1', 'p3']);
    expect([...namedPatients([{ op: 'replace', path: '/patientId', value: 'p4' }]).ids]).toEqual(['p4']);
    expect([...namedPatients([{ op: 'replace', path: '/subject/reference', value: 'Patient/p5' }]).ids]).toEqual(['p5']);
    expect(namedPatients({ status: 'final' }).ids.size).toBe(0);
  });

  it('flags references it cannot check', () => {
    expect(namedPatients({ contained: [{ resourceType: 'Patient', id: 'c1' }], subject: { reference: '#c1' } }).unverifiable).toBe(true);
    expect(namedPatients({ patientId: { $ne: 'x' } }).unverifiable).toBe(true);
    expect(namedPatients([{ op: 'copy', from: '/performer/0', path: '/subject' }]).unverifiable).toBe(true);
    expect(namedPatients({ resourceType: 'Patient', id: 'self' }).unverifiable).toBe(false);
  });

  it('reads the patients a stored record belongs to through its catalogue link', () => {
    expect([...recordPatients({ resourceType: 'Observation', subject: { reference: 'Patient/p1' } }, resource('observations'))]).toEqual([
      'p1',
    ]);
    expect([
      ...recordPatients(
        { participant: [{ actor: { reference: 'Practitioner/d' } }, { actor: { reference: 'Patient/p2' } }] },
        resource('appointments'),
      ),
    ]).toEqual(['p2']);
    expect([...recordPatients({ patientId: 'p3', status: 'active' }, resource('consents'))]).toEqual(['p3']);
    expect([...recordPatients({ id: 'p4', fullName: 'x' }, resource('patients'))]).toEqual(['p4']);
  });

  it('keeps records of other patients, other types and unknown types out of a compartment', () => {
    expect(withinCompartment({ resourceType: 'Observation', subject: { reference: 'Patient/p1' } }, resource('observations'), 'p1')).toBe(
      true,
    );
    expect(withinCompartment({ resourceType: 'Observation', subject: { reference: 'Patient/p2' } }, resource('observations'), 'p1')).toBe(
      false,
    );
    expect(withinCompartment({ resourceType: 'Condition', subject: { reference: 'Patient/p1' } }, resource('observations'), 'p1')).toBe(
      false,
    );
    expect(withinCompartment({ resourceType: 'Practitioner', id: 'd1' }, undefined, 'p1')).toBe(true);
    expect(withinCompartment({ resourceType: 'Patient', id: 'p2' }, undefined, 'p1')).toBe(false);
    expect(withinCompartment({ resourceType: 'Basic', subject: { reference: 'Patient/p1' } }, undefined, 'p1')).toBe(false);
    expect(withinCompartment('not a record', resource('observations'), 'p1')).toBe(false);
  });
});
