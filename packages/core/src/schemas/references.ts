/**
 * Which fields of the simplified request shapes hold references to other records, and to which types. The schemas
 * declare it themselves (`reference('Encounter')`, `typedReference([...])`, `anyReference`), and
 * `referenceFieldsOf(schema)` reads it back by walking the schema, so there is no second list to keep in step: the
 * proxy uses it to see every field through which a write can name a patient, and the emulator's mapping tests check
 * that each field lands in the FHIR element of the type declared here.
 */
import type * as z from 'zod/mini';

/** What a reference field accepts. */
export interface ReferenceTarget {
  /** The record types it may point at; `'any'` for a reference written `Type/id` to any type. */
  readonly types: readonly string[] | 'any';
  /** The type a bare id (no `Type/`) means; `undefined` when a bare id is not accepted. */
  readonly bareIdType: string | undefined;
}

/** A reference field, found at `path` (object keys; arrays are walked through, so one path covers every item). */
export interface ReferenceField {
  readonly path: readonly string[];
  readonly target: ReferenceTarget;
}

const TARGETS = new WeakMap<object, ReferenceTarget>();

/** Declares `schema` to be a reference field; returns it unchanged. */
export function markReference<T extends object>(schema: T, target: ReferenceTarget): T {
  TARGETS.set(schema, target);
  return schema;
}

/** The declared target of a reference schema, if `schema` is one. */
export function referenceTargetOf(schema: unknown): ReferenceTarget | undefined {
  return typeof schema === 'object' && schema !== null ? TARGETS.get(schema) : undefined;
}

interface SchemaDef {
  readonly type: string;
  readonly shape?: Record<string, unknown>;
  readonly innerType?: unknown;
  readonly element?: unknown;
  readonly in?: unknown;
  readonly out?: unknown;
  readonly options?: readonly unknown[];
  readonly left?: unknown;
  readonly right?: unknown;
  readonly items?: readonly unknown[];
  readonly rest?: unknown;
  readonly getter?: () => unknown;
}

/** Schema kinds that hold no other schema. */
const LEAVES = new Set([
  'string', 'number', 'int', 'boolean', 'bigint', 'enum', 'literal', 'date', 'null', 'undefined', 'void', 'nan',
  'any', 'unknown', 'never', 'custom', 'transform', 'template_literal', 'symbol', 'file', 'success',
]);
/** Schema kinds that wrap one other schema without changing where in the value it applies. */
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);

function defOf(schema: unknown): SchemaDef {
  const def = (schema as { _zod?: { def?: SchemaDef } } | null)?._zod?.def;
  if (!def || typeof def.type !== 'string') throw new TypeError('referenceFieldsOf: not a zod schema');
  return def;
}

/**
 * Every reference field of `schema`, in schema order. Fails loudly on a kind of schema it does not know how to look
 * inside (a record, a map), and on a recursive schema that holds references (each nesting level would be a path of
 * its own): a field it could not see would be a field nobody checks.
 */
export function referenceFieldsOf(schema: z.ZodMiniType): ReferenceField[] {
  const found: ReferenceField[] = [];
  const seen = new Set<string>();
  /** Lazy (recursive) schemas being walked, and those met again inside themselves. */
  const open = new Set<unknown>();
  const recursed = new Set<unknown>();
  const visit = (node: unknown, path: readonly string[]): void => {
    const target = referenceTargetOf(node);
    if (target) {
      const key = path.join('.');
      if (!seen.has(key)) {
        seen.add(key);
        found.push({ path, target });
      }
      return;
    }
    const def = defOf(node);
    if (LEAVES.has(def.type)) return;
    if (WRAPPERS.has(def.type)) return visit(def.innerType, path);
    switch (def.type) {
      case 'object':
        for (const [name, child] of Object.entries(def.shape ?? {})) visit(child, [...path, name]);
        return;
      case 'array':
        return visit(def.element, path);
      case 'pipe':
        visit(def.in, path);
        return visit(def.out, path);
      case 'union':
        for (const option of def.options ?? []) visit(option, path);
        return;
      case 'intersection':
        visit(def.left, path);
        return visit(def.right, path);
      case 'lazy': {
        if (open.has(node)) {
          recursed.add(node);
          return;
        }
        open.add(node);
        const before = found.length;
        visit(def.getter?.(), path);
        open.delete(node);
        if (recursed.has(node) && found.length > before) {
          throw new TypeError(`referenceFieldsOf: the recursive schema at ${path.join('.') || '(root)'} holds references`);
        }
        return;
      }
      case 'tuple':
        for (const item of def.items ?? []) visit(item, path);
        if (def.rest) visit(def.rest, path);
        return;
      default:
        throw new TypeError(`referenceFieldsOf: cannot look inside a "${def.type}" schema at ${path.join('.') || '(root)'}`);
    }
  };
  visit(schema, []);
  return found;
}
