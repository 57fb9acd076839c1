/**
 * The reference fields core's request shapes declare (`requestReferenceFields`) are exactly the fields whose values
 * the mappings store as FHIR references, with the type declared for a bare id, on every one of the 62 paths. The
 * proxy decides which patients a write names from those declarations, so a field that is stored as a reference
 * without being declared — or declared with another type — would be a way past it. Every string of every full
 * example is probed in turn: replaced by a unique id (or `Type/id` when it was written that way), stored through the
 * mapping, and looked for among the references of the FHIR resource.
 */
import { referencePathText, requestReferenceFields, type ReferenceField, type ResourcePath } from '@clinikapi/core';
import { describe, expect, it } from 'vitest';
import { OTHER_FULL_EXAMPLES } from '../../../core/test/other-examples.ts';
import { FULL_EXAMPLES } from '../../test/fixtures/full-examples.ts';
import { mappingFor, OTHER_MAPPINGS, SIMPLIFIED_MAPPINGS } from './registry.ts';

const context = { now: '2025-03-01T12:00:00.000Z' };

type Json = unknown;
type Body = Record<string, unknown>;

/** Every string leaf of `value`, with its path of keys and array indexes. */
function stringLeaves(value: Json, path: (string | number)[] = []): { path: (string | number)[]; value: string }[] {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringLeaves(item, [...path, index]));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => stringLeaves(item, [...path, key]));
  return [];
}

function withLeaf(body: Json, path: readonly (string | number)[], replacement: string): Json {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1) as string | number] = replacement;
  return copy;
}

/** Every `reference` string in a FHIR resource. */
function storedReferences(resource: Json): string[] {
  if (Array.isArray(resource)) return resource.flatMap(storedReferences);
  if (typeof resource !== 'object' || resource === null) return [];
  return Object.entries(resource).flatMap(([key, value]) =>
    key === 'reference' && typeof value === 'string' ? [value] : storedReferences(value),
  );
}

/** A field's path as a pattern of dotted keys: a repeat step matches its keys any number of times. */
function pathPattern(field: ReferenceField): RegExp {
  const escape = (key: string) => key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const steps = field.path.map((step) =>
    typeof step === 'string' ? `\\.${escape(step)}` : `(?:${step.repeat.map((key) => `\\.${escape(key)}`).join('')})*`,
  );
  return new RegExp(`^${steps.join('')}$`);
}

/** The declared field at a leaf's path (array indexes dropped), if any. */
function declaredAt(fields: readonly ReferenceField[], path: readonly (string | number)[]): ReferenceField | undefined {
  const keys = path
    .filter((key): key is string => typeof key === 'string')
    .map((key) => `.${key}`)
    .join('');
  return fields.find((field) => pathPattern(field).test(keys));
}

const paths = [...Object.keys(SIMPLIFIED_MAPPINGS), ...Object.keys(OTHER_MAPPINGS)] as ResourcePath[];
const FULL_BODIES: Partial<Record<ResourcePath, Body>> = { ...FULL_EXAMPLES, ...OTHER_FULL_EXAMPLES };

/** Bodies for the fields a full example cannot hold alongside the others (one of two alternatives). */
const ALTERNATIVE_EXAMPLES: Partial<Record<ResourcePath, readonly Body[]>> = {
  consents: [{ ...FULL_EXAMPLES.consents, sourceAttachment: undefined, sourceReferenceId: 'DocumentReference/doc-1' }],
  // A task parameter holds exactly one value.
  tasks: [{ ...OTHER_FULL_EXAMPLES.tasks, input: [{ type: 'Result', valueReference: 'Observation/obs-1' }] }],
};

describe('declared reference fields match what the mappings store', () => {
  it('covers every path', () => {
    expect(paths).toHaveLength(62);
    expect(paths.filter((path) => !FULL_BODIES[path])).toEqual([]);
  });

  it.each(paths)('%s: an update declares the same reference fields as a create', (path) => {
    const update = requestReferenceFields(path, 'update');
    if (update.length === 0 && !mappingFor(path).updateSchema) return;
    expect(update).toEqual(requestReferenceFields(path, 'create'));
  });

  it.each(paths)('%s: every string that is stored as a reference is declared, with its type', (path) => {
    const mapping = mappingFor(path);
    const fields = requestReferenceFields(path, 'create');
    const problems: string[] = [];
    const probed = new Set<string>();
    for (const example of [FULL_BODIES[path] as Body, ...(ALTERNATIVE_EXAMPLES[path] ?? [])]) probe(example);
    expect(problems).toEqual([]);
    // Every declared field was seen stored at least once: the examples exercise them all.
    expect(fields.map((field) => referencePathText(field.path)).filter((field) => !probed.has(field))).toEqual([]);

    function probe(example: Body): void {
      stringLeaves(example).forEach((leaf, index) => {
        const token = `probe-${index}`;
        const type = /^([A-Z][A-Za-z]+)\/[A-Za-z0-9\-.]+$/.exec(leaf.value)?.[1];
        // A `Type/id` value is probed as written and as a bare id, so what a bare id means is checked there too.
        for (const spelling of type ? [`${type}/${token}`, token] : [token]) probeAs(example, leaf.path, spelling, token);
      });
    }

    function probeAs(example: Body, path: readonly (string | number)[], spelling: string, token: string): void {
      const parsed = mapping.createSchema.safeParse(withLeaf(example, path, spelling));
      if (!parsed.success) return;
      const references = storedReferences(mapping.toFhir(parsed.data, context)).filter((reference) => reference.endsWith(`/${token}`));
      const declared = declaredAt(fields, path);
      const where = path.join('.');
      const bare = spelling === token;
      if (references.length === 0) {
        // A bare id where the declaration takes none (a name, an address) is rightly not a reference.
        if (declared && (!bare || declared.target.bareIdType !== undefined))
          problems.push(`${where} is declared a reference but is not stored as ${spelling}`);
        return;
      }
      probed.add(declared ? referencePathText(declared.path) : where);
      if (!declared) return void problems.push(`${where} is stored as ${references.join(', ')} but not declared a reference`);
      for (const reference of references) {
        const stored = reference.slice(0, reference.length - token.length - 1);
        const { types, bareIdType } = declared.target;
        if (bare && stored !== bareIdType)
          problems.push(`${where}: a bare id is stored as ${stored}, declared ${bareIdType ?? 'not accepted'}`);
        if (types !== 'any' && !types.includes(stored)) problems.push(`${where}: stored as ${stored}, declared ${types.join('|')}`);
      }
    }
  });
});
