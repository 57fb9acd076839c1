/**
 * Cliniko's filter grammar: `q[]=FIELD:OPERATORvalue`, one condition per `q[]`, all AND-ed (a single `q=` too).
 *
 *   Date      = >= > <= < ? !?         `YYYY-MM-DD`, `*` per character with `=` (`****-05-**`)
 *   DateTime  >= > <= < ? !? *         ISO 8601 with `Z` (an offset is accepted and read as UTC)
 *   Integer   = != >= > <= < ? !?      `=` takes a list: `practitioner_id:=1,2,3`
 *   String    = != ~ ~~ ? !?           `~` contains, `~~` with `%` wildcards; both ignore case (our choice)
 *   Boolean   = !=                     `true` / `false`
 *
 * `?` is "has a value", `!?` "has none", `*` "any value" (it brings archived or cancelled records back into a list).
 * Parsing is separate from matching (`filter.ts`) so a bad condition is refused before any record is read.
 */
import { isIsoDate } from '@clinikapi/core';
import { badQuery } from '../errors.ts';
import { parseDateTime } from '../time.ts';
import { specOf, type FieldTable, type FieldType } from './fields.ts';

export type Operator = '=' | '!=' | '>=' | '>' | '<=' | '<' | '~' | '~~' | '?' | '!?' | '*';

/** Longest first, so `>=` is not read as `>` followed by `=…`. */
const OPERATORS: readonly Operator[] = ['!?', '~~', '>=', '<=', '!=', '?', '=', '~', '>', '<', '*'];

const OPERATORS_BY_TYPE: Readonly<Record<FieldType, readonly Operator[]>> = {
  date: ['=', '>=', '>', '<=', '<', '?', '!?'],
  datetime: ['>=', '>', '<=', '<', '?', '!?', '*'],
  integer: ['=', '!=', '>=', '>', '<=', '<', '?', '!?'],
  string: ['=', '!=', '~', '~~', '?', '!?'],
  boolean: ['=', '!='],
};

const VALUELESS: ReadonlySet<Operator> = new Set(['?', '!?', '*']);

export type Operand =
  | { readonly kind: 'none' }
  | { readonly kind: 'date'; readonly pattern: string }
  | { readonly kind: 'instant'; readonly ms: number }
  | { readonly kind: 'integers'; readonly values: readonly bigint[] }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'pattern'; readonly regex: RegExp }
  | { readonly kind: 'boolean'; readonly value: boolean };

export interface Condition {
  /** The field as the client named it. */
  readonly field: string;
  /** The stored field it reads. */
  readonly source: string;
  readonly type: FieldType;
  readonly operator: Operator;
  readonly operand: Operand;
}

const FIELD_NAME = /^[a-z][a-z0-9_]{0,63}$/;
const INTEGER = /^-?\d{1,19}$/;
const DATE_PATTERN = /^[\d*]{4}-[\d*]{2}-[\d*]{2}$/;

/** `%` is the only wildcard of `~~` (an SQL `_` would surprise someone searching for a literal underscore). */
function likePattern(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '[\\s\\S]*');
  return new RegExp(`^${escaped}$`, 'iu');
}

function operandOf(type: FieldType, operator: Operator, value: string): Operand | string {
  if (VALUELESS.has(operator)) return value === '' ? { kind: 'none' } : 'takes no value after this operator';
  if (value === '') return 'needs a value';
  switch (type) {
    case 'date':
      if (operator === '=' && DATE_PATTERN.test(value) && value.includes('*')) return { kind: 'date', pattern: value };
      return isIsoDate(value) ? { kind: 'date', pattern: value } : 'must be a date (YYYY-MM-DD)';
    case 'datetime': {
      const ms = parseDateTime(value);
      return ms === undefined ? 'must be a UTC date-time (YYYY-MM-DDTHH:MM:SSZ)' : { kind: 'instant', ms };
    }
    case 'integer': {
      const parts = operator === '=' ? value.split(',') : [value];
      if (!parts.every((part) => INTEGER.test(part))) return 'must be an integer';
      return { kind: 'integers', values: parts.map((part) => BigInt(part)) };
    }
    case 'string':
      if (operator === '~') return { kind: 'pattern', regex: likePattern(`%${value}%`) };
      if (operator === '~~') return { kind: 'pattern', regex: likePattern(value) };
      return { kind: 'text', text: value };
    case 'boolean':
      return value === 'true' || value === 'false' ? { kind: 'boolean', value: value === 'true' } : 'must be true or false';
  }
}

/** Parses one condition; a string is the reason it is refused, keyed by the field when the field is readable. */
function parseCondition(raw: string, fields: FieldTable): Condition | { readonly key: string; readonly problem: string } {
  const colon = raw.indexOf(':');
  const field = colon === -1 ? raw : raw.slice(0, colon);
  // A field is only named back to the client when it looks like one: anything else might be data.
  const key = FIELD_NAME.test(field) ? field : 'q';
  if (colon === -1) return { key, problem: 'must look like field:OPERATORvalue' };
  const spec = specOf(fields, field);
  if (!spec) return { key, problem: 'is not a field you can filter on here' };
  const rest = raw.slice(colon + 1);
  const operator = OPERATORS.find((candidate) => rest.startsWith(candidate));
  if (!operator || !OPERATORS_BY_TYPE[spec.type].includes(operator)) {
    return { key, problem: `takes one of the operators ${OPERATORS_BY_TYPE[spec.type].join(' ')}` };
  }
  const operand = operandOf(spec.type, operator, rest.slice(operator.length));
  if (typeof operand === 'string') return { key, problem: operand };
  return { field, source: spec.source, type: spec.type, operator, operand };
}

/**
 * Parses every condition of a request. Strict (the default) refuses the request at the first bad one with a 400
 * naming the field; lenient drops bad conditions, as a forgiving server might.
 */
export function parseConditions(raws: readonly string[], fields: FieldTable, strict: boolean): Condition[] {
  const conditions: Condition[] = [];
  for (const raw of raws) {
    const parsed = parseCondition(raw, fields);
    if ('operator' in parsed) conditions.push(parsed);
    else if (strict) throw badQuery(parsed.key, parsed.problem);
  }
  return conditions;
}
