/**
 * Mappings declared element by element, for the paths whose simplified shapes are mostly one field per FHIR
 * element. Each rule writes one element from the simplified fields and reads those fields back from it, so a
 * mapping's `fromFhir` is its `toFhir` run backwards by construction — what simplified updates rely on.
 */
import type { Resource } from '@clinikapi/core';
import type * as z from 'zod/mini';
import {
  concept,
  conceptOut,
  notes,
  notesOut,
  refOut,
  refsOut,
  textConceptOut,
  textConceptsOut,
  typedRefOut,
  typedRefsOut,
  type ConceptInput,
} from './fhir-values.ts';
import type { MappingContext, SimplifiedMapping } from './mapping.ts';

/** Simplified fields, as validated by a create schema. */
export type Fields = Record<string, unknown>;

/** How one FHIR element is written from the simplified fields, and which fields it gives back. */
export interface ElementRule {
  readonly element: string;
  /** The element's value, or undefined to leave it out. */
  write(input: Fields, context: MappingContext): unknown;
  /** The simplified fields the stored element gives back (undefined ones are dropped). */
  read(value: unknown): Fields;
}

/** A mapping of `resourceType` made of element rules. */
export function ruleMapping(options: {
  resourceType: string;
  createSchema: z.ZodMiniType;
  /** Absent on the paths that cannot be changed. */
  updateSchema?: z.ZodMiniType;
  /** The field that names the patient, for the 422 of an unknown patient; `patientId` unless given. */
  patientField?: string;
  rules: readonly ElementRule[];
}): SimplifiedMapping {
  const { resourceType, rules } = options;
  return {
    createSchema: options.createSchema,
    updateSchema: options.updateSchema,
    patientField: options.patientField ?? 'patientId',
    toFhir(input, context) {
      const resource: Record<string, unknown> = { resourceType };
      for (const rule of rules) {
        const value = clean(rule.write(input as Fields, context));
        if (value !== undefined) resource[rule.element] = value;
      }
      return resource as unknown as Resource;
    },
    fromFhir(resource) {
      const stored = resource as unknown as Record<string, unknown>;
      const fields: Fields = {};
      for (const rule of rules) {
        const value = stored[rule.element];
        if (value !== undefined) Object.assign(fields, rule.read(value));
      }
      return (clean(fields) ?? {}) as Fields;
    },
  };
}

/**
 * `value` without undefined properties, and without the objects and lists that leaves empty: FHIR JSON has no
 * empty values, and an optional part given with nothing in it means nothing.
 */
export function clean(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(clean).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .map(([key, child]) => [key, clean(child)] as const)
      .filter(([, child]) => child !== undefined);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  return value;
}

/** A rule with its own write and read. */
export const rule = (element: string, write: ElementRule['write'], read: ElementRule['read']): ElementRule => ({ element, write, read });

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const strs = (value: unknown): string[] | undefined => (Array.isArray(value) ? (value as string[]) : undefined);
type Ref = { reference?: string };
type Concept = { text?: string; coding?: { system?: string; code?: string; display?: string }[] };

/** The field as it is (codes, booleans, numbers, dates, periods, quantities, money). */
export const same = (field: string, element = field): ElementRule =>
  rule(
    element,
    (input) => input[field],
    (value) => ({ [field]: value }),
  );

/** Text or a coding → CodeableConcept. */
export const conceptOf = (field: string, element = field): ElementRule =>
  rule(
    element,
    (input) => concept(input[field] as ConceptInput | undefined),
    (value) => ({ [field]: conceptOut(value as Concept) }),
  );

/** Text → `{ text }`. */
export const textOf = (field: string, element = field): ElementRule =>
  rule(
    element,
    (input) => (str(input[field]) === undefined ? undefined : { text: input[field] }),
    (value) => ({ [field]: textConceptOut(value as Concept) }),
  );

/** Text → `[{ text }]`, for a FHIR list the simplified shape gives one entry of. */
export const textInList = (field: string, element = field): ElementRule =>
  rule(
    element,
    (input) => (str(input[field]) === undefined ? undefined : [{ text: input[field] }]),
    (value) => ({ [field]: textConceptOut((value as Concept[])[0]) }),
  );

/** A list of texts → a list of `{ text }`. */
export const textList = (field: string, element = field): ElementRule =>
  rule(
    element,
    (input) => strs(input[field])?.map((text) => ({ text })),
    (value) => ({ [field]: textConceptsOut(value as Concept[]) }),
  );

/** An id → `{ reference: 'Type/id' }`. */
export const refTo = (type: string, field: string, element: string): ElementRule =>
  rule(
    element,
    (input) => (str(input[field]) === undefined ? undefined : { reference: `${type}/${input[field] as string}` }),
    (value) => ({ [field]: refOut(value as Ref, type) }),
  );

/** An id → `[{ reference: 'Type/id' }]`, for a FHIR list the simplified shape gives one entry of. */
export const refInList = (type: string, field: string, element: string): ElementRule =>
  rule(
    element,
    (input) => (str(input[field]) === undefined ? undefined : [{ reference: `${type}/${input[field] as string}` }]),
    (value) => ({ [field]: refOut((value as Ref[])[0], type) }),
  );

/** A list of ids → a list of references. */
export const refsTo = (type: string, field: string, element: string): ElementRule =>
  rule(
    element,
    (input) => strs(input[field])?.map((id) => ({ reference: `${type}/${id}` })),
    (value) => ({ [field]: refsOut(value as Ref[], type) }),
  );

/** `Type/id`, or a bare id meaning `defaultType` → a reference. */
export const typedRefTo = (defaultType: string, field: string, element: string): ElementRule =>
  rule(
    element,
    (input) => typedReference(str(input[field]), defaultType),
    (value) => ({ [field]: typedRefOut(value as Ref, defaultType) }),
  );

/** A list of `Type/id` or bare ids → a list of references. */
export const typedRefsTo = (defaultType: string, field: string, element: string): ElementRule =>
  rule(
    element,
    (input) => strs(input[field])?.map((value) => typedReference(value, defaultType)),
    (value) => ({ [field]: typedRefsOut(value as Ref[], defaultType) }),
  );

/** `Type/id` or a bare id → `{ reference }`. */
export function typedReference(value: string | undefined, defaultType: string): { reference: string } | undefined {
  return value === undefined ? undefined : { reference: value.includes('/') ? value : `${defaultType}/${value}` };
}

/** A name only → a reference by display (`{ display }`). */
export const displayOf = (field: string, element = field): ElementRule =>
  rule(
    element,
    (input) => (str(input[field]) === undefined ? undefined : { display: input[field] }),
    (value) => ({ [field]: (value as { display?: string }).display }),
  );

/** Free text → `note: [{ text }]`. */
export const noteOf = (field = 'note', element = 'note'): ElementRule =>
  rule(
    element,
    (input) => notes(str(input[field])),
    (value) => ({ [field]: notesOut(value as { text?: string }[]) }),
  );

/** A value that defaults (to the request time, or a constant) when not given: FHIR requires the element. */
export const withDefault = (field: string, fallback: (context: MappingContext) => unknown, element = field): ElementRule =>
  rule(
    element,
    (input, context) => input[field] ?? fallback(context),
    (value) => ({ [field]: value }),
  );

/** The request time, for elements FHIR requires that default to "now". */
export const now = (context: MappingContext): string => context.now;
