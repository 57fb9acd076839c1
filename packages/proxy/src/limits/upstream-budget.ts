/**
 * The upstream budget: ClinikAPI limits calls per minute per clinic, not per user, so every user of a key draws on one
 * budget. Staff (users holding one of `staffRoles`) are limited only by the key's total; everyone else by their role's
 * share of it and, each on their own, by `perUserShare` — so however hard non-staff users push, staff keep the rest.
 * Every upstream call a request will make is charged before the first is made (2 for a compartment update).
 */
import type { ProxyUser } from '../request-context.ts';
import type { Charge } from './charge.ts';
import { fraction, invalidOption, optionsObject, positiveInteger, windowCounter } from './option-checks.ts';
import { memoryWindowCounter, type WindowCounter } from './window-counter.ts';

export interface UpstreamBudgetOptions {
  /**
   * Upstream calls per minute for each key: the plan's limit (ClinikAPI Pro: 1,000), or less when others use the key
   * too. Required for ClinikAPI; for Cliniko the default is its limit, 200 a minute per user.
   */
  readonly perMinute?: number;
  /** Roles whose users only the key's total limits (e.g. `['clinician', 'frontDesk']`). Required; everyone else is non-staff. */
  readonly staffRoles: readonly string[];
  /**
   * The fraction of `perMinute` the non-staff users of each role may spend together, e.g. `{ patient: 0.2 }`. A user
   * counts under the first of their own roles that is listed here; `'*'` is for non-staff users whose roles are not listed.
   * Default `{ '*': 0.2 }`; without a `'*'`, unlisted roles get the smallest share given.
   */
  readonly shares?: Readonly<Record<string, number>>;
  /** The fraction of `perMinute` any one non-staff user may spend (never more than their role's share). Default 0.05. */
  readonly perUserShare?: number;
  /** Where the counts live. Default: this process's memory; `redisWindowCounter({...})` to share them between instances. */
  readonly store?: WindowCounter;
}

export interface UpstreamBudget {
  /** What `calls` upstream calls by `user` with the key of `fingerprint` are charged to. */
  charges(user: ProxyUser, fingerprint: string, calls: number): Charge[];
}

const MINUTE_MS = 60_000;
const DEFAULT_SHARE = 0.2;

/** `upstreamPerMinute`: the upstream's own limit per key, when the preset knows it (Cliniko's); the `perMinute` default. */
export function createUpstreamBudget(
  value: UpstreamBudgetOptions | false | undefined,
  upstreamPerMinute?: number,
): UpstreamBudget | undefined {
  if (value === false) return undefined;
  const options = optionsObject(value, 'budget', '{ perMinute, staffRoles, shares?, perUserShare?, store? }');
  if (!options) return undefined;
  if (options.perMinute === undefined && upstreamPerMinute === undefined) {
    invalidOption('budget.perMinute', "is required: the key's upstream calls per minute (your plan's limit)");
  }
  const perMinute = positiveInteger(options.perMinute, 'budget.perMinute', upstreamPerMinute ?? 0);
  if (!Array.isArray(options.staffRoles) || !options.staffRoles.every((role) => typeof role === 'string' && role !== '')) {
    invalidOption('budget.staffRoles', 'must list the roles whose users are staff, e.g. ["clinician", "frontDesk"]');
  }
  const staff = new Set(options.staffRoles);
  const shares = optionsObject(options.shares, 'budget.shares', '{ role: fraction }') ?? {};
  const limits = new Map<string, number>();
  for (const [role, share] of Object.entries(shares)) {
    if (staff.has(role)) invalidOption(`budget.shares.${role}`, 'names a staff role: staff are limited only by the key total');
    limits.set(role, Math.floor(fraction(share, `budget.shares.${role}`) * perMinute));
  }
  if (!limits.has('*')) limits.set('*', Math.min(Math.floor(DEFAULT_SHARE * perMinute), ...limits.values()));
  const perUser = Math.floor(fraction(options.perUserShare ?? 0.05, 'budget.perUserShare') * perMinute);
  const counter = windowCounter(options.store, 'budget.store', () => memoryWindowCounter());

  const charge = (key: string, amount: number, limit: number, reason: string): Charge => ({
    counter,
    key,
    amount,
    limit,
    windowMs: MINUTE_MS,
    reason,
  });
  return {
    charges(user, fingerprint, calls) {
      const roles = user.roles ?? [];
      const total = charge(`budget:${fingerprint}:key`, calls, perMinute, 'budget:key');
      if (roles.some((role) => staff.has(role))) return [total];
      const group = roles.find((role) => limits.has(role)) ?? '*';
      const groupLimit = limits.get(group) as number;
      return [
        charge(`budget:${fingerprint}:user:${user.id}`, calls, Math.min(perUser, groupLimit), 'budget:user-share'),
        charge(`budget:${fingerprint}:role:${group}`, calls, groupLimit, 'budget:role-share'),
        total,
      ];
    },
  };
}
