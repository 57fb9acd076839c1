/**
 * Monthly quotas, as ClinikAPI's error page documents them. Every organisation has one live pool per month (UTC);
 * paid plans also get a sandbox pool of the same size for test keys, while on the Sandbox plan test and live traffic
 * share its 1,000 requests. Past a pool: 429 SANDBOX_QUOTA_EXCEEDED for test keys, 429 MONTHLY_QUOTA_EXCEEDED for
 * live ones — unless a paid plan has overage billing on, which lets live traffic run on and counts the overage.
 * Counts live in this process, like the rate limiter's, and start again with it.
 */
import type { KeyEnvironment } from '../auth/api-key.ts';
import type { Plan } from '../store/types.ts';

/** Included requests per month; null is unlimited (enterprise). */
export const MONTHLY_REQUESTS: Readonly<Record<Plan, number | null>> = {
  sandbox: 1_000,
  starter: 60_000,
  pro: 600_000,
  team: 3_000_000,
  enterprise: null,
};

export interface QuotaState {
  /** 429 code to answer with, when a pool is used up. */
  readonly exceeded?: 'SANDBOX_QUOTA_EXCEEDED' | 'MONTHLY_QUOTA_EXCEEDED';
  readonly headers: Readonly<Record<string, string>>;
}

export interface QuotaMeter {
  /** Counts one request and reports the headers for it (and whether it is over quota). */
  hit(caller: { organisationId: string; plan: Plan; environment: KeyEnvironment; overageBilling: boolean }): QuotaState;
}

function monthOf(time: number): { key: string; reset: string } {
  const date = new Date(time);
  const next = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
  return { key: `${date.getUTCFullYear()}-${date.getUTCMonth() + 1}`, reset: next.toISOString() };
}

export function createQuotaMeter(now: () => number, limits: Readonly<Record<Plan, number | null>> = MONTHLY_REQUESTS): QuotaMeter {
  const used = new Map<string, number>();
  const count = (pool: string, by: number): number => {
    const value = (used.get(pool) ?? 0) + by;
    used.set(pool, value);
    return value;
  };

  return {
    hit({ organisationId, plan, environment, overageBilling }) {
      const month = monthOf(now());
      const limit = limits[plan];
      const livePool = `${organisationId}\u0000${month.key}\u0000live`;
      const sandboxPool = `${organisationId}\u0000${month.key}\u0000sandbox`;
      // On the Sandbox plan every request is from the one shared pool; on paid plans test traffic has its own.
      const sharedPool = plan === 'sandbox';
      const billable = environment === 'live' || sharedPool;
      const liveUsed = count(livePool, billable ? 1 : 0);
      // A refused request is not served, so it does not use up the pool.
      const refund = (): void => {
        count(billable ? livePool : sandboxPool, -1);
      };
      const headers: Record<string, string> = {
        'X-Quota-Limit': limit === null ? 'unlimited' : String(limit),
        'X-Quota-Used': String(liveUsed),
        'X-Quota-Remaining': limit === null ? 'unlimited' : String(Math.max(0, limit - liveUsed)),
        'X-Quota-Billable': String(billable),
        'X-Quota-Reset': month.reset,
      };
      let exceeded: QuotaState['exceeded'];
      if (environment === 'test') {
        const sandboxUsed = sharedPool ? liveUsed : count(sandboxPool, 1);
        headers['X-Sandbox-Limit'] = limit === null ? 'unlimited' : String(limit);
        headers['X-Sandbox-Used'] = String(sandboxUsed);
        headers['X-Sandbox-Remaining'] = limit === null ? 'unlimited' : String(Math.max(0, limit - sandboxUsed));
        if (limit !== null && sandboxUsed > limit) exceeded = 'SANDBOX_QUOTA_EXCEEDED';
      } else if (limit !== null && liveUsed > limit) {
        if (overageBilling && plan !== 'sandbox') headers['X-Quota-Overage'] = String(liveUsed - limit);
        else exceeded = 'MONTHLY_QUOTA_EXCEEDED';
      }
      if (exceeded) refund();
      return exceeded ? { exceeded, headers } : { headers };
    },
  };
}
