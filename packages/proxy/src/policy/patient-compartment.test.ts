import { findResource } from '@clinikapi/core';
import { describe, expect, it } from 'vitest';
import { patientCompartment, patientSearchParam } from './patient-compartment.ts';
import { policyRequest } from '../../test/policy-requests.ts';

const patient = { id: 'u-pat', roles: ['patient'], patientId: 'p1' };
const policy = patientCompartment({ patientId: (user) => user.patientId as string | undefined });
const as = (path: string, interaction: Parameters<typeof policyRequest>[1], extra: Parameters<typeof policyRequest>[2] = {}) =>
  policy(policyRequest(path, interaction, { user: patient, ...extra }));

describe('patientCompartment', () => {
  it('lets a patient read their own Patient and answers 404 for anyone else', async () => {
    expect(await as('patients', 'read', { id: 'p1' })).toMatchObject({ effect: 'allow', compartment: { patientId: 'p1' } });
    expect(await as('patients', 'read', { id: 'p2' })).toMatchObject({ effect: 'deny', status: 404 });
    expect(await as('patients', 'search', { query: 'name=okafor' })).toMatchObject({ effect: 'deny', status: 403 });
    expect(await as('patients', 'create', { body: { firstName: 'x', lastName: 'y' } })).toMatchObject({ effect: 'deny', status: 403 });
  });

  it('reads other records by id only after checking them (compartment on the decision)', async () => {
    expect(await as('observations', 'read', { id: 'o1' })).toMatchObject({ effect: 'allow', compartment: { patientId: 'p1' } });
  });

  it('forces a search to the patient, and answers 404 for a patientId that is not theirs', async () => {
    const decision = await as('observations', 'search', { query: 'status=final' });
    expect(decision).toMatchObject({ effect: 'allow' });
    expect(decision !== true && decision !== false && 'query' in decision ? decision.query?.toString() : '').toBe(
      'status=final&patientId=p1',
    );
    expect(await as('observations', 'search', { query: 'patientId=p1' })).toMatchObject({ effect: 'allow' });
    expect(await as('observations', 'search', { query: 'patientId=p2' })).toMatchObject({ effect: 'deny', status: 404 });
    expect(await as('observations', 'search', { query: 'patientId=p1&patientId=p2' })).toMatchObject({ effect: 'deny', status: 404 });
    expect(await as('appointment-responses', 'search')).toMatchObject({ effect: 'allow' });
    expect(await as('persons', 'search')).toMatchObject({ effect: 'deny', reason: 'compartment:search-not-restrictable' });
  });

  it('refuses writes that name another patient (403) and creates that name nobody', async () => {
    expect(await as('observations', 'create', { body: { patientId: 'p1', status: 'final' } })).toMatchObject({ effect: 'allow' });
    expect(await as('observations', 'create', { body: { patientId: 'p2', status: 'final' } })).toMatchObject({
      effect: 'deny',
      status: 403,
    });
    expect(await as('observations', 'create', { body: { subject: { reference: 'Patient/p2' } } })).toMatchObject({
      effect: 'deny',
      status: 403,
    });
    expect(await as('observations', 'create', { body: { status: 'final' } })).toMatchObject({
      effect: 'deny',
      reason: 'compartment:create-without-patient',
    });
    expect(
      await as('observations', 'update', { id: 'o1', body: [{ op: 'replace', path: '/subject/reference', value: 'Patient/p2' }] }),
    ).toMatchObject({ effect: 'deny', status: 403 });
    expect(await as('patients', 'update', { id: 'p1', body: { phone: '1' } })).toMatchObject({ effect: 'allow' });
    // Clearing the patient link takes the record out of every compartment.
    expect(await as('tasks', 'update', { id: 't1', body: { patientId: null } })).toMatchObject({
      effect: 'deny',
      reason: 'compartment:unlinks-record',
    });
    expect(await as('tasks', 'update', { id: 't1', body: { description: 'x' } })).toMatchObject({ effect: 'allow' });
  });

  it('refuses _has, and allows includes for per-entry checking', async () => {
    expect(await as('observations', 'search', { query: '_has:Observation:patient:code=1' })).toMatchObject({
      effect: 'deny',
      reason: 'compartment:reverse-chaining',
    });
    expect(await as('patients', 'read', { id: 'p1', query: '_revinclude=Observation:subject' })).toMatchObject({
      effect: 'allow',
      compartment: { patientId: 'p1' },
    });
    // Carried in another answer: confined to the compartment, record by record — their own Patient included.
    expect(await as('conditions', 'read', { purpose: 'include' })).toMatchObject({ effect: 'allow', compartment: { patientId: 'p1' } });
    expect(await as('patients', 'read', { purpose: 'include' })).toMatchObject({ effect: 'allow', compartment: { patientId: 'p1' } });
  });

  it('keeps resources of no patient out of reach unless shared, and read-only when shared', async () => {
    for (const path of ['practitioners', 'slots', 'payment-notices', 'medications']) {
      expect(await as(path, 'search'), path).toMatchObject({ effect: 'deny', reason: 'compartment:not-shared' });
      expect(await as(path, 'read', { purpose: 'include' }), path).toMatchObject({ effect: 'deny', reason: 'compartment:not-shared' });
    }
    const sharing = patientCompartment({ patientId: (user) => user.patientId as string | undefined, shared: ['practitioners'] });
    expect(await sharing(policyRequest('practitioners', 'search', { user: patient }))).toMatchObject({
      effect: 'allow',
      compartment: { patientId: 'p1' },
    });
    expect(await sharing(policyRequest('practitioners', 'create', { user: patient, body: { name: 'x' } }))).toMatchObject({
      effect: 'deny',
      status: 403,
    });
    expect(await sharing(policyRequest('slots', 'search', { user: patient }))).toMatchObject({
      effect: 'deny',
      reason: 'compartment:not-shared',
    });
    expect(() => patientCompartment({ patientId: () => 'p1', shared: ['observations'] })).toThrow(/belongs to no patient/);
    expect(() => patientCompartment({ patientId: () => 'p1', shared: ['nope'] })).toThrow(/not a catalogue path/);
  });

  it('denies users without a patient id, and needs a function', async () => {
    expect(await policy(policyRequest('patients', 'read', { user: { id: 'staff' }, id: 'p1' }))).toMatchObject({
      effect: 'deny',
      reason: 'compartment:no-patient-id',
    });
    expect(() => patientCompartment({} as never)).toThrow(/patientId/);
  });

  it('knows which parameter confines each resource to a patient', () => {
    const param = (path: string) => patientSearchParam(findResource(path) as NonNullable<ReturnType<typeof findResource>>);
    expect(param('observations')).toBe('patientId');
    expect(param('schedules')).toBe('actorId');
    expect(param('enrollment-requests')).toBe('candidateId');
    expect(param('audit-events')).toBeUndefined();
  });
});
