/** Whether a stored record meets parsed `q[]` conditions (see `q-grammar.ts` for the grammar). */
import type { StoredRecord } from '../store/types.ts';
import type { Condition } from './q-grammar.ts';

function compare(left: number | bigint | string, right: number | bigint | string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

function ordered(operator: string, order: number): boolean {
  switch (operator) {
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    default:
      return false;
  }
}

/** An integer-typed value as stored: ids are strings of digits, counts are numbers. */
function bigintOf(value: unknown): bigint | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  return undefined;
}

function datePatternMatches(pattern: string, date: string): boolean {
  return pattern.length === date.length && [...pattern].every((char, index) => char === '*' || char === date[index]);
}

function meets(record: StoredRecord, condition: Condition): boolean {
  const value = record[condition.source];
  const present = value !== null && value !== undefined && value !== '';
  const { operator, operand } = condition;
  if (operator === '*') return true;
  if (operator === '?') return present;
  if (operator === '!?') return !present;
  // Like SQL, a record without a value meets no comparison, `!=` included.
  if (!present) return false;
  switch (operand.kind) {
    case 'date': {
      const date = String(value).slice(0, 10);
      if (operator === '=') return datePatternMatches(operand.pattern, date);
      return ordered(operator, compare(date, operand.pattern));
    }
    case 'instant': {
      const ms = Date.parse(String(value));
      return !Number.isNaN(ms) && ordered(operator, compare(ms, operand.ms));
    }
    case 'integers': {
      const number = bigintOf(value);
      if (number === undefined) return false;
      if (operator === '=') return operand.values.includes(number);
      if (operator === '!=') return number !== operand.values[0];
      return ordered(operator, compare(number, operand.values[0] as bigint));
    }
    case 'text':
      return operator === '=' ? String(value) === operand.text : String(value) !== operand.text;
    case 'pattern':
      return operand.regex.test(String(value));
    case 'boolean':
      return operator === '=' ? value === operand.value : value !== operand.value;
    case 'none':
      return false;
  }
}

export function meetsAll(record: StoredRecord, conditions: readonly Condition[]): boolean {
  return conditions.every((condition) => meets(record, condition));
}
