/**
 * When a failed request is worth repeating, and how long to wait. A 4xx is an answer, not an accident: repeating it
 * gives the same answer, so only what can succeed later is retried — no response (network, timeout), a 5xx, and a
 * 429 rate limit, after the `Retry-After` the server asked for.
 */
import { ClinikApiError, ClinikRateLimitError } from './errors.ts';

export interface ClinikRetryOptions {
  /** Retries after the first failure. Default 3. */
  readonly retries?: number;
  /** First backoff step in milliseconds; each retry doubles it (with full jitter). Default 1000. */
  readonly baseDelayMs?: number;
  /** Longest backoff in milliseconds. Default 10 000. */
  readonly maxDelayMs?: number;
  /** A 429 asking to wait longer than this (milliseconds) is not retried: the user is told instead. Default 60 000. */
  readonly maxRetryAfterMs?: number;
}

/** `retry` and `retryDelay` in TanStack Query's shape: spread them into query or mutation options. */
export interface ClinikRetryPolicy {
  readonly retry: (failureCount: number, error: unknown) => boolean;
  readonly retryDelay: (failureCount: number, error: unknown) => number;
}

/** True when repeating the request can give a different answer. */
export function isRetryableError(error: unknown): boolean {
  if (!(error instanceof ClinikApiError)) return false;
  if (error instanceof ClinikRateLimitError) {
    // Quota errors (`MONTHLY_QUOTA_EXCEEDED`, `SANDBOX_QUOTA_EXCEEDED`) are 429 too, but a quota resets monthly:
    // retrying only burns requests. `RATE_LIMITED` passes in seconds.
    return !error.code.endsWith('_QUOTA_EXCEEDED');
  }
  return error.status === 0 || error.status >= 500;
}

/**
 * Builds the policy. `ClinikProvider` installs the default one for every ClinikAPI query and mutation, unless your
 * QueryClient already sets `retry` itself.
 */
export function createClinikRetryPolicy(options: ClinikRetryOptions = {}): ClinikRetryPolicy {
  const { retries = 3, baseDelayMs = 1000, maxDelayMs = 10_000, maxRetryAfterMs = 60_000 } = options;
  const retryAfterMs = (error: unknown): number | undefined =>
    error instanceof ClinikRateLimitError && error.retryAfter !== undefined ? error.retryAfter * 1000 : undefined;
  return {
    retry: (failureCount, error) => {
      if (failureCount >= retries || !isRetryableError(error)) return false;
      const wait = retryAfterMs(error);
      return wait === undefined || wait <= maxRetryAfterMs;
    },
    retryDelay: (failureCount, error) =>
      retryAfterMs(error) ?? Math.round(Math.random() * Math.min(baseDelayMs * 2 ** failureCount, maxDelayMs)),
  };
}

/** The default policy: 3 retries, 1 s doubling to at most 10 s with full jitter, `Retry-After` honoured up to 60 s. */
export const clinikRetryPolicy: ClinikRetryPolicy = /* @__PURE__ */ createClinikRetryPolicy();
