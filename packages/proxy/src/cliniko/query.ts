/**
 * Cliniko's query grammar, checked and re-serialised: the upstream gets only what was parsed here, never the raw
 * query. Lists take `q[]` (one `FIELD:OPERATORvalue` condition each, AND-ed; the older single `q=` is read as one
 * `q[]`), `page`, `per_page` (1–100), `sort` and `order`; available times take `from` and `to` (dates, both
 * required, at most 7 days apart) and paging; next_available_time an optional `from`/`to` pair; everything else
 * nothing. A field must be one the resource filters on, the operator one its type takes, the value of that type.
 * Anything else is a 400 that names the parameter (and the field, when it is one) but never a value: filters hold
 * names and birthdays.
 */
import type { ClinikoFieldType, ClinikoResourceDefinition, ClinikoRoute, ErrorIssue } from '@clinikapi/core';
import { ProxyError } from '../errors.ts';

type Operator = '=' | '!=' | '>=' | '>' | '<=' | '<' | '~' | '~~' | '?' | '!?' | '*';

/** Longest first, so `>=` is not read as `>` followed by `=…`. */
const OPERATORS: readonly Operator[] = ['!?', '~~', '>=', '<=', '!=', '?', '=', '~', '>', '<', '*'];

/** The operators each type takes, as the Cliniko docs list them (the current docs' `?`, `!?` and `*` included). */
const OPERATORS_BY_TYPE: Readonly<Record<ClinikoFieldType, readonly Operator[]>> = {
  date: ['=', '>=', '>', '<=', '<', '?', '!?'],
  datetime: ['>=', '>', '<=', '<', '?', '!?', '*'],
  integer: ['=', '!=', '>=', '>', '<=', '<', '?', '!?'],
  string: ['=', '!=', '~', '~~', '?', '!?'],
  boolean: ['=', '!='],
};
const VALUELESS: ReadonlySet<Operator> = new Set(['?', '!?', '*']);

/** At most this many conditions, values of this length, ids in an `=` list, `sort` columns. */
const MAX_CONDITIONS = 20;
const MAX_VALUE = 255;
const MAX_IDS = 100;
const MAX_SORT_TERMS = 5;
const MAX_WINDOW_DAYS = 7;

const FIELD = /^[a-z][a-z0-9_]{0,63}$/;
const INTEGER = /^-?(?:0|[1-9][0-9]{0,18})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_PATTERN = /^[\d*]{4}-[\d*]{2}-[\d*]{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const PAGE = /^[1-9][0-9]{0,8}$/;
const SORT_TERM = /^([a-z][a-z0-9_]{0,63})(?::(?:asc|desc))?$/;
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

function refuse(reason: string, parameter: string, problem: string): ProxyError {
  const issue: ErrorIssue = { severity: 'error', code: 'invalid', diagnostics: `${parameter}: ${problem}`, path: parameter };
  return new ProxyError('BAD_REQUEST', 'A query parameter is not allowed on this call', { reason: `query:${reason}`, issues: [issue] });
}

function isDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Why `value` is not an operand of `type` under `operator`, or `undefined` when it is one. */
function valueProblem(type: ClinikoFieldType, operator: Operator, value: string): string | undefined {
  if (VALUELESS.has(operator)) return value === '' ? undefined : 'takes no value after this operator';
  if (value === '') return 'needs a value';
  if (value.length > MAX_VALUE || CONTROL.test(value)) return `must be at most ${MAX_VALUE} printable characters`;
  switch (type) {
    case 'date':
      return isDate(value) || (operator === '=' && DATE_PATTERN.test(value) && value.includes('*'))
        ? undefined
        : 'must be a date (YYYY-MM-DD)';
    case 'datetime':
      return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : 'must be a UTC date-time (YYYY-MM-DDTHH:MM:SSZ)';
    case 'integer': {
      const parts = operator === '=' ? value.split(',') : [value];
      return parts.length <= MAX_IDS && parts.every((part) => INTEGER.test(part))
        ? undefined
        : 'must be an integer (or, with =, a list of them)';
    }
    case 'string':
      return undefined;
    case 'boolean':
      return value === 'true' || value === 'false' ? undefined : 'must be true or false';
  }
}

/** A `q[]` condition, checked against the resource's fields. */
function checkCondition(raw: string, resource: ClinikoResourceDefinition): void {
  const colon = raw.indexOf(':');
  const field = colon === -1 ? raw : raw.slice(0, colon);
  // The field is named back only when it is one of the resource's: anything else might be the client's data.
  const type = Object.hasOwn(resource.filters, field) ? resource.filters[field] : undefined;
  if (colon === -1 || !FIELD.test(field)) throw refuse('invalid-filter', 'q[]', 'must be field:OPERATORvalue');
  if (!type) throw refuse('unknown-filter-field', 'q[]', `filters on a field ${resource.path} cannot be filtered on`);
  const rest = raw.slice(colon + 1);
  const operator = OPERATORS.find((candidate) => rest.startsWith(candidate));
  if (!operator || !OPERATORS_BY_TYPE[type].includes(operator)) {
    throw refuse('invalid-filter-operator', 'q[]', `${field} takes one of the operators ${OPERATORS_BY_TYPE[type].join(' ')}`);
  }
  const problem = valueProblem(type, operator, rest.slice(operator.length));
  if (problem) throw refuse('invalid-filter-value', 'q[]', `${field} ${problem}`);
}

function checkSort(value: string, resource: ClinikoResourceDefinition): void {
  const terms = value.split(',');
  if (terms.length > MAX_SORT_TERMS) throw refuse('invalid-sort', 'sort', `takes at most ${MAX_SORT_TERMS} columns`);
  for (const term of terms) {
    const column = SORT_TERM.exec(term)?.[1];
    if (!column || (!Object.hasOwn(resource.filters, column) && !resource.sortable.includes(column))) {
      throw refuse('invalid-sort', 'sort', `names a column ${resource.path} cannot be sorted by (column or column:desc, comma-separated)`);
    }
  }
}

function checkWindow(from: string | null, to: string | null, required: boolean): void {
  if (from === null && to === null && !required) return;
  if (from === null || to === null || !isDate(from) || !isDate(to))
    throw refuse('invalid-window', 'from', 'from and to must both be dates (YYYY-MM-DD)');
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  if (days < 0 || days > MAX_WINDOW_DAYS)
    throw refuse('invalid-window', 'to', `must be from to at most ${MAX_WINDOW_DAYS} days after from`);
}

/** The parameters each kind of route takes (`q` is read as `q[]`). */
const PARAMETERS: Readonly<Record<ClinikoRoute['query'], readonly string[]>> = {
  list: ['q[]', 'q', 'page', 'per_page', 'sort', 'order'],
  window: ['from', 'to', 'page', 'per_page'],
  'optional-window': ['from', 'to'],
  none: [],
};

/** Checks `query` for `route` on `resource`; answers it as it is sent: parameters in order, `q` as `q[]`. */
export function checkClinikoQuery(route: ClinikoRoute, resource: ClinikoResourceDefinition, query: URLSearchParams): URLSearchParams {
  const allowed = PARAMETERS[route.query];
  const sent = new URLSearchParams();
  let conditions = 0;
  for (const [given, value] of query) {
    if (!allowed.includes(given)) {
      const quotable = /^[A-Za-z_][A-Za-z0-9_[\].-]{0,40}$/.test(given);
      throw refuse(
        'unknown-parameter',
        quotable ? given : 'query',
        quotable ? `not a parameter of this call` : 'holds a parameter this call does not take',
      );
    }
    const name = given === 'q' ? 'q[]' : given;
    if (name === 'q[]') {
      conditions += 1;
      if (conditions > MAX_CONDITIONS) throw refuse('too-many-filters', 'q[]', `at most ${MAX_CONDITIONS} conditions`);
      checkCondition(value, resource);
    } else if (sent.has(name)) {
      throw refuse('repeated-parameter', name, 'given more than once');
    } else if (name === 'page' && !PAGE.test(value)) {
      throw refuse('invalid-page', 'page', 'must be a whole number from 1');
    } else if (name === 'per_page' && !(PAGE.test(value) && Number(value) <= 100)) {
      throw refuse('invalid-page', 'per_page', 'must be a whole number from 1 to 100');
    } else if (name === 'sort') {
      checkSort(value, resource);
    } else if (name === 'order' && value !== 'asc' && value !== 'desc') {
      throw refuse('invalid-sort', 'order', 'must be asc or desc');
    }
    sent.append(name, value);
  }
  if (route.query === 'window' || route.query === 'optional-window')
    checkWindow(sent.get('from'), sent.get('to'), route.query === 'window');
  return sent;
}

/** The patient ids a checked query's `patient_id` conditions name, and whether each is a plain `patient_id:=<ids>`. */
export function patientConditions(query: URLSearchParams): { readonly ids: readonly string[]; readonly onlyEquals: boolean } {
  const ids: string[] = [];
  let onlyEquals = true;
  for (const condition of query.getAll('q[]')) {
    if (!condition.startsWith('patient_id:')) continue;
    if (condition.startsWith('patient_id:=')) ids.push(...condition.slice('patient_id:='.length).split(','));
    else onlyEquals = false;
  }
  return { ids, onlyEquals };
}
