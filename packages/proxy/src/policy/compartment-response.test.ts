import { findResource, type ResourceDefinition } from '@clinikapi/core';
import { describe, expect, it } from 'vitest';
import { checkCompartment } from './compartment-response.ts';

const observations = findResource('observations') as ResourceDefinition;
const patients = findResource('patients') as ResourceDefinition;
const mine = { resourceType: 'Observation', subject: { reference: 'Patient/p1' } };
const theirs = { resourceType: 'Observation', subject: { reference: 'Patient/p2' } };

describe('checkCompartment', () => {
  it('checks a read record and every search result', () => {
    expect(checkCompartment({ data: mine }, 'read', observations, 'p1')).toBe('inside');
    expect(checkCompartment({ data: theirs }, 'read', observations, 'p1')).toBe('outside');
    expect(checkCompartment({ data: { data: [mine, mine], total: 2 } }, 'search', observations, 'p1')).toBe('inside');
    expect(checkCompartment({ data: { data: [mine, theirs], total: 2 } }, 'search', observations, 'p1')).toBe('outside');
  });

  it('checks records added by include directives, per entry', () => {
    const included = [{ resourceType: 'Practitioner', id: 'd' }, mine];
    expect(checkCompartment({ data: { id: 'p1' }, included }, 'read', patients, 'p1')).toBe('inside');
    expect(checkCompartment({ data: { id: 'p1' }, included: [...included, theirs] }, 'read', patients, 'p1')).toBe('outside');
    const bundle = { resourceType: 'Bundle', entry: [{ resource: { resourceType: 'Patient', id: 'p1' } }, { resource: theirs }] };
    expect(checkCompartment({ data: bundle }, 'read', patients, 'p1')).toBe('outside');
  });

  it('fails closed on shapes it cannot read', () => {
    expect(checkCompartment('nope', 'read', observations, 'p1')).toBe('unreadable');
    expect(checkCompartment({ data: [mine] }, 'search', observations, 'p1')).toBe('unreadable');
    expect(checkCompartment({ data: mine, included: 'x' }, 'read', observations, 'p1')).toBe('unreadable');
    expect(checkCompartment({ data: mine, included: [{ id: 'no-type' }] }, 'read', observations, 'p1')).toBe('unreadable');
  });
});
