/**
 * Cliniko's errors reach the browser in the proxy's envelope, so they are the library's typed errors
 * (`ClinikUnauthorizedError` 401, `ClinikForbiddenError` 403, `ClinikNotFoundError` 404, `ClinikValidationError` 422
 * with Cliniko's field names in `fieldErrors`). The one addition: Cliniko's rate limit resets at a moment, and a UI
 * says when.
 */
import { ClinikRateLimitError, type ClinikApiErrorInit } from '../../client/errors.ts';

/** 429 from Cliniko (200 requests a minute per user) or the proxy: `resetAt` is when to try again. */
export class ClinikoRateLimitError extends ClinikRateLimitError {
  /** When the limit resets: now plus `retryAfter` (60 s when the server did not say). */
  declare readonly resetAt: Date;

  override readonly name = 'ClinikoRateLimitError';

  constructor(init: ClinikApiErrorInit) {
    super(init);
    this.resetAt = new Date(Date.now() + (init.retryAfter ?? 60) * 1000);
  }
}
