/** Monthly quotas as documented: pools per plan, the shared Sandbox pool, overage billing, and the monthly reset. */
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../emulator.ts';
import { createMemoryStore } from '../store/memory.ts';
import type { Plan } from '../store/types.ts';

const MONTHLY = { sandbox: 4, starter: 3, pro: 3, team: 3, enterprise: null };
const PER_MINUTE = { sandbox: 1000, starter: 1000, pro: 1000, team: 1000, enterprise: 1000 };

async function setUp(plan: Plan, overageBilling = false) {
  let clock = Date.parse('2025-03-31T23:00:00Z');
  const emulator = createEmulator({
    store: createMemoryStore(),
    now: () => clock,
    limits: { monthlyRequests: MONTHLY, requestsPerMinute: PER_MINUTE },
  });
  await emulator.admin.createOrganisation({ id: 'org_quota', name: 'Quota clinic', plan, overageBilling });
  const keyFor = async (environment: 'test' | 'live') => (await emulator.admin.createKey({ organisationId: 'org_quota', environment })).key;
  const call = (key: string) => emulator.fetch(new Request('http://emulator.local/v1/patients', { headers: { 'x-api-key': key } }));
  /**
   * Statuses of calls with these keys, made one after another: concurrent calls may be counted in any order, and
   * these tests say which call is the one over the quota.
   */
  const statuses = async (keys: readonly string[]): Promise<number[]> => {
    const seen: number[] = [];
    for (const key of keys) seen.push((await call(key)).status);
    return seen;
  };
  return { call, statuses, test: await keyFor('test'), live: await keyFor('live'), advance: (ms: number) => (clock += ms) };
}

describe('monthly quotas', () => {
  it('on the Sandbox plan, test and live share one pool; test keys get SANDBOX_QUOTA_EXCEEDED, live ones MONTHLY_QUOTA_EXCEEDED', async () => {
    const { call, statuses, test, live } = await setUp('sandbox');
    const first = await call(test);
    expect(first.headers.get('x-quota-limit')).toBe('4');
    expect(first.headers.get('x-quota-billable')).toBe('true');
    expect(first.headers.get('x-sandbox-remaining')).toBe('3');
    expect(await statuses([live, test, live])).toEqual([200, 200, 200]);
    const overTest = await call(test);
    expect(overTest.status).toBe(429);
    expect(await overTest.json()).toMatchObject({ code: 'SANDBOX_QUOTA_EXCEEDED' });
    expect(Number(overTest.headers.get('retry-after'))).toBeGreaterThan(0);
    const overLive = await call(live);
    expect(await overLive.json()).toMatchObject({ code: 'MONTHLY_QUOTA_EXCEEDED' });
  });

  it('on paid plans, test traffic has its own pool and is not billable', async () => {
    const { call, statuses, test, live } = await setUp('pro');
    const sandbox = await call(test);
    expect(sandbox.headers.get('x-quota-billable')).toBe('false');
    expect(sandbox.headers.get('x-quota-used')).toBe('0');
    expect(sandbox.headers.get('x-sandbox-used')).toBe('1');
    expect(await statuses([test, test, test])).toEqual([200, 200, 429]);
    expect(await statuses([live, live, live, live])).toEqual([200, 200, 200, 429]);
  });

  it('with overage billing, live traffic runs on past the quota and the overage is counted', async () => {
    const { call, statuses, live, test } = await setUp('team', true);
    await statuses([live, live, live]);
    const over = await call(live);
    expect(over.status).toBe(200);
    expect(over.headers.get('x-quota-overage')).toBe('1');
    // Sandbox traffic is never billed, so overage billing does not extend it.
    expect(await statuses([test, test, test, test])).toEqual([200, 200, 200, 429]);
  });

  it('counts concurrent calls exactly: never more than the quota gets through, in whatever order they land', async () => {
    const { call, live } = await setUp('starter');
    const answers = await Promise.all(Array.from({ length: 8 }, async () => (await call(live)).status));
    expect(answers.sort()).toEqual([200, 200, 200, 429, 429, 429, 429, 429]);
  });

  it('resets on the 1st of the month (UTC), and enterprise is unlimited', async () => {
    const { call, statuses, live, advance } = await setUp('starter');
    expect(await statuses([live, live, live, live])).toEqual([200, 200, 200, 429]);
    advance(60 * 60 * 1000);
    expect((await call(live)).status).toBe(200);
    const enterprise = await setUp('enterprise');
    const response = await enterprise.call(enterprise.live);
    expect(response.headers.get('x-quota-limit')).toBe('unlimited');
  });

  it('refuses overage billing on the free plan', async () => {
    const emulator = createEmulator({ store: createMemoryStore() });
    await expect(emulator.admin.createOrganisation({ name: 'Free', plan: 'sandbox', overageBilling: true })).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
    });
  });
});
