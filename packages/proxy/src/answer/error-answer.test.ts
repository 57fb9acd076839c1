import { describe, expect, it } from 'vitest';
import { rebuildErrorAnswer } from './error-answer.ts';
import { createRedactor } from './redact.ts';

const redactor = createRedactor([]);

describe('rebuilding an upstream error answer', () => {
  it('keeps a known code of the status, the proxy’s request id and the field issues, and nothing else', () => {
    const rebuilt = rebuildErrorAnswer(
      422,
      {
        error: 'x',
        code: 'VALIDATION_ERROR',
        requestId: 'up',
        message: 'stack',
        issues: [{ severity: 'error', code: 'required', diagnostics: 'firstName: Required', path: 'firstName', x: 1 }],
      },
      'req_1',
      redactor,
    );
    expect(rebuilt).toEqual({
      status: 422,
      body: {
        error: 'Validation Error',
        code: 'VALIDATION_ERROR',
        requestId: 'req_1',
        issues: [{ severity: 'error', code: 'required', diagnostics: 'firstName: Required', path: 'firstName' }],
      },
    });
  });

  it('takes the status’s own code when the upstream’s is unknown or belongs to another status, and agrees with it', () => {
    expect(rebuildErrorAnswer(409, { code: 'NOT_FOUND' }, 'r', redactor)).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
    expect(rebuildErrorAnswer(410, 'gone', 'r', redactor)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(rebuildErrorAnswer(418, undefined, 'r', redactor)).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST' } });
    expect(rebuildErrorAnswer(429, { code: 'MONTHLY_QUOTA_EXCEEDED' }, 'r', redactor)).toMatchObject({
      status: 429,
      body: { code: 'MONTHLY_QUOTA_EXCEEDED' },
    });
  });

  it('reads `issue` as well as `issues`, bounds each, and drops what does not have the envelope’s shape', () => {
    const rebuilt = rebuildErrorAnswer(
      400,
      { issue: [{ diagnostics: `${'d'.repeat(900)}\nline two`, code: 'Bad Code', path: 'a b' }, { nope: 1 }] },
      'r',
      redactor,
    );
    expect(rebuilt.body.issues).toEqual([{ severity: 'error', code: 'invalid', diagnostics: 'd'.repeat(500) }]);
  });
});
