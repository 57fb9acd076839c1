/** Builds successful responses in the `{ data, meta }` envelope with the headers every response carries. */
import type { ApiResponse } from '@clinikapi/core';
import type { RateLimitState } from './rate-limit.ts';

export interface ResponseContext {
  readonly requestId: string;
  readonly now: Date;
  readonly rateLimit?: RateLimitState | undefined;
  /** The X-Quota-* and X-Sandbox-* headers of an authenticated request. */
  readonly quotaHeaders?: Readonly<Record<string, string>> | undefined;
}

export function rateLimitHeaders(rateLimit: RateLimitState | undefined): Record<string, string> {
  if (!rateLimit) return {};
  return {
    'X-RateLimit-Limit': String(rateLimit.limit),
    'X-RateLimit-Remaining': String(rateLimit.remaining),
    'X-RateLimit-Reset': String(rateLimit.resetSeconds),
  };
}

export function envelope<T>(ctx: ResponseContext, status: number, data: T): ApiResponse<T> {
  return {
    data,
    meta: {
      requestId: ctx.requestId,
      timestamp: ctx.now.toISOString(),
      status,
      ...(ctx.rateLimit
        ? {
            rateLimitTotal: ctx.rateLimit.limit,
            rateLimitRemaining: ctx.rateLimit.remaining,
            rateLimitReset: ctx.rateLimit.resetSeconds,
          }
        : {}),
    },
  };
}
