import { describe, expect, it, vi } from 'vitest';
import { ClinikApiError, ClinikNetworkError, ClinikRateLimitError, ClinikTimeoutError } from './errors.ts';
import { createClinikRetryPolicy, isRetryableError } from './retry.ts';

const status = (code: number, name = 'HTTP_ERROR') => new ClinikApiError({ status: code, code: name, message: 'x' });
const limited = (retryAfter: number | undefined, code = 'RATE_LIMITED') =>
  new ClinikRateLimitError({ status: 429, code, message: 'x', retryAfter });

describe('retry policy', () => {
  it('retries what can succeed later and nothing else', () => {
    expect(isRetryableError(new ClinikNetworkError('offline'))).toBe(true);
    expect(isRetryableError(new ClinikTimeoutError(100))).toBe(true);
    expect(isRetryableError(status(500))).toBe(true);
    expect(isRetryableError(status(503))).toBe(true);
    expect(isRetryableError(limited(1))).toBe(true);
    for (const code of [400, 401, 403, 404, 409, 412, 422]) expect(isRetryableError(status(code))).toBe(false);
    expect(isRetryableError(limited(1, 'MONTHLY_QUOTA_EXCEEDED'))).toBe(false);
    expect(isRetryableError(limited(1, 'SANDBOX_QUOTA_EXCEEDED'))).toBe(false);
    expect(isRetryableError(new Error('a bug'))).toBe(false);
  });

  it('stops after the configured number of retries', () => {
    const policy = createClinikRetryPolicy({ retries: 2 });
    expect([0, 1, 2].map((failures) => policy.retry(failures, status(502)))).toEqual([true, true, false]);
  });

  it('backs off exponentially with full jitter, capped', () => {
    const policy = createClinikRetryPolicy({ baseDelayMs: 100, maxDelayMs: 300 });
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.999_999);
    expect([0, 1, 2, 3].map((failures) => policy.retryDelay(failures, status(500)))).toEqual([100, 200, 300, 300]);
    random.mockReturnValue(0);
    expect(policy.retryDelay(3, status(500))).toBe(0);
    random.mockRestore();
  });

  it('waits as long as Retry-After asks, and gives up when that is too long', () => {
    const policy = createClinikRetryPolicy({ maxRetryAfterMs: 10_000 });
    expect(policy.retryDelay(0, limited(7))).toBe(7_000);
    expect(policy.retry(0, limited(7))).toBe(true);
    expect(policy.retry(0, limited(60))).toBe(false);
  });
});
