/**
 * The reference fields core's request shapes declare (`requestReferenceFields`) are exactly the fields whose values
 * the mappings store as FHIR references, with the type declared for a bare id. The proxy decides which patients a
 * write names from those declarations, so a field that is stored as a reference without being declared — or declared
 * with another type — would be a way past it. Every string of every full example is probed in turn: replaced by a
 * unique id (or `Type/id` when it was written that way), stored through the mapping, and looked for among the
 * references of the FHIR resource.
 */
import { requestReferenceFields, type ReferenceField } from '@clinikapi/core';
import { describe, expect, it } from 'vitest';
import { FULL_EXAMPLES } from '../../test/fixtures/full-examples.ts';
import { SIMPLIFIED_MAPPINGS } from './registry.ts';

const context = { now: '2025-03-01T12:00:00.000Z' };

type Json = unknown;

/** Every string leaf of `value`, with its path of keys and array indexes. */
function stringLeaves(value: Json, path: (string | number)[] = []): { path: (string | number)[]; value: string }[] {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringLeaves(item, [...path, index]));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => stringLeaves(item, [...path, key]));
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
  return Object.entries(resource).flatMap(([key, value]) => (key === 'reference' && typeof value === 'string' ? [value] : storedReferences(value)));
}

/** The declared field at a leaf's path (array indexes dropped), if any. */
function declaredAt(fields: readonly ReferenceField[], path: readonly (string | number)[]): ReferenceField | undefined {
  const keys = path.filter((key): key is string => typeof key === 'string').join('.');
  return fields.find((field) => field.path.join('.') === keys);
}

type MappedPath = keyof typeof SIMPLIFIED_MAPPINGS;
const paths = Object.keys(SIMPLIFIED_MAPPINGS) as MappedPath[];

/** Fields a full example cannot hold alongside the others (a consent's source is an attachment or a reference). */
const ALTERNATIVE_EXAMPLES: Partial<Record<MappedPath, readonly Record<string, unknown>[]>> = {
  consents: [{ ...FULL_EXAMPLES.consents, sourceAttachment: undefined, sourceReferenceId: 'DocumentReference/doc-1' }],
};

describe('declared reference fields match what the mappings store', () => {
  it.each(paths)('%s: every string that is stored as a reference is declared, with its type', (path) => {
    const mapping = SIMPLIFIED_MAPPINGS[path];
    const fields = requestReferenceFields(path, 'create');
    const problems: string[] = [];
    const probed = new Set<string>();
    for (const example of [FULL_EXAMPLES[path], ...(ALTERNATIVE_EXAMPLES[path] ?? [])]) probe(example);
    expect(problems).toEqual([]);
    // Every declared field was seen stored at least once: the examples exercise them all.
    expect(fields.map((field) => field.path.join('.')).filter((field) => !probed.has(field))).toEqual([]);

    function probe(example: Record<string, unknown>): void {
      stringLeaves(example).forEach((leaf, index) => {
        const token = `probe-${index}`;
        const typed = /^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]+$/.exec(leaf.value) ? `${leaf.value.split('/')[0]}/${token}` : token;
        const parsed = mapping.createSchema.safeParse(withLeaf(example, leaf.path, typed));
        if (!parsed.success) return;
        const references = storedReferences(mapping.toFhir(parsed.data, context)).filter((reference) => reference.endsWith(`/${token}`));
        const declared = declaredAt(fields, leaf.path);
        const where = leaf.path.join('.');
        if (references.length === 0) {
          if (declared) problems.push(`${where} is declared a reference but is not stored as one`);
          return;
        }
        probed.add(declared?.path.join('.') ?? where);
        if (!declared) return void problems.push(`${where} is stored as ${references.join(', ')} but not declared a reference`);
        for (const reference of references) {
          const type = reference.slice(0, reference.length - token.length - 1);
          const { types, bareIdType } = declared.target;
          if (typed === token && type !== bareIdType) problems.push(`${where}: a bare id is stored as ${type}, declared ${bareIdType ?? 'not accepted'}`);
          if (types !== 'any' && !types.includes(type)) problems.push(`${where}: stored as ${type}, declared ${types.join('|')}`);
        }
      });
    }
  });
});
