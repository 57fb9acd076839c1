/** Values derived from a FHIR body that searches filter and sort on, computed the same way by every store. */
import type { Resource } from '@clinikapi/core';

/** Lower-cased given and family names of a Patient, space-separated: what the `name` search matches against. */
export function nameSearchText(body: Resource): string {
  if (body.resourceType !== 'Patient' && body.resourceType !== 'Practitioner' && body.resourceType !== 'Person') {
    return '';
  }
  const parts: string[] = [];
  for (const name of body.name ?? []) {
    parts.push(...(name.given ?? []), name.family ?? '', name.text ?? '');
  }
  return parts.filter(Boolean).join(' ').toLowerCase();
}

/** The sort key of the default patient order: family name, then given name. */
export function nameSortKey(body: Resource): string {
  if (body.resourceType !== 'Patient') return '';
  const name = body.name?.[0];
  return `${name?.family ?? ''}\u0001${name?.given?.join(' ') ?? ''}`.toLowerCase();
}
