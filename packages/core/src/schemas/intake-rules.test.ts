import { describe, expect, it } from 'vitest';
import { intakeCreateSchema } from './intake.ts';
import { PATIENT_INTAKE_RULES, PATIENT_INTAKE_URL } from './intake-rules.ts';

const failures = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

/** A patient intake (or another questionnaire's response) with one answer on the "About you" page. */
const intake = (linkId: string, answer: Record<string, unknown>, questionnaire = PATIENT_INTAKE_URL) => ({
  patientId: 'pat-1',
  questionnaire,
  items: [{ linkId: 'about-you', items: [{ linkId, answer: [answer] }] }],
});

const AT = 'items.0.items.0.answer.0';

describe('the patient intake questionnaire’s plausible answers', () => {
  it.each([
    ['weight', { valueQuantity: { value: -70, unit: 'kg' } }, 'valueQuantity.value', 'Must be between 0.5 and 500 kg'],
    ['weight', { valueQuantity: { value: 7000, unit: 'kg' } }, 'valueQuantity.value', 'Must be between 0.5 and 500 kg'],
    ['pain-level', { valueInteger: 11 }, 'valueInteger', 'Must be between 0 and 10'],
    ['temperature', { valueDecimal: 3.7 }, 'valueDecimal', 'Must be between 30 and 45 °C'],
    ['medication-dose', { valueQuantity: { value: 0, unit: 'mg' } }, 'valueQuantity.value', 'Must be between 0.01 and 10,000'],
    ['last-checkup', { valueDate: '2099-01-01' }, 'valueDate', 'Must not be in the future'],
    ['symptom-start', { valueDateTime: '2099-01-01T10:00:00Z' }, 'valueDateTime', 'Must not be in the future'],
  ])('refuses %s = %j, at the answer, with the rule and its range', (linkId, answer, path, message) => {
    expect(failures(intakeCreateSchema.safeParse(intake(linkId, answer)))).toEqual({ [`${AT}.${path}`]: message });
  });

  it.each([
    ['weight', { valueQuantity: { value: 70.5, unit: 'kg' } }],
    ['pain-level', { valueInteger: 0 }],
    ['temperature', { valueDecimal: 36.8 }],
    ['last-checkup', { valueDate: '2024-03-01' }],
  ])('accepts %s = %j', (linkId, answer) => {
    expect(failures(intakeCreateSchema.safeParse(intake(linkId, answer)))).toEqual({});
  });

  it('holds another questionnaire’s answers to no such rule: its ranges are its own', () => {
    expect(
      failures(
        intakeCreateSchema.safeParse(intake('weight', { valueQuantity: { value: -70 } }, 'https://example.org/Questionnaire/other')),
      ),
    ).toEqual({});
  });

  it('has a rule for each clinical quantity and past date of the questionnaire', () => {
    expect(Object.keys(PATIENT_INTAKE_RULES).sort()).toEqual([
      'last-checkup',
      'medication-dose',
      'medication-started',
      'pain-level',
      'symptom-start',
      'temperature',
      'weight',
    ]);
  });
});
