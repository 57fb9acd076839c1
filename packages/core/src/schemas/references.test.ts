import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { findResource } from '../catalogue.ts';
import { anyReference, reference, typedReference } from './common.ts';
import { referenceFieldsOf } from './references.ts';
import { RESOURCE_SCHEMAS, requestReferenceFields } from './registry.ts';

const summary = (schema: z.ZodMiniType) =>
  referenceFieldsOf(schema).map(({ path, target }) => `${path.join('.')}=${target.types === 'any' ? 'any' : target.types.join('|')}:${target.bareIdType ?? '-'}`);

describe('referenceFieldsOf', () => {
  it('finds reference fields through objects, lists, optionals, unions and pipes', () => {
    const schema = z.object({
      patientId: reference('Patient'),
      performer: z.optional(z.array(z.object({ actorId: z.nullable(typedReference(['Practitioner', 'Patient'])) }))),
      either: z.union([anyReference, z.string()]),
      piped: z.pipe(z.string(), z.transform((value: string) => value)),
      note: z.string(),
    });
    expect(summary(schema)).toEqual(['patientId=Patient:Patient', 'performer.actorId=Practitioner|Patient:Practitioner', 'either=any:-']);
  });

  it('walks a recursive schema once, and refuses one whose recursion holds references', () => {
    type Node = { children?: Node[] };
    const plain: z.ZodMiniType<Node> = z.lazy(() => z.object({ children: z.optional(z.array(plain)) }));
    expect(referenceFieldsOf(z.object({ tree: plain }))).toEqual([]);
    type Linked = { patientId: string; children?: Linked[] };
    const linked: z.ZodMiniType<Linked> = z.lazy(() => z.object({ patientId: reference('Patient'), children: z.optional(z.array(linked)) }));
    expect(() => referenceFieldsOf(z.object({ tree: linked }))).toThrow(/recursive schema at tree holds references/);
  });

  it('refuses schemas it cannot look inside rather than missing a field', () => {
    expect(() => referenceFieldsOf(z.object({ byName: z.record(z.string(), reference('Patient')) }))).toThrow(/"record" schema at byName/);
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

  it('has nothing for paths that take FHIR JSON', () => {
    expect(requestReferenceFields('claims', 'create')).toEqual([]);
  });
});
