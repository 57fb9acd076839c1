/**
 * Per-user rate limit on express-rate-limit, counted after the session so one user cannot spend another's budget.
 * Several proxy instances behind a load balancer share counts by passing the same store (e.g. `rate-limit-redis`).
 */
import type { RequestHandler } from 'express';
import { rateLimit, type Store } from 'express-rate-limit';
import { ProxyError } from './errors.ts';
import { getState } from './request-context.ts';

export interface RateLimitOptions {
  /** Window length in ms. Default 60 000. */
  readonly windowMs?: number;
  /** Requests per user per window. Default 300. */
  readonly limit?: number;
  /** Shared store for several instances, e.g. `new RedisStore({ sendCommand })`. Default: in this process's memory. */
  readonly store?: Store;
  /** Let requests through when the store fails (Redis down). Default false: refuse them with 500. */
  readonly passOnStoreError?: boolean;
}

function positiveInteger(value: unknown, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new TypeError(`clinikProxy: option "${option}" must be a positive integer`);
  return value;
}

export function createRateLimiter(options: RateLimitOptions | false | undefined): RequestHandler | undefined {
  if (options === false) return undefined;
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new TypeError('clinikProxy: option "rateLimit" must be { windowMs, limit, store } or false');
  }
  const windowMs = positiveInteger(options?.windowMs, 'rateLimit.windowMs', 60_000);
  const limit = positiveInteger(options?.limit, 'rateLimit.limit', 300);
  return rateLimit({
    windowMs,
    limit,
    ...(options?.store ? { store: options.store } : {}),
    passOnStoreError: options?.passOnStoreError ?? false,
    standardHeaders: false,
    legacyHeaders: false,
    keyGenerator: (req) => `user:${getState(req).user?.id ?? ''}`,
    // The key is the user id, never the client address: the IP checks of the library do not apply. Its per-request
    // self-checks are off too: each proxy owns its limiter and counts a request once, by construction, and
    // `singleCount` would otherwise track every request in a WeakMap (garbage-collector work on every call). The
    // start-up checks (a store shared by two limiters, a limiter created per request) stay on.
    validate: { ip: false, trustProxy: false, xForwardedForHeader: false, keyGeneratorIpFallback: false, singleCount: false, positiveHits: false, limit: false },
    handler: (req, _res, next) => {
      const resetTime = (req as typeof req & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = resetTime ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000)) : Math.ceil(windowMs / 1000);
      next(new ProxyError('RATE_LIMITED', 'Too many requests; try again later', { headers: { 'retry-after': String(seconds) }, reason: 'rate-limit:user' }));
    },
  });
}
