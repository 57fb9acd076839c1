/**
 * RFC 6902 JSON Patch, applied to a copy of a stored resource. A malformed patch document is a 400; a patch that
 * does not fit the record (a path that is not there, a failed `test`) is a 409, as RFC 5789 suggests for a patch
 * that conflicts with the resource's current state. Nothing is applied unless every operation succeeds.
 */
import type { ErrorIssue, JsonPatchOperation } from '@clinikapi/core';
import { ApiError } from '../http/api-error.ts';

const MAX_OPERATIONS = 1000;
const OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);
/** Keys that would reach an object's prototype if assigned. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Json = unknown;

const invalid = (index: number, message: string): ApiError =>
  new ApiError('BAD_REQUEST', 'The JSON Patch document is malformed', {
    issues: [{ severity: 'error', code: 'invalid', diagnostics: `${index}: ${message}`, path: String(index) }],
  });

const conflict = (index: number, message: string): ApiError =>
  new ApiError('CONFLICT', 'The JSON Patch cannot be applied to the current version of the resource', {
    issues: [{ severity: 'error', code: 'conflict', diagnostics: `operation ${index}: ${message}` } satisfies ErrorIssue],
  });

/** `/a/b~1c` → `['a', 'b/c']`. */
function parsePointer(pointer: unknown, index: number, field: string): string[] {
  if (typeof pointer !== 'string' || (pointer !== '' && !pointer.startsWith('/'))) {
    throw invalid(index, `${field} must be a JSON Pointer such as /status`);
  }
  if (pointer === '') return [];
  const segments = pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (segments.some((segment) => FORBIDDEN_KEYS.has(segment))) throw invalid(index, `${field} names a reserved key`);
  return segments;
}

/** Checks the shape of the document before anything is applied. */
export function parseJsonPatch(body: unknown): JsonPatchOperation[] {
  if (!Array.isArray(body)) throw new ApiError('BAD_REQUEST', 'A JSON Patch document is an array of operations');
  if (body.length === 0) throw new ApiError('BAD_REQUEST', 'The JSON Patch document has no operations');
  if (body.length > MAX_OPERATIONS) throw new ApiError('BAD_REQUEST', `A JSON Patch document has at most ${MAX_OPERATIONS} operations`);
  return body.map((operation: unknown, index) => {
    if (typeof operation !== 'object' || operation === null || Array.isArray(operation)) throw invalid(index, 'must be an object');
    const { op, path, from } = operation as Record<string, unknown>;
    if (typeof op !== 'string' || !OPS.has(op)) throw invalid(index, 'op must be add, remove, replace, move, copy or test');
    parsePointer(path, index, 'path');
    if ((op === 'add' || op === 'replace' || op === 'test') && !Object.hasOwn(operation, 'value')) throw invalid(index, `${op} needs a value`);
    if (op === 'move' || op === 'copy') parsePointer(from, index, 'from');
    return operation as JsonPatchOperation;
  });
}

const isContainer = (value: Json): value is Record<string, Json> | Json[] => typeof value === 'object' && value !== null;

function arrayIndex(array: Json[], segment: string, forAdd: boolean): number | undefined {
  if (forAdd && segment === '-') return array.length;
  if (!/^(0|[1-9][0-9]*)$/.test(segment)) return undefined;
  const position = Number(segment);
  return position <= array.length - (forAdd ? 0 : 1) ? position : undefined;
}

function get(document: Json, segments: readonly string[]): { found: boolean; value?: Json } {
  let current = document;
  for (const segment of segments) {
    if (Array.isArray(current)) {
      const position = arrayIndex(current, segment, false);
      if (position === undefined) return { found: false };
      current = current[position];
    } else if (isContainer(current) && Object.hasOwn(current, segment)) {
      current = (current as Record<string, Json>)[segment];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: current };
}

export function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  if (!isContainer(a) || !isContainer(b) || Array.isArray(b)) return false;
  const keys = Object.keys(a);
  const left = a as Record<string, Json>;
  const right = b as Record<string, Json>;
  return keys.length === Object.keys(right).length && keys.every((key) => Object.hasOwn(right, key) && deepEqual(left[key], right[key]));
}

/** Applies one operation to `document` (mutating it) and returns the new root. */
function applyOne(document: Json, operation: JsonPatchOperation, index: number): Json {
  const segments = parsePointer(operation.path, index, 'path');
  const parentOf = (target: readonly string[]): Json => {
    const parent = get(document, target.slice(0, -1));
    if (!parent.found || !isContainer(parent.value)) throw conflict(index, 'the parent of the path does not exist');
    return parent.value;
  };
  const add = (target: readonly string[], value: Json): void => {
    if (target.length === 0) {
      document = value;
      return;
    }
    const parent = parentOf(target);
    const key = target[target.length - 1] as string;
    if (Array.isArray(parent)) {
      const position = arrayIndex(parent, key, true);
      if (position === undefined) throw conflict(index, 'the array index is out of range');
      parent.splice(position, 0, value);
    } else {
      (parent as Record<string, Json>)[key] = value;
    }
  };
  const remove = (target: readonly string[]): Json => {
    const existing = get(document, target);
    if (!existing.found) throw conflict(index, 'the path does not exist');
    if (target.length === 0) throw conflict(index, 'the whole resource cannot be removed');
    const parent = parentOf(target);
    const key = target[target.length - 1] as string;
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete (parent as Record<string, Json>)[key];
    return existing.value;
  };

  switch (operation.op) {
    case 'add':
      add(segments, structuredClone(operation.value));
      break;
    case 'remove':
      remove(segments);
      break;
    case 'replace':
      if (!get(document, segments).found) throw conflict(index, 'the path does not exist');
      if (segments.length === 0) document = structuredClone(operation.value);
      else {
        remove(segments);
        add(segments, structuredClone(operation.value));
      }
      break;
    case 'move': {
      const from = parsePointer(operation.from, index, 'from');
      if (segments.length > from.length && from.every((segment, position) => segments[position] === segment)) {
        throw conflict(index, 'a value cannot be moved into itself');
      }
      add(segments, remove(from));
      break;
    }
    case 'copy': {
      const source = get(document, parsePointer(operation.from, index, 'from'));
      if (!source.found) throw conflict(index, 'the from path does not exist');
      add(segments, structuredClone(source.value));
      break;
    }
    case 'test': {
      const target = get(document, segments);
      if (!target.found || !deepEqual(target.value, operation.value)) throw conflict(index, 'test failed');
      break;
    }
  }
  return document;
}

/** The patched copy of `document`; the original is never touched. */
export function applyJsonPatch<T>(document: T, operations: readonly JsonPatchOperation[]): unknown {
  let result: Json = structuredClone(document);
  operations.forEach((operation, index) => {
    result = applyOne(result, operation, index);
  });
  return result;
}
