/**
 * Per-user rate limit, counted after the session so one user cannot spend another's budget. Every answer after it
 * carries the caller's own `X-RateLimit-Limit`, `-Remaining` and `-Reset` (seconds) — never the upstream's, which
 * count the whole clinic (its budget is limits/upstream-budget.ts). The counting is express-rate-limit's: its
 * `MemoryStore` by default, or any store written for it (`rate-limit-redis`, ...) so that several proxy instances
 * behind a load balancer share counts.
 *
 * The stage asks the store directly rather than through the library's `rateLimit()` middleware. That middleware is
 * built for limiting by client address: on every request it resolves `req.ip` (for a debug line, even with debugging
 * off), awaits four steps and decorates the request — in paired rounds on the proxy bench's servers, taking it out
 * saved about as much CPU as taking out the audit record. Here the key is the signed-in user and the limit is fixed, so one
 * `increment` and a comparison are the whole job.
 */
import type { Response } from 'express';
import { MemoryStore, type Options as LibraryOptions, type Store } from 'express-rate-limit';
import type { Logger } from 'pino';
import { ProxyError } from './errors.ts';
import { positiveInteger } from './limits/option-checks.ts';
import type { ProxyUser } from './request-context.ts';

export interface RateLimitOptions {
  /** Window length in ms. Default 60 000. */
  readonly windowMs?: number;
  /** Requests per user per window. Default 300. */
  readonly limit?: number;
  /** An express-rate-limit store shared by several instances, e.g. `new RedisStore({ sendCommand })`. Default: in this process's memory. */
  readonly store?: Store;
  /** Let requests through when the store fails (Redis down). Default false: refuse them with 500. */
  readonly passOnStoreError?: boolean;
}

function checkedStore(store: unknown): Store {
  const candidate = store as Partial<Store> | null;
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.increment !== 'function') {
    throw new TypeError('clinikProxy: option "rateLimit.store" must be an express-rate-limit store (with increment())');
  }
  return candidate as Store;
}

/** Counts a signed-in user's request; throws the 429 when they are over their limit. */
export interface RateLimiter {
  count(user: ProxyUser, res: Response): Promise<void>;
}

export function createRateLimiter(options: RateLimitOptions | false | undefined, logger?: Pick<Logger, 'error'>): RateLimiter | undefined {
  if (options === false) return undefined;
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new TypeError('clinikProxy: option "rateLimit" must be { windowMs, limit, store } or false');
  }
  const windowMs = positiveInteger(options?.windowMs, 'rateLimit.windowMs', 60_000);
  const limit = positiveInteger(options?.limit, 'rateLimit.limit', 300);
  const passOnStoreError = options?.passOnStoreError ?? false;
  if (typeof passOnStoreError !== 'boolean') throw new TypeError('clinikProxy: option "rateLimit.passOnStoreError" must be true or false');
  const store = checkedStore(options?.store ?? new MemoryStore());
  // Stores read what they need (the window) from the library's options. A store that fails to start (Redis
  // unreachable) fails each increment after it too, answered below; the start-up failure is said once, here.
  new Promise((resolve) => resolve(store.init?.({ windowMs, limit } as LibraryOptions))).catch(() => {
    logger?.error({ reason: 'rate-limit:store-init-failed' }, 'clinikapi.proxy.rate-limit-store-failed: the store did not start');
  });

  const limitHeader = String(limit);
  /** Sets the caller's own limit headers; the error envelope keeps them too (see sendError). Answers the seconds to reset. */
  const describe = (res: Response, totalHits: number, resetTime: Date | undefined): number => {
    const seconds = resetTime ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000)) : Math.ceil(windowMs / 1000);
    res.setHeader('x-ratelimit-limit', limitHeader);
    res.setHeader('x-ratelimit-remaining', String(Math.max(0, limit - totalHits)));
    res.setHeader('x-ratelimit-reset', String(seconds));
    return seconds;
  };
  const refuse = (seconds: number): ProxyError =>
    new ProxyError('RATE_LIMITED', 'Too many requests; try again later', {
      headers: { 'retry-after': String(seconds) },
      reason: 'rate-limit:user',
    });
  const storeFailed = (error: unknown): void => {
    if (!passOnStoreError) throw error;
    logger?.error({ reason: 'rate-limit:store-error' }, 'clinikapi.proxy.rate-limit-store-failed: request let through uncounted');
  };
  return {
    async count(user, res) {
      let counted: Awaited<ReturnType<Store['increment']>>;
      try {
        // A store may throw instead of rejecting; both are a store failure.
        counted = await store.increment(`user:${user.id}`);
      } catch (error) {
        return storeFailed(error);
      }
      const seconds = describe(res, counted.totalHits, counted.resetTime);
      if (counted.totalHits > limit) throw refuse(seconds);
    },
  };
}
