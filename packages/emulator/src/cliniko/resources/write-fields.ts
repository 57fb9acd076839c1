/**
 * Create and update bodies, checked the way Cliniko answers: every problem in one 422
 * `{"message":"Validation Failed","errors":{field: message}}`, Rails' wording. Fields the resource does not take are
 * ignored (as Rails' strong parameters do); on update only the fields sent change, and `null` clears one.
 */
import { isIsoDate } from '@clinikapi/core';
import { BLANK, ClinikoError, validationFailed } from '../errors.ts';
import { parseDateTime, utcDateTime } from '../time.ts';

export type FieldRule =
  | { readonly kind: 'string'; readonly max?: number; readonly email?: boolean }
  | { readonly kind: 'date' }
  | { readonly kind: 'datetime' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'integer'; readonly min: number; readonly max: number; readonly oneOf?: readonly number[] }
  | { readonly kind: 'choice'; readonly values: readonly string[] }
  | { readonly kind: 'id' }
  | { readonly kind: 'ids' }
  | { readonly kind: 'phones' }
  | { readonly kind: 'object' };

export type FieldRules = Readonly<Record<string, FieldRule>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DIGITS = /^\d{1,19}$/;

/** Ids are accepted as strings of digits (as documented) or as safe integers, and kept as strings. */
export function idOf(value: unknown): string | undefined {
  if (typeof value === 'string' && DIGITS.test(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return undefined;
}

/** The stored value for `value` under `rule`, or the message saying why it is refused. */
function convert(rule: FieldRule, value: unknown): { value: unknown } | { error: string } {
  switch (rule.kind) {
    case 'string':
      if (typeof value !== 'string') return { error: 'is invalid' };
      if (rule.max !== undefined && value.length > rule.max) return { error: `is too long (maximum is ${rule.max} characters)` };
      if (rule.email && value !== '' && !EMAIL.test(value)) return { error: 'is invalid' };
      return { value };
    case 'date':
      return typeof value === 'string' && isIsoDate(value) ? { value } : { error: 'is invalid' };
    case 'datetime': {
      const ms = typeof value === 'string' ? parseDateTime(value) : undefined;
      return ms === undefined ? { error: 'is invalid' } : { value: utcDateTime(ms) };
    }
    case 'boolean':
      return typeof value === 'boolean' ? { value } : { error: 'is invalid' };
    case 'integer': {
      const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
      if (typeof number !== 'number' || !Number.isInteger(number)) return { error: 'must be an integer' };
      if (rule.oneOf && !rule.oneOf.includes(number)) return { error: 'is not included in the list' };
      if (number < rule.min) return { error: `must be greater than or equal to ${rule.min}` };
      if (number > rule.max) return { error: `must be less than or equal to ${rule.max}` };
      return { value: number };
    }
    case 'choice':
      return typeof value === 'string' && rule.values.includes(value) ? { value } : { error: 'is not included in the list' };
    case 'id': {
      const id = idOf(value);
      return id === undefined ? { error: 'is invalid' } : { value: id };
    }
    case 'ids': {
      const ids = Array.isArray(value) ? value.map(idOf) : [undefined];
      return ids.every((id) => id !== undefined) ? { value: [...new Set(ids)] } : { error: 'is invalid' };
    }
    case 'phones': {
      const valid =
        Array.isArray(value) &&
        value.every(
          (entry) =>
            typeof entry === 'object' &&
            entry !== null &&
            typeof (entry as Record<string, unknown>).number === 'string' &&
            ['string', 'undefined'].includes(typeof (entry as Record<string, unknown>).phone_type),
        );
      if (!valid) return { error: 'is invalid' };
      return {
        value: (value as { number: string; phone_type?: string }[]).map(({ number, phone_type }) => ({
          phone_type: phone_type ?? 'Mobile',
          number,
        })),
      };
    }
    case 'object':
      if (typeof value !== 'object' || Array.isArray(value)) throw new ClinikoError(422, { message: 'must be an object' });
      return { value };
  }
}

const isBlank = (value: unknown): boolean => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/**
 * The record after applying `body` to `current` (empty for a create) under `rules`; `required` fields must not end
 * up blank. Throws the 422 with every problem found.
 */
export function applyFields(
  body: Readonly<Record<string, unknown>>,
  rules: FieldRules,
  current: Readonly<Record<string, unknown>>,
  required: readonly string[] = [],
): Record<string, unknown> {
  const next: Record<string, unknown> = { ...current };
  const errors: Record<string, string> = {};
  for (const [field, rule] of Object.entries(rules)) {
    if (!Object.hasOwn(body, field)) continue;
    const value = body[field];
    if (value === null) {
      next[field] = null;
      continue;
    }
    const converted = convert(rule, value);
    if ('error' in converted) errors[field] = converted.error;
    else next[field] = converted.value;
  }
  for (const field of required) {
    if (!errors[field] && isBlank(next[field])) errors[field] = BLANK;
  }
  if (Object.keys(errors).length > 0) throw validationFailed(errors);
  return next;
}
