import { describe, expect, it } from 'vitest';
import { upstreamRateLimited, upstreamRetryAfter } from './upstream-retry-after.ts';

const now = Date.parse('2025-03-01T12:00:00Z');

describe('upstreamRetryAfter', () => {
  it.each([
    [{ 'retry-after': '17' }, '17'],
    [{ 'retry-after': 'Sat, 01 Mar 2025 12:00:30 GMT' }, '30'],
    [{ 'retry-after': '0' }, '1'],
    // ClinikAPI: X-RateLimit-Reset is seconds to go. Cliniko: a Unix time in seconds.
    [{ 'x-ratelimit-reset': '42' }, '42'],
    [{ 'x-ratelimit-reset': String(now / 1000 + 25) }, '25'],
    [{ 'x-ratelimit-reset': String(now / 1000 - 5) }, '1'],
    [{ 'retry-after': '9', 'x-ratelimit-reset': '42' }, '9'],
    [{ 'retry-after': 'soon', 'x-ratelimit-reset': '42' }, '42'],
    [{}, '60'],
  ])('%j → %s', (headers, expected) => {
    expect(upstreamRetryAfter(headers, now)).toBe(expected);
  });

  it("is the proxy's own 429 for a read it could not make", () => {
    expect(upstreamRateLimited({ 'retry-after': '5' })).toMatchObject({
      status: 429,
      code: 'RATE_LIMITED',
      headers: { 'retry-after': '5' },
      reason: 'upstream:rate-limited',
    });
  });
});
