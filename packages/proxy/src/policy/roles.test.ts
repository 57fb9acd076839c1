import { describe, expect, it } from 'vitest';
import { allow, deny } from './policy.ts';
import { grants, roles } from './roles.ts';
import { policyRequest } from '../../test/policy-requests.ts';

const frontDesk = { id: 'fd', roles: ['frontDesk'] };
const clinician = { id: 'c', roles: ['clinician'] };

describe('roles', () => {
  const policy = roles({ clinician: '*', frontDesk: ['patients:read', 'appointments:*'] });

  it("grants a '*' role everything", async () => {
    expect(await policy(policyRequest('labs', 'delete', { user: clinician, id: 'x' }))).toEqual(allow({ reason: 'role:clinician' }));
  });

  it('grants exactly the listed interactions; read covers search', async () => {
    expect(await policy(policyRequest('patients', 'search', { user: frontDesk }))).toMatchObject({ effect: 'allow' });
    expect(await policy(policyRequest('patients', 'read', { user: frontDesk, id: 'p' }))).toMatchObject({ effect: 'allow' });
    expect(await policy(policyRequest('appointments', 'update', { user: frontDesk, id: 'a' }))).toMatchObject({ effect: 'allow' });
    expect(await policy(policyRequest('patients', 'create', { user: frontDesk }))).toMatchObject({ effect: 'deny', status: 403 });
    expect(await policy(policyRequest('labs', 'read', { user: frontDesk, id: 'l' }))).toMatchObject({ effect: 'deny', status: 403 });
  });

  it('refuses users with no mapped role, and users with no roles', async () => {
    expect(await policy(policyRequest('patients', 'read', { user: { id: 'x', roles: ['janitor'] }, id: 'p' }))).toEqual(deny('role:none'));
    expect(await policy(policyRequest('patients', 'read', { user: { id: 'x' }, id: 'p' }))).toEqual(deny('role:none'));
  });

  it('lets any held role allow, and a role may map to a policy', async () => {
    const both = roles({ frontDesk: ['patients:read'], auditor: () => allow({ reason: 'custom' }) });
    expect(await both(policyRequest('labs', 'read', { user: { id: 'x', roles: ['frontDesk', 'auditor'] }, id: 'l' }))).toMatchObject({
      reason: 'custom',
    });
    const throwing = roles({
      broken: () => {
        throw new Error('boom');
      },
    });
    expect(await throwing(policyRequest('labs', 'read', { user: { id: 'x', roles: ['broken'] }, id: 'l' }))).toEqual(deny('policy:threw'));
  });

  it('walks on past an asynchronous role policy that denies, and keeps the first denial', async () => {
    const mixed = roles({ auditor: async () => deny('auditor:closed'), clinician: '*', frontDesk: ['patients:read'] });
    expect(await mixed(policyRequest('labs', 'read', { user: { id: 'x', roles: ['auditor', 'clinician'] }, id: 'l' }))).toMatchObject({
      effect: 'allow',
      reason: 'role:clinician',
    });
    expect(await mixed(policyRequest('labs', 'read', { user: { id: 'x', roles: ['auditor', 'frontDesk'] }, id: 'l' }))).toEqual(
      deny('auditor:closed'),
    );
    const rejecting = roles({ auditor: () => Promise.reject(new Error('down')) });
    expect(await rejecting(policyRequest('labs', 'read', { user: { id: 'x', roles: ['auditor'] }, id: 'l' }))).toEqual(
      deny('policy:threw'),
    );
  });

  it('rejects grants that name no catalogue resource or verb, at start-up', () => {
    expect(() => roles({ frontDesk: ['patinets:read'] })).toThrow(/role "frontDesk".*patinets:read/);
    expect(() => roles({ frontDesk: ['patients:peek'] })).toThrow(/patients:peek/);
    expect(() => roles({})).toThrow(/at least one role/);
    expect(() => grants(['patients'])).toThrow(/grant/);
  });

  it('grants() is the same rule without roles', async () => {
    const policy = grants(['*:read', 'consents:create']);
    expect(await policy(policyRequest('labs', 'search'))).toMatchObject({ effect: 'allow' });
    expect(await policy(policyRequest('consents', 'create'))).toMatchObject({ effect: 'allow' });
    expect(await policy(policyRequest('consents', 'delete', { id: 'c' }))).toMatchObject({ effect: 'deny' });
  });
});
