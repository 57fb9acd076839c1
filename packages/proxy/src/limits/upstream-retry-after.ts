/**
 * When an upstream 429 says to come back. ClinikAPI sends `Retry-After` (seconds); Cliniko sends only
 * `X-RateLimit-Reset`, as a Unix time in seconds; ClinikAPI's documented `X-RateLimit-Reset` is seconds to go. The
 * browser always gets a `Retry-After` in seconds, so a client (and @clinikapi/react's retry) waits rather than hammers.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { ProxyError } from '../errors.ts';

/** When an upstream 429 names no time at all: the length of the per-minute window it most likely refers to. */
const DEFAULT_SECONDS = 60;
/** Larger plain numbers are Unix times, not seconds to wait (2001-09-09 onwards). */
const UNIX_TIME_FROM = 1_000_000_000;

function secondsFrom(value: string | string[] | undefined, now: number): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) {
    const number = Number(text);
    return number >= UNIX_TIME_FROM ? Math.ceil(number - now / 1000) : number;
  }
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.ceil((date - now) / 1000);
}

/** `Retry-After` for an upstream 429, in whole seconds, at least 1. */
export function upstreamRetryAfter(headers: IncomingHttpHeaders, now: number = Date.now()): string {
  const seconds = secondsFrom(headers['retry-after'], now) ?? secondsFrom(headers['x-ratelimit-reset'], now) ?? DEFAULT_SECONDS;
  return String(Math.max(1, seconds));
}

/** The proxy's own 429 for an upstream 429 it cannot pass on as it is (the read before a compartment write). */
export function upstreamRateLimited(headers: IncomingHttpHeaders): ProxyError {
  return new ProxyError('RATE_LIMITED', 'ClinikAPI is rate limiting this clinic; try again later', {
    headers: { 'retry-after': upstreamRetryAfter(headers) },
    reason: 'upstream:rate-limited',
  });
}
