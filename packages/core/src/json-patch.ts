/**
 * RFC 6902 JSON Patch — what a PATCH body that is a JSON array means — and RFC 7396 merge patch, applied to a copy
 * of a record. The emulator applies them to what it stores; the proxy applies them to the record it checked, to see
 * what a write would store before letting it through. Nothing is applied unless every operation succeeds.
 */

export type JsonPatchOperation =
  | { readonly op: 'add' | 'replace' | 'test'; readonly path: string; readonly value: unknown }
  | { readonly op: 'remove'; readonly path: string }
  | { readonly op: 'move' | 'copy'; readonly from: string; readonly path: string };

export type JsonPatch = readonly JsonPatchOperation[];

const MAX_OPERATIONS = 1000;
const OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);
/** Keys that would reach an object's prototype if assigned. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Json = unknown;

/** A deep copy of a JSON value (what `structuredClone` does for JSON, without needing a DOM or Node typing). */
function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  if (typeof value !== 'object' || value === null) return value;
  // fromEntries defines each key as data, so a `__proto__` key stays a key instead of setting the prototype.
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cloneJson(item)])) as T;
}

/**
 * Why a patch was refused: `malformed` — the document itself is wrong (the operation `index` names the problem, or
 * -1 for the whole document); `conflict` — it does not fit the record (a missing path, a failed `test`).
 */
export class JsonPatchError extends Error {
  readonly kind: 'malformed' | 'conflict';
  /** The operation at fault, or -1 when the document as a whole is. */
  readonly index: number;

  constructor(kind: 'malformed' | 'conflict', index: number, message: string) {
    super(message);
    this.name = 'JsonPatchError';
    this.kind = kind;
    this.index = index;
  }
}

const invalid = (index: number, message: string): JsonPatchError => new JsonPatchError('malformed', index, message);
const conflict = (index: number, message: string): JsonPatchError => new JsonPatchError('conflict', index, message);

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

/** Checks the shape of the document before anything is applied; throws a `malformed` JsonPatchError. */
export function parseJsonPatch(body: unknown): JsonPatchOperation[] {
  if (!Array.isArray(body)) throw invalid(-1, 'A JSON Patch document is an array of operations');
  if (body.length === 0) throw invalid(-1, 'The JSON Patch document has no operations');
  if (body.length > MAX_OPERATIONS) throw invalid(-1, `A JSON Patch document has at most ${MAX_OPERATIONS} operations`);
  return body.map((operation: unknown, index) => {
    if (typeof operation !== 'object' || operation === null || Array.isArray(operation)) throw invalid(index, 'must be an object');
    const { op, path, from } = operation as Record<string, unknown>;
    if (typeof op !== 'string' || !OPS.has(op)) throw invalid(index, 'op must be add, remove, replace, move, copy or test');
    parsePointer(path, index, 'path');
    if ((op === 'add' || op === 'replace' || op === 'test') && !Object.hasOwn(operation, 'value'))
      throw invalid(index, `${op} needs a value`);
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

export function deepEqual(a: unknown, b: unknown): boolean {
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
      add(segments, cloneJson(operation.value));
      break;
    case 'remove':
      remove(segments);
      break;
    case 'replace':
      if (!get(document, segments).found) throw conflict(index, 'the path does not exist');
      if (segments.length === 0) document = cloneJson(operation.value);
      else {
        remove(segments);
        add(segments, cloneJson(operation.value));
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
      add(segments, cloneJson(source.value));
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

/** The patched copy of `document`; the original is never touched. Throws a JsonPatchError. */
export function applyJsonPatch<T>(document: T, operations: readonly JsonPatchOperation[]): unknown {
  let result: Json = cloneJson(document);
  operations.forEach((operation, index) => {
    result = applyOne(result, operation, index);
  });
  return result;
}

/** RFC 7396 JSON Merge Patch: objects merge, `null` removes, anything else replaces. Takes and answers JSON values. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isContainer(patch) || Array.isArray(patch)) return cloneJson(patch);
  const result: Record<string, Json> = isContainer(target) && !Array.isArray(target) ? cloneJson(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (FORBIDDEN_KEYS.has(key)) continue;
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}
