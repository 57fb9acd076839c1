import { describe, expect, it } from 'vitest';
import { clinikoErrorIssues } from './cliniko-errors.ts';
import { ApiError, ERROR_CODES, errorBody, errorCodeOfStatus, isErrorCode } from './errors.ts';

describe('ApiError', () => {
  it('carries its code’s status, and is sent as the envelope errorBody builds', () => {
    const issue = { severity: 'error', code: 'required', diagnostics: 'firstName: Required', path: 'firstName' } as const;
    const error = new ApiError('VALIDATION_ERROR', undefined, { issues: [issue], headers: { 'retry-after': '1' } });
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', status: 422, message: 'Validation Error', headers: { 'retry-after': '1' } });
    expect(error.toBody('req_1')).toEqual(errorBody('VALIDATION_ERROR', 'req_1', [issue]));
    expect(new ApiError('NOT_FOUND', 'Patient not found').toBody('req_2')).toEqual({
      error: 'Not Found',
      code: 'NOT_FOUND',
      requestId: 'req_2',
      issues: [],
      message: 'Patient not found',
    });
  });
});

describe('errorCodeOfStatus', () => {
  it.each(Array.from({ length: 100 }, (_, index) => 400 + index))('gives %i a code sent with that status, or BAD_REQUEST', (status) => {
    const code = errorCodeOfStatus(status);
    expect(isErrorCode(code)).toBe(true);
    // A 410 is a 404: the only status whose code is sent with another.
    const expected = status === 410 ? 404 : status;
    expect(ERROR_CODES[code].status === expected || code === 'BAD_REQUEST').toBe(true);
  });

  it('reads the statuses the API answers with as their codes', () => {
    expect([401, 403, 404, 409, 412, 422, 429].map(errorCodeOfStatus)).toEqual([
      'UNAUTHORIZED',
      'FORBIDDEN',
      'NOT_FOUND',
      'CONFLICT',
      'PRECONDITION_FAILED',
      'VALIDATION_ERROR',
      'RATE_LIMITED',
    ]);
  });
});

describe('clinikoErrorIssues', () => {
  it('turns Cliniko’s errors map into one issue a field, and ignores anything else', () => {
    expect(clinikoErrorIssues({ message: 'Validation Failed', errors: { starts_at: 'overlaps', count: 3 } })).toEqual([
      { severity: 'error', code: 'invalid', diagnostics: 'starts_at: overlaps', path: 'starts_at' },
    ]);
    for (const body of [undefined, null, 'text', [], { errors: ['a'] }, { errors: null }]) expect(clinikoErrorIssues(body)).toEqual([]);
  });
});
