import { describe, expect, it } from 'vitest';
import { chargeAll } from './charge.ts';
import { createUpstreamBudget, type UpstreamBudgetOptions } from './upstream-budget.ts';
import { memoryWindowCounter } from './window-counter.ts';

const clinician = { id: 'doc', roles: ['clinician'] };
const patient = (id: string) => ({ id, roles: ['patient'] });

/** A budget on its own memory store, and a function spending `calls` for a user; answers the refusal reason or 'ok'. */
function budgetOf(options: Partial<UpstreamBudgetOptions> = {}) {
  const budget = createUpstreamBudget({ perMinute: 100, staffRoles: ['clinician'], store: memoryWindowCounter(), ...options });
  if (!budget) throw new Error('budget expected');
  return (user: { id: string; roles: string[] }, calls = 1, fingerprint = 'fp1') =>
    (chargeAll(budget.charges(user, fingerprint, calls)) as { reason: string } | undefined)?.reason ?? 'ok';
}

const times = <T>(count: number, make: () => T): T[] => Array.from({ length: count }, make);

describe('createUpstreamBudget', () => {
  it('is off unless configured', () => {
    expect(createUpstreamBudget(undefined)).toBeUndefined();
    expect(createUpstreamBudget(false)).toBeUndefined();
  });

  it.each([
    [{ staffRoles: ['clinician'] }, '"budget.perMinute" is required'],
    [{ perMinute: 0, staffRoles: ['clinician'] }, '"budget.perMinute"'],
    [{ perMinute: 100 }, '"budget.staffRoles"'],
    [{ perMinute: 100, staffRoles: [''] }, '"budget.staffRoles"'],
    [{ perMinute: 100, staffRoles: ['clinician'], shares: { patient: 1.5 } }, '"budget.shares.patient"'],
    [{ perMinute: 100, staffRoles: ['clinician'], shares: { clinician: 0.5 } }, '"budget.shares.clinician" names a staff role'],
    [{ perMinute: 100, staffRoles: ['clinician'], perUserShare: -1 }, '"budget.perUserShare"'],
    [{ perMinute: 100, staffRoles: ['clinician'], store: {} }, '"budget.store"'],
    ['lots', '"budget"'],
  ])('names the bad option in %j', (options, message) => {
    expect(() => createUpstreamBudget(options as never)).toThrow(message);
  });

  it('keeps the rest of the budget for staff however hard non-staff users push', () => {
    const spend = budgetOf({ shares: { patient: 0.3 }, perUserShare: 0.1 });
    const first = times(30, () => spend(patient('p1'), 2));
    const second = times(30, () => spend(patient('p2'), 2));
    // Each patient alone: 10 calls (5 updates of 2); together at most the role's 30.
    expect(first.filter((answer) => answer === 'ok')).toHaveLength(5);
    expect(first.at(-1)).toBe('budget:user-share');
    expect(second.filter((answer) => answer === 'ok')).toHaveLength(5);
    expect(times(10, () => spend(patient('p3'), 2)).filter((answer) => answer === 'ok')).toHaveLength(5);
    expect(spend(patient('p4'), 2)).toBe('budget:role-share');
    // 30 calls went to patients: the clinician has the other 70, and then the key is spent.
    expect(times(70, () => spend(clinician)).every((answer) => answer === 'ok')).toBe(true);
    expect(spend(clinician)).toBe('budget:key');
  });

  it('counts each key on its own', () => {
    const spend = budgetOf();
    expect(times(100, () => spend(clinician, 1, 'fp1')).every((answer) => answer === 'ok')).toBe(true);
    expect(spend(clinician, 1, 'fp1')).toBe('budget:key');
    expect(spend(clinician, 1, 'fp2')).toBe('ok');
  });

  it("treats users without a staff role as non-staff, under '*' (0.2 by default, or the smallest share given)", () => {
    const byDefault = budgetOf({ perUserShare: 1 });
    expect(times(25, () => byDefault({ id: 'x', roles: [] })).filter((answer) => answer === 'ok')).toHaveLength(20);
    const smallest = budgetOf({ shares: { patient: 0.3, caregiver: 0.1 }, perUserShare: 1 });
    expect(times(15, () => smallest({ id: 'y', roles: ['volunteer'] })).filter((answer) => answer === 'ok')).toHaveLength(10);
    // Staff roles win over any other role the user holds.
    const staff = budgetOf({ shares: { patient: 0.1 } });
    expect(times(100, () => staff({ id: 'z', roles: ['patient', 'clinician'] })).every((answer) => answer === 'ok')).toBe(true);
  });

  it("counts a user under the first of their roles that has a share, each user at most the role's share", () => {
    const spend = budgetOf({ shares: { patient: 0.05, caregiver: 0.3 }, perUserShare: 0.2 });
    expect(times(10, () => spend({ id: 'c1', roles: ['caregiver', 'patient'] })).filter((answer) => answer === 'ok')).toHaveLength(10);
    expect(times(10, () => spend({ id: 'p1', roles: ['patient', 'caregiver'] })).filter((answer) => answer === 'ok')).toHaveLength(5);
  });
});
