import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { findResource } from '../catalogue.ts';
import { anyReference, reference, typedReference } from './common.ts';
import { referenceFieldsOf, referencePathText, unrollReferencePath, valuesAtReferencePath } from './references.ts';
import { RESOURCE_SCHEMAS, requestReferenceFields } from './registry.ts';

const summary = (schema: z.ZodMiniType) =>
  referenceFieldsOf(schema).map(
    ({ path, target }) =>
      `${referencePathText(path)}=${target.types === 'any' ? 'any' : target.types.join('|')}:${target.bareIdType ?? '-'}`,
  );

describe('referenceFieldsOf', () => {
  it('finds reference fields through objects, lists, optionals, unions and pipes', () => {
    const schema = z.object({
      patientId: reference('Patient'),
      performer: z.optional(z.array(z.object({ actorId: z.nullable(typedReference(['Practitioner', 'Patient'])) }))),
      either: z.union([anyReference, z.string()]),
      piped: z.pipe(
        z.string(),
        z.transform((value: string) => value),
      ),
      note: z.string(),
    });
    expect(summary(schema)).toEqual(['patientId=Patient:Patient', 'performer.actorId=Practitioner|Patient:Practitioner', 'either=any:-']);
  });

  it('walks a recursive schema once, marking where it nests in itself as a repeat', () => {
    type Node = { children?: Node[] };
    const plain: z.ZodMiniType<Node> = z.lazy(() => z.object({ children: z.optional(z.array(plain)) }));
    expect(referenceFieldsOf(z.object({ tree: plain }))).toEqual([]);
    type Linked = { patientId: string; sub?: { children?: Linked[] } };
    const linked: z.ZodMiniType<Linked> = z.lazy(() =>
      z.object({ patientId: reference('Patient'), sub: z.optional(z.object({ children: z.optional(z.array(linked)) })) }),
    );
    expect(summary(z.object({ tree: z.optional(linked) }))).toEqual(['tree.(sub.children)*.patientId=Patient:Patient']);
  });

  it('refuses a recursive schema that nests in itself at two places', () => {
    type Forked = { patientId: string; left?: Forked; right?: Forked };
    const forked: z.ZodMiniType<Forked> = z.lazy(() =>
      z.object({ patientId: reference('Patient'), left: z.optional(forked), right: z.optional(forked) }),
    );
    expect(() => referenceFieldsOf(z.object({ tree: forked }))).toThrow(/recursive schema at tree nests in itself at more than one place/);
  });

  it('refuses schemas it cannot look inside rather than missing a field', () => {
    expect(() => referenceFieldsOf(z.object({ byName: z.record(z.string(), reference('Patient')) }))).toThrow(/"record" schema at byName/);
  });
});

describe('reference paths', () => {
  const path = ['tree', { repeat: ['sub', 'children'] }, 'patientId'] as const;
  const body = {
    tree: { patientId: 'a', sub: { children: [{ patientId: 'b' }, { patientId: 'c', sub: { children: [{ patientId: 'd' }] } }] } },
  };

  it('reads the values at every nesting level of a repeat, through arrays', () => {
    expect(valuesAtReferencePath(body, path)).toEqual(['a', 'b', 'c', 'd']);
    expect(valuesAtReferencePath({ tree: [{ patientId: 'a' }, { patientId: 'b' }] }, path)).toEqual(['a', 'b']);
    expect(valuesAtReferencePath({ tree: 'a' }, path)).toEqual([]);
  });

  it('unrolls a repeat into a concrete path', () => {
    expect(unrollReferencePath(path, 0)).toEqual(['tree', 'patientId']);
    expect(unrollReferencePath(path, 2)).toEqual(['tree', 'sub', 'children', 'sub', 'children', 'patientId']);
  });
});

describe('requestReferenceFields', () => {
  const mapped = Object.keys(RESOURCE_SCHEMAS);

  it.each(mapped)('%s: every shape of a patient-linked path names its patient through a declared Patient id', (path) => {
    const definition = findResource(path);
    if (!definition?.patientLink || definition.patientLink === 'self') return;
    for (const form of ['create', 'update'] as const) {
      const patientId = requestReferenceFields(path, form).find((field) => field.path.join('.') === 'patientId');
      expect(patientId?.target).toEqual({ types: ['Patient'], bareIdType: 'Patient' });
    }
  });

  it('has nothing for a path that is not in the catalogue', () => {
    expect(requestReferenceFields('not-a-path', 'create')).toEqual([]);
  });
});
