import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { patientCreateSchema } from './schemas/patient.ts';
import { checkRequest } from './validation-issues.ts';

const issuesOf = (schema: z.core.$ZodType, input: unknown) => {
  const result = checkRequest(schema, input);
  if (result.ok) throw new Error('expected issues');
  return result.issues;
};

describe('checkRequest', () => {
  it('answers the parsed value when the input is valid', () => {
    expect(checkRequest(patientCreateSchema, { firstName: ' Jane ', lastName: 'Doe' })).toEqual({
      ok: true,
      value: { firstName: 'Jane', lastName: 'Doe' },
    });
  });

  it('names each bad field and its rule, never the value', () => {
    const issues = issuesOf(patientCreateSchema, { firstName: 'Jane', birthDate: 'SECRET-1986', nickname: 'Jay' });
    expect(issues).toEqual(
      expect.arrayContaining([
        { severity: 'error', code: 'required', diagnostics: 'lastName: Required', path: 'lastName' },
        expect.objectContaining({ code: 'invalid', path: 'birthDate' }),
        { severity: 'error', code: 'invalid', diagnostics: 'nickname: Unknown field nickname' },
      ]),
    );
    expect(JSON.stringify(issues)).not.toContain('SECRET');
  });

  it("words zod's own messages for people", () => {
    const schema = z.strictObject({
      kind: z.enum(['a', 'b']),
      count: z.number().check(z.maximum(3)),
      name: z.string().check(z.maxLength(2)),
    });
    expect(issuesOf(schema, { kind: 'c', count: 4, name: 'abc' }).map((issue) => issue.diagnostics)).toEqual([
      'kind: Must be one of a, b',
      'count: At most 3',
      'name: At most 2 characters',
    ]);
    expect(issuesOf(schema, { kind: 'a', count: 'x', name: 1 }).map((issue) => issue.diagnostics)).toEqual([
      'count: Must be a number',
      'name: Must be text',
    ]);
    expect(issuesOf(z.strictObject({}), { 'a b': 1 }).map((issue) => issue.diagnostics)).toEqual(['Contains unknown fields']);
  });
});
