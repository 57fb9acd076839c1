/**
 * Whole resources inside a write body — FHIR `contained` resources, Bundle entries, a JSON Patch value that is a
 * resource — are records of their own type written through another one: a Condition contained in a Patient is
 * clinical data stored where front desk may write. Each is put to the policy as a create of its type
 * (`purpose: 'embed'`), so a write cannot carry what its user could not write on its own.
 *
 * Types the catalogue does not serve (a contained Questionnaire, Substance, Group) have no grant of their own to
 * get around, and are part of the record they sit in.
 */
import { findResourceByType, type ResourceDefinition } from '@clinikapi/core';
import type { Interaction } from '../call.ts';
import { ProxyError } from '../errors.ts';

export interface EmbeddedResource {
  readonly definition: ResourceDefinition;
  readonly resource: Record<string, unknown>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * The catalogue resources embedded in a write body. A body that is itself a FHIR resource of another type than the
 * path's is refused (400): it is not a record of this path.
 */
export function embeddedResources(body: unknown, own: ResourceDefinition, interaction: Interaction): EmbeddedResource[] {
  if (interaction !== 'create' && interaction !== 'update') return [];
  if (isObject(body) && !Array.isArray(body) && typeof body.resourceType === 'string' && body.resourceType !== own.resourceType) {
    throw new ProxyError('BAD_REQUEST', 'The body is not a record of this path', {
      reason: 'body:resource-type-mismatch',
      issues: [{ severity: 'error', code: 'invalid', diagnostics: `resourceType: Must be ${own.resourceType}`, path: 'resourceType' }],
    });
  }
  const found: EmbeddedResource[] = [];
  const stack: [unknown, boolean][] = [[body, true]];
  while (stack.length > 0) {
    const [value, topLevel] = stack.pop() as [unknown, boolean];
    if (!isObject(value)) continue;
    if (!topLevel && !Array.isArray(value) && typeof value.resourceType === 'string') {
      const definition = findResourceByType(value.resourceType);
      if (definition) found.push({ definition, resource: value });
    }
    for (const child of Object.values(value)) stack.push([child, false]);
  }
  return found;
}
