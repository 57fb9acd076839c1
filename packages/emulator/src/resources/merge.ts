/**
 * The object form of PATCH, on every path: the changes are merged into the record's simplified fields, the result
 * is validated as a whole (so rules between fields still hold), and only the FHIR elements that the changed fields
 * produce are rewritten: anything the simplified shape does not know — extensions, extra codings, elements set
 * through the FHIR passthrough — survives untouched.
 */
import type { Resource } from '@clinikapi/core';
import { parseBody } from '../validation/parse-body.ts';
import { deepEqual } from './json-patch.ts';
import type { MappingContext, SimplifiedMapping } from './mapping.ts';

/** Applies validated `changes` (null removes a field) to the simplified fields of `existing`. */
export function mergeSimplified(
  mapping: SimplifiedMapping,
  existing: Resource,
  changes: Record<string, unknown>,
  context: MappingContext,
): Resource {
  const before = mapping.fromFhir(existing);
  const merged: Record<string, unknown> = { ...before };
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === undefined) delete merged[name];
    else merged[name] = value;
  }
  const after = parseBody(mapping.createSchema, merged);
  const fhirBefore = mapping.toFhir(before as never, context) as unknown as Record<string, unknown>;
  const fhirAfter = mapping.toFhir(after, context) as unknown as Record<string, unknown>;

  const result: Record<string, unknown> = { ...(existing as unknown as Record<string, unknown>) };
  for (const element of new Set([...Object.keys(fhirBefore), ...Object.keys(fhirAfter)])) {
    if (element === 'resourceType' || deepEqual(fhirBefore[element], fhirAfter[element])) continue;
    if (fhirAfter[element] === undefined) delete result[element];
    else result[element] = fhirAfter[element];
  }
  return result as unknown as Resource;
}
