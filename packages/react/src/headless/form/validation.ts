'use client';
/**
 * One wording for every rule a form checks, whoever checks it: the widget on what was typed, `@clinikapi/core`'s
 * schemas before sending, the API in a 422. Each rule has its own sentence — required, not a number, not a whole
 * number, out of range (with the range and unit), too long (with the limit), in the future — from the `validation`
 * messages, so an app translates them once. Core's English issues are read back into these (`localiseIssue`): the
 * core's wording is a stable contract, and a server 422 carries only its text.
 */
import { formatMessage } from '../../i18n/messages.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';

/** Every validation sentence, overridable as `messages.validation`. */
export const validationMessages = {
  required: 'Required',
  notANumber: 'Must be a number',
  wholeNumber: 'Must be a whole number',
  /** `{decimals}`: how many decimal places the value may have. */
  tooPrecise: 'Too many decimals: at most {decimals}',
  /** `{unit}` may be empty. */
  between: 'Must be between {min} and {max} {unit}',
  atLeast: 'Must be at least {min} {unit}',
  atMost: 'Must be at most {max} {unit}',
  /** A quantity that must be above zero (a dose, an amount to dispense). */
  positive: 'Must be more than 0',
  tooLong: 'At most {max} characters',
  notInFuture: 'Must not be in the future',
};

export type ValidationMessages = typeof validationMessages;

declare module '../../i18n/widget-messages.ts' {
  interface WidgetMessageCatalogue {
    validation: ValidationMessages;
  }
}

export function useValidationMessages(): ValidationMessages {
  return useWidgetMessages('validation', validationMessages);
}

/** A bound as written in core's messages: `10,080`, `-5`, `0.5`. */
const NUMBER = '(-?[\\d,]+(?:\\.\\d+)?)';
const BETWEEN = new RegExp(`^Must be between ${NUMBER} and ${NUMBER}(?: (.+))?$`);
const AT_LEAST = new RegExp(`^Must be at least ${NUMBER}(?: (.+))?$`);
const AT_MOST = new RegExp(`^Must be at most ${NUMBER}(?: (.+))?$`);
const TOO_LONG = /^At most (\d+) characters$/;

const numberOf = (text: string): number => Number(text.replaceAll(',', ''));

/** `{ min, max, unit }` filled in, in the locale, and without the space an empty unit leaves. */
function fill(template: string, values: { min?: number; max?: number; unit?: string | undefined }, locale: string | undefined): string {
  return formatMessage(template, { ...values, unit: values.unit ?? '' }, locale)
    .replace(/\s+$/, '')
    .replace(/\s+([.,;])/g, '$1');
}

/** The out-of-range sentence for `min`–`max` (either may be open). */
export function rangeProblem(
  min: number | undefined,
  max: number | undefined,
  unit: string | undefined,
  messages: ValidationMessages,
  locale: string | undefined,
): string {
  if (min !== undefined && max !== undefined) return fill(messages.between, { min, max, unit }, locale);
  if (min !== undefined) return fill(messages.atLeast, { min, unit }, locale);
  return fill(messages.atMost, { max: max ?? 0, unit }, locale);
}

/** Core's (or the API's) English for one issue, in the app's words; a message with no rule of its own stays as it is. */
export function localiseIssue(message: string, messages: ValidationMessages, locale: string | undefined): string {
  if (message === 'Required') return messages.required;
  if (message === 'Must be a number') return messages.notANumber;
  if (message === 'Must be a whole number') return messages.wholeNumber;
  if (message === 'Must not be in the future') return messages.notInFuture;
  const between = BETWEEN.exec(message);
  if (between) return rangeProblem(numberOf(between[1] as string), numberOf(between[2] as string), between[3], messages, locale);
  const atLeast = AT_LEAST.exec(message);
  if (atLeast) return rangeProblem(numberOf(atLeast[1] as string), undefined, atLeast[2], messages, locale);
  const atMost = AT_MOST.exec(message);
  if (atMost) return rangeProblem(undefined, numberOf(atMost[1] as string), atMost[2], messages, locale);
  const tooLong = TOO_LONG.exec(message);
  if (tooLong) return fill(messages.tooLong, { max: Number(tooLong[1]) }, locale);
  return message;
}

/** A number typed in a box: `undefined` when empty, NaN when not a number. Takes a sign and `36,8` as well as `36.8`. */
export function parseTypedNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(trimmed) ? Number(trimmed.replace(',', '.')) : Number.NaN;
}

export interface NumberRule {
  readonly min?: number | undefined;
  readonly max?: number | undefined;
  /** Decimal places allowed: 0 is a whole number. Default: any. */
  readonly decimals?: number | undefined;
  readonly unit?: string | undefined;
  /** Above zero (zero itself refused). */
  readonly positive?: boolean | undefined;
}

/**
 * What is wrong with a typed number, in the shared wording — not a number, not whole, too precise, out of range
 * (with the range) — or undefined when it is fine or empty (whether it is required is the caller's rule).
 */
export function numberProblem(
  text: string,
  rule: NumberRule,
  messages: ValidationMessages,
  locale: string | undefined,
): string | undefined {
  const value = parseTypedNumber(text);
  if (value === undefined) return undefined;
  if (Number.isNaN(value)) return messages.notANumber;
  const places = text.trim().split(/[.,]/)[1]?.length ?? 0;
  if (rule.decimals === 0 && !Number.isInteger(value)) return messages.wholeNumber;
  if (rule.decimals !== undefined && places > rule.decimals) return formatMessage(messages.tooPrecise, { decimals: rule.decimals }, locale);
  if (rule.positive && value <= 0) return messages.positive;
  if ((rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max))
    return rangeProblem(rule.min, rule.max, rule.unit, messages, locale);
  return undefined;
}
