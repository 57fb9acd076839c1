/**
 * Checking a response against a patient compartment, record by record. A read answers `{ data: record }`, a search
 * `{ data: { data: [records] } }`; include directives may add records under `included` or as Bundle entries. Every
 * one of them must be the patient's own or belong to no patient; a shape the check does not understand fails closed.
 */
import type { ResourceDefinition } from '@clinikapi/core';
import type { Interaction } from '../call.ts';
import { withinCompartment } from './patient-references.ts';

export type CompartmentVerdict = 'inside' | 'outside' | 'unreadable';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Records added by include directives, wherever the response puts them. */
function includedRecords(body: Record<string, unknown>, data: unknown): unknown[] | undefined {
  const found: unknown[] = [];
  for (const container of [body.included, isObject(data) ? data.included : undefined]) {
    if (container === undefined) continue;
    if (!Array.isArray(container)) return undefined;
    found.push(...container);
  }
  if (isObject(data) && data.resourceType === 'Bundle') {
    if (!Array.isArray(data.entry)) return data.entry === undefined ? found : undefined;
    for (const entry of data.entry) {
      if (!isObject(entry)) return undefined;
      found.push(entry.resource);
    }
  }
  return found;
}

export function checkCompartment(
  body: unknown,
  interaction: Interaction,
  definition: ResourceDefinition,
  patientId: string,
): CompartmentVerdict {
  if (!isObject(body) || !('data' in body)) return 'unreadable';
  const data = body.data;
  let primary: unknown[];
  if (interaction === 'search') {
    if (!isObject(data) || !Array.isArray(data.data)) return 'unreadable';
    primary = data.data;
  } else if (isObject(data) && data.resourceType === 'Bundle') {
    primary = [];
  } else {
    primary = [data];
  }
  const included = includedRecords(body, data);
  if (!included) return 'unreadable';
  // Included records must say what they are: without a resourceType there is no link to check.
  if (included.some((record) => !isObject(record) || typeof record.resourceType !== 'string')) return 'unreadable';
  const inside =
    primary.every((record) => withinCompartment(record, definition, patientId)) &&
    included.every((record) => withinCompartment(record, undefined, patientId));
  return inside ? 'inside' : 'outside';
}
