/**
 * Plausible answers to the patient intake questionnaire — the one `@clinikapi/react`'s IntakeForm asks when an app
 * passes none — by question. The form carries these ranges in its items and checks them as the patient types; the
 * intake schema refuses answers outside them, so the API never stores a weight of −70 kg or a check-up in 2099. An
 * app's own questionnaire carries its own ranges (`minValue`/`maxValue`), which only the form can know.
 */
import type * as z from 'zod/mini';
import { isNotFuture, rangeMessage } from './common.ts';

/** The canonical URL of the patient intake questionnaire; responses to it name it as their `questionnaire`. */
export const PATIENT_INTAKE_URL = 'https://clinikapi.com/fhir/Questionnaire/patient-intake';

/** What an answer to one question may be. Numbers (integer, decimal, quantity) within `min`–`max`; dates not later than now. */
export interface IntakeAnswerRule {
  readonly min?: number;
  readonly max?: number;
  /** The unit the range is in, and the only one the question offers (UCUM code and display). */
  readonly unit?: { readonly code: string; readonly display: string };
  readonly notInFuture?: true;
}

/** The patient intake's rules, by `linkId`. */
export const PATIENT_INTAKE_RULES: Readonly<Record<string, IntakeAnswerRule>> = {
  'symptom-start': { notInFuture: true },
  'pain-level': { min: 0, max: 10 },
  temperature: { min: 30, max: 45, unit: { code: 'Cel', display: '°C' } },
  'medication-dose': { min: 0.01, max: 10_000 },
  'medication-started': { notInFuture: true },
  weight: { min: 0.5, max: 500, unit: { code: 'kg', display: 'kg' } },
  'last-checkup': { notInFuture: true },
};

interface Answer {
  readonly valueInteger?: number | undefined;
  readonly valueDecimal?: number | undefined;
  readonly valueQuantity?: { readonly value: number } | undefined;
  readonly valueDate?: string | undefined;
  readonly valueDateTime?: string | undefined;
}

interface Item {
  readonly linkId: string;
  readonly answer?: readonly Answer[] | undefined;
  readonly items?: readonly Item[] | undefined;
}

/** The problem with one answer under `rule`, as [the path below the answer, the message], or undefined. */
function answerProblem(answer: Answer, rule: IntakeAnswerRule): [string, string] | undefined {
  const numbers: [string, number | undefined][] = [
    ['valueInteger', answer.valueInteger],
    ['valueDecimal', answer.valueDecimal],
    ['valueQuantity.value', answer.valueQuantity?.value],
  ];
  for (const [path, value] of numbers) {
    if (value === undefined) continue;
    if ((rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max))
      return [path, rangeMessage(rule.min, rule.max, rule.unit?.display)];
  }
  if (rule.notInFuture) {
    for (const [path, value] of [
      ['valueDate', answer.valueDate],
      ['valueDateTime', answer.valueDateTime],
    ] as const) {
      if (value !== undefined && !isNotFuture(value)) return [path, 'Must not be in the future'];
    }
  }
  return undefined;
}

/** Reports every answer of a patient intake response that breaks its question's rule, at the answer's own path. */
export function checkPatientIntakeAnswers(
  intake: { readonly questionnaire?: string | undefined; readonly items: readonly Item[] },
  ctx: z.core.$RefinementCtx,
): void {
  if (intake.questionnaire !== PATIENT_INTAKE_URL) return;
  const walk = (items: readonly Item[], path: (string | number)[]) => {
    items.forEach((item, index) => {
      const at = [...path, index];
      const rule = PATIENT_INTAKE_RULES[item.linkId];
      item.answer?.forEach((answer, answerIndex) => {
        const problem = rule && answerProblem(answer, rule);
        if (problem) ctx.addIssue({ code: 'custom', path: [...at, 'answer', answerIndex, ...problem[0].split('.')], message: problem[1] });
      });
      if (item.items) walk(item.items, [...at, 'items']);
    });
  };
  walk(intake.items, ['items']);
}
