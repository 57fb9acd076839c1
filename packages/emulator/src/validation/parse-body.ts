/** Turns zod failures into envelope issues: one per bad field, naming the field and the rule, never the value. */
import { ApiError, checkRequest } from '@clinikapi/core';
import type * as z from 'zod/mini';

/**
 * Parses `input` with `schema` or throws a 422 VALIDATION_ERROR with one issue per failing field, worded by
 * `@clinikapi/core` (the proxy refuses invalid bodies with the same issues). `schema` may be a classic zod schema
 * (the emulator's own) or a `zod/mini` one (`@clinikapi/core`'s request schemas).
 */
export function parseBody<S extends z.core.$ZodType>(schema: S, input: unknown): z.output<S> {
  const result = checkRequest(schema, input);
  if (result.ok) return result.value;
  throw new ApiError('VALIDATION_ERROR', undefined, { issues: result.issues });
}
