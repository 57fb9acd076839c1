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

/**
 * One step of a reference field's path: an object key, or `{ repeat: keys }` — those keys any number of times, none
 * included — where a schema nests in itself (a consent's provisions hold provisions, a document's sections hold
 * sections).
 */
export type ReferencePathStep = string | { readonly repeat: readonly string[] };

/**
 * A reference field, found at `path` (object keys; arrays are walked through, so one path covers every item, and a
 * repeat step covers every nesting level).
 */
export interface ReferenceField {
  readonly path: readonly ReferencePathStep[];
  readonly target: ReferenceTarget;
}

/** A path as text: `provision.(provision)*.actor.reference`. */
export function referencePathText(path: readonly ReferencePathStep[]): string {
  return path.map((step) => (typeof step === 'string' ? step : `(${step.repeat.join('.')})*`)).join('.');
}

/** The path with every repeat taken `times` times: one concrete place the field can be. */
export function unrollReferencePath(path: readonly ReferencePathStep[], times: number): string[] {
  return path.flatMap((step) => (typeof step === 'string' ? [step] : Array.from({ length: times }, () => step.repeat).flat()));
}

function childrenAt(values: readonly unknown[], key: string): unknown[] {
  const next: unknown[] = [];
  for (const value of values) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
    const child = (value as Record<string, unknown>)[key];
    if (Array.isArray(child)) next.push(...child);
    else if (child !== undefined) next.push(child);
  }
  return next;
}

/**
 * The values a body holds at a reference field's path, through arrays and at every nesting level of a repeat. A
 * JSON body is a finite tree, so the repeats end.
 */
export function valuesAtReferencePath(body: unknown, path: readonly ReferencePathStep[]): unknown[] {
  let current: unknown[] = [body];
  for (const step of path) {
    if (typeof step === 'string') {
      current = childrenAt(current, step);
      continue;
    }
    const every: unknown[] = [];
    for (let level = current; level.length > 0; level = step.repeat.reduce(childrenAt, level)) every.push(...level);
    current = every;
  }
  return current;
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
  'string',
  'number',
  'int',
  'boolean',
  'bigint',
  'enum',
  'literal',
  'date',
  'null',
  'undefined',
  'void',
  'nan',
  'any',
  'unknown',
  'never',
  'custom',
  'transform',
  'template_literal',
  'symbol',
  'file',
  'success',
]);
/** Schema kinds that wrap one other schema without changing where in the value it applies. */
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);

function defOf(schema: unknown): SchemaDef {
  const def = (schema as { _zod?: { def?: SchemaDef } } | null)?._zod?.def;
  if (!def || typeof def.type !== 'string') throw new TypeError('referenceFieldsOf: not a zod schema');
  return def;
}

/**
 * Every reference field of `schema`, in schema order. A field inside a schema that nests in itself gets a repeat step
 * where it nests. Fails loudly on a kind of schema it does not know how to look inside (a record, a map), and on a
 * recursive schema that nests in itself at two places (its fields would need a choice of repeats): a field it could
 * not see would be a field nobody checks.
 */
export function referenceFieldsOf(schema: z.ZodMiniType): ReferenceField[] {
  const found: { path: ReferencePathStep[]; target: ReferenceTarget }[] = [];
  const seen = new Set<string>();
  /** Lazy (recursive) schemas being walked, with where they started; and where each is met again inside itself. */
  const open = new Map<unknown, readonly string[]>();
  const nestings = new Map<unknown, Set<string>>();
  const visit = (node: unknown, path: readonly string[]): void => {
    const target = referenceTargetOf(node);
    if (target) {
      const key = path.join('.');
      if (!seen.has(key)) {
        seen.add(key);
        found.push({ path: [...path], target });
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
        const start = open.get(node);
        if (start) {
          // Met again inside itself: the keys from where it started to here repeat (none: the same place, no new path).
          if (path.length > start.length) nestings.get(node)?.add(JSON.stringify(path.slice(start.length)));
          return;
        }
        open.set(node, path);
        nestings.set(node, new Set());
        const before = found.length;
        visit(def.getter?.(), path);
        open.delete(node);
        const repeats = [...(nestings.get(node) ?? [])].map((keys) => JSON.parse(keys) as string[]);
        nestings.delete(node);
        if (repeats.length === 0 || found.length === before) return;
        const [repeat] = repeats;
        if (repeats.length > 1 || !repeat) {
          throw new TypeError(
            `referenceFieldsOf: the recursive schema at ${path.join('.') || '(root)'} nests in itself at more than one place`,
          );
        }
        for (const field of found.slice(before)) field.path.splice(path.length, 0, { repeat });
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
