/**
 * Every id field of every request shape declares what it points at. The proxy decides which patients a write names
 * from the declarations (`requestReferenceFields`), so an id field left undeclared would be a way past it: these
 * tests walk every create and update schema of the 62 paths, through every kind of schema, and fail on the undeclared
 * `idSchema` and on any field named like an id that is not a declared reference (unless listed below with why).
 */
import type * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { findResource } from '../catalogue.ts';
import { idSchema } from './common.ts';
import { referencePathText, referenceTargetOf } from './references.ts';
import { OTHER_RESOURCE_SCHEMAS, RESOURCE_SCHEMAS, requestReferenceFields, type ResourceSchemas } from './registry.ts';

const SCHEMAS: Record<string, ResourceSchemas> = { ...RESOURCE_SCHEMAS, ...OTHER_RESOURCE_SCHEMAS };
const SHAPES = Object.entries(SCHEMAS).flatMap(([path, schemas]) =>
  (['create', 'update'] as const).flatMap((form) =>
    schemas[form] ? [{ label: `${path} ${form}`, path, form, schema: schemas[form] }] : [],
  ),
);

/** Fields named like ids that hold no record's id, and why. */
const NOT_REFERENCES: Readonly<Record<string, string>> = {
  'claim-responses.preAuthRef': "the insurer's pre-authorization number",
  'eligibility-responses.preAuthRef': "the insurer's pre-authorization number",
  'coverages.subscriberId': 'the member number the insurer gives the subscriber',
  'intakes.items.linkId': "the questionnaire item's linkId",
  'measure-reports.measureId': "the measure's canonical URL",
};

interface Node {
  readonly schema: unknown;
  /** Object keys from the root (arrays, wrappers and unions add none). */
  readonly path: readonly string[];
}

function isSchema(value: unknown): value is { _zod: { def: Record<string, unknown> & { type: string } } } {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

/**
 * Every schema inside `schema`, with the object keys that lead to it: whatever the kind of schema, every schema its
 * definition holds is visited (and a lazy one's result), so no kind can hide a field. Each recursive schema is walked
 * once per branch.
 */
function nodesOf(schema: z.ZodMiniType): Node[] {
  const nodes: Node[] = [];
  const visit = (node: unknown, path: readonly string[], open: ReadonlySet<unknown>): void => {
    if (!isSchema(node) || open.has(node)) return;
    nodes.push({ schema: node, path });
    const inside = new Set(open).add(node);
    const def = node._zod.def;
    if (def.type === 'object') {
      for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) visit(child, [...path, key], inside);
      return;
    }
    if (def.type === 'lazy') return visit((def.getter as () => unknown)(), path, inside);
    for (const value of Object.values(def)) {
      for (const child of Array.isArray(value) ? value : [value]) visit(child, path, inside);
    }
  };
  visit(schema, [], new Set());
  return nodes;
}

describe('every id field of every request shape is a declared reference', () => {
  it('walks all 62 paths, and finds what it looks for', () => {
    expect(Object.keys(SCHEMAS)).toHaveLength(62);
    // The walk reaches declared references and the undeclared id, wherever they sit.
    const nodes = nodesOf(SCHEMAS.consents?.create as z.ZodMiniType);
    expect(nodes.some((node) => referenceTargetOf(node.schema) && node.path.join('.') === 'provision.actor.reference')).toBe(true);
  });

  it.each(SHAPES)('$label holds no undeclared idSchema', ({ schema }) => {
    expect(
      nodesOf(schema)
        .filter((node) => node.schema === idSchema)
        .map((node) => node.path.join('.')),
    ).toEqual([]);
  });

  it.each(SHAPES)('$label: every field named like an id is a declared reference', ({ path, schema }) => {
    const declared = new Map<string, boolean>();
    for (const node of nodesOf(schema)) {
      if (!/(?:Ids?|Refs?)$|^reference$/.test(node.path.at(-1) ?? '')) continue;
      const where = `${path}.${node.path.join('.')}`;
      declared.set(where, (declared.get(where) ?? false) || referenceTargetOf(node.schema) !== undefined);
    }
    expect([...declared].filter(([where, isDeclared]) => !isDeclared && !NOT_REFERENCES[where]).map(([where]) => where)).toEqual([]);
  });

  it.each(SHAPES.filter(({ path }) => findResource(path)?.patientLink && findResource(path)?.patientLink !== 'self'))(
    '$label names its patient through a declared field that can point at a Patient',
    ({ path, form }) => {
      const fields = requestReferenceFields(path, form).filter(({ target }) => target.types === 'any' || target.types.includes('Patient'));
      expect(fields.map((field) => referencePathText(field.path))).not.toEqual([]);
    },
  );
});
