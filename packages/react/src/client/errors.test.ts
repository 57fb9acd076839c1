import { describe, expect, it } from 'vitest';
import {
  ClinikApiError,
  ClinikNetworkError,
  ClinikTimeoutError,
  ClinikValidationError,
  errorFromResponse,
  isClinikApiError,
  retryAfterSeconds,
} from './errors.ts';

describe('typed errors', () => {
  it('maps validation issues to field paths, with or without the envelope’s path', () => {
    const error = new ClinikValidationError({
      status: 422,
      code: 'VALIDATION_ERROR',
      message: 'Validation Error',
      issues: [
        { severity: 'error', code: 'required', diagnostics: 'firstName: Required', path: 'firstName' },
        { severity: 'error', code: 'invalid', diagnostics: 'address.postalCode: At most 20 characters' },
        { severity: 'error', code: 'invalid', diagnostics: 'address.postalCode: Must be a postal code' },
        { severity: 'error', code: 'invalid', diagnostics: 'Give one value: valueQuantity or valueString' },
      ],
    });
    expect(error.fieldErrors).toEqual({
      firstName: ['Required'],
      'address.postalCode': ['At most 20 characters', 'Must be a postal code'],
    });
    expect(error.formErrors).toEqual(['Give one value: valueQuantity or valueString']);
    expect(error).toBeInstanceOf(ClinikApiError);
    expect(isClinikApiError(error)).toBe(true);
    expect(isClinikApiError(new Error('x'))).toBe(false);
  });

  it('reads Retry-After as seconds or as a date, and falls back to the rate-limit reset', () => {
    const now = Date.parse('2026-02-09T10:00:00Z');
    expect(retryAfterSeconds(new Headers({ 'retry-after': '12' }), now)).toBe(12);
    expect(retryAfterSeconds(new Headers({ 'retry-after': 'Mon, 09 Feb 2026 10:00:30 GMT' }), now)).toBe(30);
    expect(retryAfterSeconds(new Headers({ 'x-ratelimit-reset': '41' }), now)).toBe(41);
    expect(retryAfterSeconds(new Headers(), now)).toBeUndefined();
  });

  it('names no response apart from an error response', async () => {
    expect(new ClinikTimeoutError(1500)).toMatchObject({ status: 0, code: 'TIMEOUT', timeoutMs: 1500, name: 'ClinikTimeoutError' });
    expect(new ClinikTimeoutError(1500)).toBeInstanceOf(ClinikNetworkError);
    const error = await errorFromResponse(new Response('{"error":"Gone","code":"NOT_FOUND","requestId":"req_9"}', { status: 404 }));
    expect(error).toMatchObject({ name: 'ClinikNotFoundError', message: 'Gone', requestId: 'req_9', issues: [] });
  });
});
