/**
 * JSON Patch as the API answers it: core applies RFC 6902 and RFC 7396; a malformed patch document is a 400 and a
 * patch that does not fit the record (a path that is not there, a failed `test`) is a 409, as RFC 5789 suggests for
 * a patch that conflicts with the resource's current state.
 */
import {
  ApiError,
  JsonPatchError,
  applyJsonPatch as applyToCopy,
  parseJsonPatch as parseDocument,
  type ErrorIssue,
  type JsonPatchOperation,
} from '@clinikapi/core';

export { deepEqual } from '@clinikapi/core';

function toApiError(error: unknown): unknown {
  if (!(error instanceof JsonPatchError)) return error;
  if (error.kind === 'conflict') {
    return new ApiError('CONFLICT', 'The JSON Patch cannot be applied to the current version of the resource', {
      issues: [{ severity: 'error', code: 'conflict', diagnostics: `operation ${error.index}: ${error.message}` } satisfies ErrorIssue],
    });
  }
  if (error.index < 0) return new ApiError('BAD_REQUEST', error.message);
  return new ApiError('BAD_REQUEST', 'The JSON Patch document is malformed', {
    issues: [{ severity: 'error', code: 'invalid', diagnostics: `${error.index}: ${error.message}`, path: String(error.index) }],
  });
}

/** Checks the shape of the document before anything is applied: 400 when it is malformed. */
export function parseJsonPatch(body: unknown): JsonPatchOperation[] {
  try {
    return parseDocument(body);
  } catch (error) {
    throw toApiError(error);
  }
}

/** The patched copy of `document`: 409 when the patch does not fit it. */
export function applyJsonPatch<T>(document: T, operations: readonly JsonPatchOperation[]): unknown {
  try {
    return applyToCopy(document, operations);
  } catch (error) {
    throw toApiError(error);
  }
}
