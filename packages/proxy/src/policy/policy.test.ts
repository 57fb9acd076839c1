import { describe, expect, it } from 'vitest';
import { allOf, allow, decide, deny, normalizeDecision } from './policy.ts';
import { policyRequest } from '../../test/policy-requests.ts';

describe('policy decisions', () => {
  it('normalises shorthand and fails closed on anything unrecognisable', () => {
    expect(normalizeDecision(true)).toMatchObject({ effect: 'allow' });
    expect(normalizeDecision(false)).toMatchObject({ effect: 'deny', status: 403 });
    for (const garbage of [
      undefined,
      null,
      'yes',
      1,
      {},
      { effect: 'maybe' },
      { effect: 'allow', query: 'patientId=x' },
      { effect: 'allow', compartment: { patientId: '' } },
    ]) {
      expect(normalizeDecision(garbage)).toMatchObject({ effect: 'deny' });
    }
    expect(normalizeDecision({ effect: 'deny', status: 404, reason: 'r' })).toEqual(deny('r', 404));
    expect(normalizeDecision({ effect: 'deny', status: 500, reason: 'r' })).toEqual(deny('r', 403));
  });

  it('turns a throwing or rejecting policy into a denial', async () => {
    expect(
      await decide(
        () => {
          throw new Error('boom');
        },
        policyRequest('labs', 'search'),
      ),
    ).toEqual(deny('policy:threw'));
    expect(await decide(() => Promise.reject(new Error('boom')), policyRequest('labs', 'search'))).toEqual(deny('policy:threw'));
  });

  it('awaits a policy that answers with any thenable, not only a native promise', async () => {
    const later = (value: unknown, fails = false) => ({
      then: (resolve: (v: unknown) => void, reject: (e: unknown) => void) => (fails ? reject(value) : resolve(value)),
    });
    expect(await decide(() => later(true) as never, policyRequest('labs', 'search'))).toMatchObject({
      effect: 'allow',
      reason: 'policy:allow',
    });
    expect(await decide(() => later(new Error('boom'), true) as never, policyRequest('labs', 'search'))).toEqual(deny('policy:threw'));
    // A callable thenable is a thenable too; an answer given at once is taken as it is.
    const callable = Object.assign(() => undefined, { then: (resolve: (v: unknown) => void) => resolve(false) });
    expect(await decide(() => callable as never, policyRequest('labs', 'search'))).toEqual(deny('policy:deny'));
    expect(await decide(() => true, policyRequest('labs', 'search'))).toMatchObject({ effect: 'allow' });
  });

  it('allOf needs every policy, threads the query and refuses conflicting compartments', async () => {
    const narrow = () => allow({ reason: 'a', query: new URLSearchParams('patientId=p1'), compartment: { patientId: 'p1' } });
    const seesQuery = (request: { query: URLSearchParams }) => allow({ reason: `saw:${request.query.get('patientId')}` });
    expect(await allOf(narrow, seesQuery)(policyRequest('labs', 'search'))).toMatchObject({
      effect: 'allow',
      reason: 'a+saw:p1',
      compartment: { patientId: 'p1' },
    });
    expect(await allOf(narrow, () => false)(policyRequest('labs', 'search'))).toMatchObject({ effect: 'deny' });
    const other = () => allow({ compartment: { patientId: 'p2' } });
    expect(await allOf(narrow, other)(policyRequest('labs', 'search'))).toEqual(deny('policy:conflicting-compartments'));
    expect(() => allOf()).toThrow(/one or more/);
  });
});
