/**
 * 200 requests per minute per user — every key of a user shares the budget. Over it: 429, an empty body (our
 * choice; none is documented) and `X-RateLimit-Reset`, the end of the window in Unix seconds. A window opens with
 * a user's first request and lasts 60 s of the injected clock. `force` makes the next answers 429 so that clients'
 * back-off can be tested without sending 200 requests.
 */
import { CLINIKO_REQUESTS_PER_MINUTE } from '@clinikapi/core';
import { ClinikoError } from '../errors.ts';

const WINDOW_MS = 60_000;

export interface ClinikoRateLimiter {
  /** Counts a request of `userKey`; throws the 429 when it is over the limit. */
  hit(userKey: string, now: number): void;
  /** The next `count` requests (of anyone) are answered 429. */
  force(count: number): void;
}

export function createClinikoRateLimiter(limit = CLINIKO_REQUESTS_PER_MINUTE): ClinikoRateLimiter {
  const windows = new Map<string, { startedAt: number; count: number }>();
  let forced = 0;
  return {
    hit(userKey, now) {
      let window = windows.get(userKey);
      if (!window || now - window.startedAt >= WINDOW_MS) {
        window = { startedAt: now, count: 0 };
        windows.set(userKey, window);
      }
      window.count += 1;
      if (window.count > limit || forced > 0) {
        forced = Math.max(0, forced - 1);
        throw new ClinikoError(429, null, { 'X-RateLimit-Reset': String(Math.ceil((window.startedAt + WINDOW_MS) / 1000)) });
      }
    },
    force(count) {
      forced = Math.max(0, count);
    },
  };
}
