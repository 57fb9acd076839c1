/**
 * The plan's per-minute request ceiling. As ClinikAPI's error page documents, the limit is shared by every key of an
 * organisation and counts test and live traffic alike; a window opens with the first request and lasts 60 s.
 */
import type { Plan } from '../store/types.ts';

export const REQUESTS_PER_MINUTE: Readonly<Record<Plan, number>> = {
  sandbox: 100,
  starter: 200,
  pro: 1_000,
  team: 5_000,
  enterprise: 10_000,
};

const MINUTE_MS = 60_000;

export interface RateLimitState {
  readonly limit: number;
  readonly remaining: number;
  /** Seconds until the window resets. */
  readonly resetSeconds: number;
  readonly exceeded: boolean;
}

export interface RateLimiter {
  /** Counts one request for `organisationId` and reports the state after it. */
  hit(organisationId: string, plan: Plan): RateLimitState;
}

export function createRateLimiter(
  now: () => number,
  limits: Readonly<Record<Plan, number>> = REQUESTS_PER_MINUTE,
  windowMs = MINUTE_MS,
): RateLimiter {
  const windows = new Map<string, { startedAt: number; count: number }>();
  return {
    hit(organisationId, plan) {
      const time = now();
      let window = windows.get(organisationId);
      if (!window || time - window.startedAt >= windowMs) {
        window = { startedAt: time, count: 0 };
        windows.set(organisationId, window);
      }
      window.count += 1;
      const limit = limits[plan];
      return {
        limit,
        remaining: Math.max(0, limit - window.count),
        resetSeconds: Math.max(1, Math.ceil((window.startedAt + windowMs - time) / 1000)),
        exceeded: window.count > limit,
      };
    },
  };
}
