/**
 * Request validation against the simplified schemas, as envelope issues: one per bad field, naming the field and the
 * rule, never the value. The emulator answers its 422s with these and the proxy refuses invalid bodies with the same
 * ones before they cost an upstream call, so a client sees one wording whichever of the two answered.
 */
import * as z from 'zod/mini';
import type { ErrorIssue } from './errors.ts';

/** A key name that reads like a field (`nickname`), as opposed to data someone used as a key. */
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,40}$/;

/** zod's own messages, as opposed to the ones written in the schemas for people. */
const ZOD_DEFAULT = /^(Invalid|Too (big|small)|Unrecognized)/;

function describe(issue: z.core.$ZodIssue): string {
  if (!ZOD_DEFAULT.test(issue.message)) return issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
  switch (issue.code) {
    case 'invalid_type':
      // With `reportInput: false` the input is gone; zod's message still says whether anything was there.
      return /received undefined$/.test(issue.message)
        ? 'Required'
        : `Must be ${issue.expected === 'string' ? 'text' : `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`}`;
    case 'unrecognized_keys': {
      const named = issue.keys.filter((key) => FIELD_NAME.test(key));
      return named.length === issue.keys.length
        ? `Unknown field${named.length > 1 ? 's' : ''} ${named.join(', ')}`
        : 'Contains unknown fields';
    }
    case 'invalid_value':
      return `Must be one of ${issue.values.map(String).join(', ')}`;
    case 'too_big':
      return issue.origin === 'string' ? `At most ${issue.maximum} characters` : `At most ${issue.maximum}`;
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1 ? 'Required' : `At least ${issue.minimum}`;
    default:
      return 'Invalid value';
  }
}

/** zod issues as envelope issues (`firstName: Required`), each with its field `path` when it has one. */
export function validationIssues(issues: readonly z.core.$ZodIssue[]): ErrorIssue[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys.filter((key) => FIELD_NAME.test(key)) : [];
    const field =
      path === '' && issue.code === 'unrecognized_keys' && unknownKeys.length === issue.keys.length ? unknownKeys.join(', ') : path;
    const rule = describe(issue);
    return {
      severity: 'error',
      code: rule === 'Required' ? 'required' : 'invalid',
      diagnostics: field ? `${field}: ${rule}` : rule,
      ...(path ? { path } : {}),
    };
  });
}

/**
 * The result of checking `input` against `schema` (classic zod or `zod/mini`): the parsed value, or the issues a 422
 * VALIDATION_ERROR carries. The input is never kept in an issue (`reportInput: false`).
 */
export function checkRequest<S extends z.core.$ZodType>(
  schema: S,
  input: unknown,
): { readonly ok: true; readonly value: z.output<S> } | { readonly ok: false; readonly issues: ErrorIssue[] } {
  const result = z.safeParse(schema, input, { reportInput: false });
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: validationIssues(result.error.issues) };
}
