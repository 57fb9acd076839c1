/** Every simplified mapping reads back what it wrote: the property simplified updates depend on. */
import { describe, expect, it } from 'vitest';
import { FULL_EXAMPLES } from '../../test/fixtures/full-examples.ts';
import { OTHER_FULL_EXAMPLES, OTHER_MINIMAL_EXAMPLES } from '../../../core/test/other-examples.ts';
import { WIDGET_EXAMPLES } from '../../../core/test/widget-examples.ts';
import { fhirResourceIssues } from './fhir-json.ts';
import { OTHER_MAPPINGS, SIMPLIFIED_MAPPINGS } from './registry.ts';

const context = { now: '2025-03-01T12:00:00.000Z' };
const cases = [
  ...Object.entries(SIMPLIFIED_MAPPINGS).flatMap(([path, mapping]) => [
    { path, label: 'full', mapping, body: FULL_EXAMPLES[path as keyof typeof FULL_EXAMPLES] },
    { path, label: 'widget', mapping, body: WIDGET_EXAMPLES[path as keyof typeof WIDGET_EXAMPLES] },
  ]),
  ...Object.entries(OTHER_MAPPINGS).flatMap(([path, mapping]) => [
    { path, label: 'full', mapping, body: OTHER_FULL_EXAMPLES[path as keyof typeof OTHER_FULL_EXAMPLES] },
    { path, label: 'minimal', mapping, body: OTHER_MINIMAL_EXAMPLES[path as keyof typeof OTHER_MINIMAL_EXAMPLES] },
  ]),
];
const fullBodies = { ...FULL_EXAMPLES, ...OTHER_FULL_EXAMPLES } as Record<string, Record<string, unknown>>;

describe('simplified ↔ FHIR mappings', () => {
  it.each(cases)('$path ($label body) round-trips through FHIR', ({ mapping, body }) => {
    const input = mapping.createSchema.parse(body);
    const fhir = mapping.toFhir(input, context);
    const simplified = mapping.fromFhir(fhir);
    expect(mapping.createSchema.safeParse(simplified).error?.issues ?? []).toEqual([]);
    expect(mapping.toFhir(mapping.createSchema.parse(simplified), context)).toEqual(fhir);
  });

  it.each(cases)('$path ($label body) produces FHIR JSON without nulls or empty values', ({ mapping, body }) => {
    const fhir = mapping.toFhir(mapping.createSchema.parse(body), context);
    expect(fhirResourceIssues({ ...fhir }, fhir.resourceType)).toEqual([]);
  });

  it('keeps every simplified field of the full examples', () => {
    for (const [path, mapping] of Object.entries({ ...SIMPLIFIED_MAPPINGS, ...OTHER_MAPPINGS })) {
      const body = fullBodies[path] as Record<string, unknown>;
      const simplified = mapping.fromFhir(mapping.toFhir(mapping.createSchema.parse(body), context));
      expect(Object.keys(simplified).sort(), path).toEqual(Object.keys(body).sort());
    }
  });
});
