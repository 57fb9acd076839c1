/**
 * Finding the patients a piece of JSON names. Bodies come in two shapes — the simplified one (`patientId`) and FHIR
 * (`subject: { reference: "Patient/…" }`) — and PATCH bodies may be JSON Patch operations, so the walk looks at all
 * of them and treats anything it cannot pin to a literal patient id as unverifiable.
 */
import { findResourceByType, type ResourceDefinition } from '@clinikapi/core';

/** `Patient/{id}`, relative or absolute, optionally versioned (`/_history/2`). */
const PATIENT_REFERENCE = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

export function patientIdOfReference(reference: unknown): string | undefined {
  return typeof reference === 'string' ? PATIENT_REFERENCE.exec(reference)?.[1] : undefined;
}

export interface NamedPatients {
  readonly ids: ReadonlySet<string>;
  /** True when the body names a patient in a way no id can be read from (an identifier, a contained Patient). */
  readonly unverifiable: boolean;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Every patient a request body names, wherever it names them. The body's depth is bounded by the body reader. */
export function namedPatients(body: unknown): NamedPatients {
  const ids = new Set<string>();
  let unverifiable = false;
  const stack: [unknown, boolean][] = [[body, true]];
  while (stack.length > 0) {
    const [value, topLevel] = stack.pop() as [unknown, boolean];
    if (typeof value === 'string') {
      const id = patientIdOfReference(value);
      if (id) ids.add(id);
      continue;
    }
    if (!isObject(value)) continue;
    if (!Array.isArray(value)) {
      // An embedded Patient (contained, or a Bundle entry) could be anyone.
      if (!topLevel && value.resourceType === 'Patient') unverifiable = true;
      if ('patientId' in value) {
        if (typeof value.patientId === 'string' && value.patientId !== '') ids.add(value.patientId);
        else if (value.patientId !== undefined && value.patientId !== null) unverifiable = true;
      }
      // JSON Patch: `{ op: "replace", path: "/patientId", value: "…" }` names a patient through its path.
      if (typeof value.op === 'string' && typeof value.path === 'string' && /(^|\/)patientId$/.test(value.path)) {
        if (typeof value.value === 'string') ids.add(value.value);
        else if (value.value !== undefined && value.value !== null) unverifiable = true;
      }
      // move/copy carry a value from elsewhere in the record: into a patient link, that cannot be checked here.
      if (typeof value.op === 'string' && typeof value.from === 'string' && typeof value.path === 'string') {
        if (/(^|\/)(patientId|reference|subject|patient|actor|beneficiary|candidate)(\/|$)/.test(value.path)) unverifiable = true;
      }
    }
    for (const child of Object.values(value)) stack.push([child, false]);
  }
  return { ids, unverifiable };
}

/** The values at a dotted element path, through arrays: `participant.actor` → every participant's actor. */
function valuesAt(record: unknown, path: string): unknown[] {
  let current: unknown[] = [record];
  for (const key of path.split('.')) {
    const next: unknown[] = [];
    for (const value of current) {
      if (!isObject(value) || Array.isArray(value)) continue;
      const child = value[key];
      if (Array.isArray(child)) next.push(...child);
      else if (child !== undefined) next.push(child);
    }
    current = next;
  }
  return current;
}

/** Patients a stored record belongs to, read from its catalogue link (`subject`) or its simplified `patientId`. */
export function recordPatients(record: unknown, definition: ResourceDefinition): Set<string> {
  const ids = new Set<string>();
  if (!isObject(record)) return ids;
  if (definition.patientLink === 'self') {
    if (typeof record.id === 'string') ids.add(record.id);
    return ids;
  }
  if (typeof record.patientId === 'string') ids.add(record.patientId);
  if (definition.patientLink) {
    for (const link of valuesAt(record, definition.patientLink)) {
      const id = isObject(link) ? patientIdOfReference(link.reference) : patientIdOfReference(link);
      if (id) ids.add(id);
    }
  }
  return ids;
}

/**
 * True when `record` may be shown to the patient `patientId`: it is theirs, or it belongs to no patient at all
 * (practitioners, medications, ...). A record whose type the catalogue does not know is never shown.
 */
export function withinCompartment(record: unknown, definition: ResourceDefinition | undefined, patientId: string): boolean {
  if (!isObject(record)) return false;
  const resolved = definition ?? (typeof record.resourceType === 'string' ? findResourceByType(record.resourceType) : undefined);
  if (!resolved) return false;
  // A FHIR record of another type than the one asked for is not what the policy allowed.
  if (typeof record.resourceType === 'string' && record.resourceType !== resolved.resourceType) return false;
  if (resolved.patientLink === null) return true;
  return recordPatients(record, resolved).has(patientId);
}
