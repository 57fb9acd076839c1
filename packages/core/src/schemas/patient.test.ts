import { describe, expect, it } from 'vitest';
import { patientCreateSchema, patientUpdateSchema } from './patient.ts';

const failures = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

describe('patient create schema', () => {
  it('accepts the documented example and trims names', () => {
    const parsed = patientCreateSchema.parse({
      firstName: ' Jane ',
      lastName: 'Doe',
      email: 'jane.doe@example.com',
      gender: 'female',
      birthDate: '1990-03-15',
      address: { line: ['123 Main St'], city: 'Austin', state: 'TX', postalCode: '78701', country: 'US' },
    });
    expect(parsed.firstName).toBe('Jane');
  });

  it('requires both names and says so per field', () => {
    expect(failures(patientCreateSchema.safeParse({ firstName: '  ' }))).toEqual({ firstName: 'Required', lastName: 'Required' });
  });

  it.each([
    [{ birthDate: '1990-02-30' }, 'birthDate'],
    [{ birthDate: '15/03/1990' }, 'birthDate'],
    [{ birthDate: '2999-01-01' }, 'birthDate'],
    [{ email: 'not-an-email' }, 'email'],
    [{ phone: 'call me maybe' }, 'phone'],
    [{ gender: 'robot' }, 'gender'],
    [{ lastName: 'x'.repeat(101) }, 'lastName'],
    [{ address: { city: 'Austin', planet: 'Earth' } }, 'address'],
    [{ contact: Array.from({ length: 11 }, () => ({})) }, 'contact'],
  ])('rejects %o at %s', (extra, field) => {
    const result = patientCreateSchema.safeParse({ firstName: 'A', lastName: 'B', ...extra });
    expect(result.success).toBe(false);
    expect(Object.keys(failures(result))).toContain(field);
  });

  it('rejects unknown fields instead of dropping them silently', () => {
    expect(Object.keys(failures(patientCreateSchema.safeParse({ firstName: 'A', lastName: 'B', ssn: '1' })))).toEqual(['']);
  });

  // zod/mini has no locale: these are core's own words, kept as zod's English put them (the emulator's 422s and the
  // forms show them).
  it.each([
    [{ firstName: 'A', lastName: 'B', nickname: 'x' }, '', 'Unrecognized key: "nickname"'],
    [{ firstName: 'A', lastName: 'B', nickname: 'x', 'odd key': 1 }, '', 'Unrecognized keys: "nickname", "odd key"'],
    [{ firstName: 'A', lastName: 'B', contact: [{ nickname: 'x' }] }, 'contact.0', 'Unrecognized key: "nickname"'],
    ['Jane', '', 'Invalid input: expected object, received string'],
    [null, '', 'Invalid input: expected object, received null'],
    [[], '', 'Invalid input: expected object, received array'],
    [{ firstName: 'A', lastName: 'B', contact: [42] }, 'contact.0', 'Invalid input: expected object, received number'],
  ])('words the issues of an object without a message of its own: %o', (input, path, message) => {
    expect(failures(patientCreateSchema.safeParse(input))).toEqual({ [path]: message });
  });
});

describe('patient update schema', () => {
  it('takes any subset of fields plus active, but not nothing', () => {
    expect(patientUpdateSchema.parse({ active: false })).toEqual({ active: false });
    expect(patientUpdateSchema.parse({ phone: '+44 20 7946 0000' })).toEqual({ phone: '+44 20 7946 0000' });
    expect(patientUpdateSchema.safeParse({}).success).toBe(false);
    expect(patientUpdateSchema.safeParse({ firstName: '' }).success).toBe(false);
  });
});
