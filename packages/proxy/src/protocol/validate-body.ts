/**
 * Refuses a create or update body the upstream would refuse, before it costs an upstream call (an update inside a
 * patient compartment costs two). Simplified bodies — every create and every object PATCH, on all 62 paths — are
 * checked with `@clinikapi/core`'s request schemas, the ones the emulator checks with, and refused with the same 422
 * issues; a JSON Patch document by its shape; a FHIR create body (with `resourceType`, on the 43 paths that take one)
 * by being of the path's resource type. What needs the stored record (the result of a patch) is still the upstream's
 * to check.
 */
import { checkRequest, isFhirCreateBody, schemasOf, type ErrorIssue } from '@clinikapi/core';
import type { ApiCall } from '../call.ts';
import { ProxyError } from '../errors.ts';

/** As many operations as the emulator applies; a longer document is refused upstream anyway. */
const MAX_PATCH_OPERATIONS = 1000;
const PATCH_OPERATIONS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isPointer = (value: unknown): boolean => typeof value === 'string' && (value === '' || value.startsWith('/'));

function issue(path: string, rule: string): ErrorIssue {
  return { severity: 'error', code: 'invalid', diagnostics: path ? `${path}: ${rule}` : rule, ...(path ? { path } : {}) };
}

function invalid(issues: readonly ErrorIssue[]): ProxyError {
  return new ProxyError('VALIDATION_ERROR', undefined, { issues, reason: 'body:invalid' });
}

function badRequest(message: string, reason: string, issues?: readonly ErrorIssue[]): ProxyError {
  return new ProxyError('BAD_REQUEST', message, { reason, ...(issues ? { issues } : {}) });
}

/** The first problem of a JSON Patch document's shape, as the emulator words it (a 400 naming the operation). */
function checkJsonPatch(operations: readonly unknown[]): void {
  if (operations.length === 0) throw badRequest('The JSON Patch document has no operations', 'body:patch-empty');
  if (operations.length > MAX_PATCH_OPERATIONS)
    throw badRequest(`A JSON Patch document has at most ${MAX_PATCH_OPERATIONS} operations`, 'body:patch-too-long');
  operations.forEach((operation, index) => {
    const problem = patchOperationProblem(operation);
    if (problem) throw badRequest('The JSON Patch document is malformed', 'body:patch-malformed', [issue(String(index), problem)]);
  });
}

function patchOperationProblem(operation: unknown): string | undefined {
  if (!isPlainObject(operation)) return 'Must be an object';
  const { op } = operation;
  if (typeof op !== 'string' || !PATCH_OPERATIONS.has(op)) return 'op must be add, remove, replace, move, copy or test';
  if (!isPointer(operation.path)) return 'path must be a JSON Pointer such as /status';
  if ((op === 'add' || op === 'replace' || op === 'test') && !Object.hasOwn(operation, 'value')) return `${op} needs a value`;
  if ((op === 'move' || op === 'copy') && !isPointer(operation.from)) return 'from must be a JSON Pointer such as /status';
  return undefined;
}

/** Throws the 400 or 422 the upstream would answer for the body of `call`; returns for reads, deletes and valid bodies. */
export function checkCallBody(call: ApiCall): void {
  if (call.interaction !== 'create' && call.interaction !== 'update') return;
  const { body, resource } = call;
  if (body === undefined) throw badRequest('A JSON body is required', 'body:empty');
  if (call.interaction === 'update') {
    if (Array.isArray(body)) return checkJsonPatch(body);
    if (call.contentType === 'application/json-patch+json')
      throw badRequest('An application/json-patch+json body is an array of operations', 'body:patch-not-array');
    if (!isPlainObject(body)) throw badRequest('A PATCH body is a JSON object of changes, or a JSON Patch array', 'body:not-an-object');
  }
  if (call.interaction === 'create' && isFhirCreateBody(resource.path, body))
    return checkFhirCreate(body as Record<string, unknown>, resource.resourceType);
  // Every path has simplified shapes; a path without an update shape is not updatable, which the catalogue refuses first.
  const schema = schemasOf(resource.path)?.[call.interaction];
  if (!schema) return;
  const result = checkRequest(schema, body);
  if (!result.ok) throw invalid(result.issues);
}

/** A FHIR create body (an object with `resourceType`, on the paths that take one) must be of the path's type. */
function checkFhirCreate(body: Record<string, unknown>, resourceType: string): void {
  if (body.resourceType !== resourceType) throw invalid([issue('resourceType', `Must be ${resourceType}`)]);
}
