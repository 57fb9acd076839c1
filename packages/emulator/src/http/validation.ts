/** Turns zod failures into envelope issues: one per bad field, naming the field and the rule, never the value. */
import type { ErrorIssue } from '@clinikapi/core';
import type { z } from 'zod';
import { ApiError } from './api-error.ts';

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'Required' : `Expected ${issue.expected}`;
    case 'unrecognized_keys':
      return `Unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    case 'invalid_value':
      return `Must be one of ${issue.values.map(String).join(', ')}`;
    case 'too_big':
      return issue.origin === 'string' ? `At most ${issue.maximum} characters` : `At most ${issue.maximum}`;
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1 ? 'Required' : `At least ${issue.minimum}`;
    default:
      // Custom and format messages are written in this codebase and never interpolate the input.
      return issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
  }
}

/** Parses `input` with `schema` or throws a 422 VALIDATION_ERROR with one issue per failing field. */
export function parseBody<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { reportInput: false });
  if (result.success) return result.data;
  const issues: ErrorIssue[] = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const field = path === '' && issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : path;
    const rule = describe(issue);
    return {
      severity: 'error',
      code: rule === 'Required' ? 'required' : 'invalid',
      diagnostics: field ? `${field}: ${rule}` : rule,
      ...(path ? { path } : {}),
    };
  });
  throw new ApiError('VALIDATION_ERROR', undefined, { issues });
}
