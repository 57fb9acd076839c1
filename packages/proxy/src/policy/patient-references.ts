/**
 * Finding the patients a piece of JSON names, as the upstream will read it. Bodies come in two shapes — the
 * simplified one (`patientId`, `sourceId`, ...) and FHIR (`subject: { reference: "Patient/…" }`) — and PATCH bodies
 * may be JSON Patch operations, so every place a patient can be named is looked at:
 * - the reference fields the request shape declares (core's `requestReferenceFields`), with what a bare id means
 *   there (`sourceId: "<id>"` is stored as `Patient/<id>`);
 * - every string anywhere that is a `Patient/<id>` reference once trimmed (the upstream trims), relative, absolute
 *   or versioned;
 * - FHIR references that name a patient without a literal id (`{ type: "Patient", identifier }`), references that
 *   cannot be read, an embedded Patient, and JSON Patch `move`/`copy` (a value from elsewhere in the record): those
 *   make the body unverifiable — there is no id to check, so the caller refuses it.
 */
import { findResourceByType, valuesAtReferencePath, type ReferenceField, type ResourceDefinition } from '@clinikapi/core';

/** `Type/id`, optionally after a base URL, optionally versioned. */
const REFERENCE = /(?:^|\/)([A-Z][A-Za-z]{1,63})\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;
/** A reference to a resource inside the same body (`#contained-id`) or bundle (`urn:uuid:…`): no record of its own. */
const LOCAL_REFERENCE = /^(?:#[A-Za-z0-9\-.]{1,64}|urn:uuid:[0-9a-fA-F-]{36})$/;

export interface ParsedReference {
  readonly type: string;
  readonly id: string;
}

/** A reference string as the upstream reads it: trimmed, then `Type/id` (relative, absolute or versioned). */
export function parseReference(value: unknown): ParsedReference | undefined {
  if (typeof value !== 'string') return undefined;
  const match = REFERENCE.exec(value.trim());
  return match ? { type: match[1] as string, id: match[2] as string } : undefined;
}

export function patientIdOfReference(reference: unknown): string | undefined {
  const parsed = parseReference(reference);
  return parsed?.type === 'Patient' ? parsed.id : undefined;
}

export interface NamedPatients {
  readonly ids: ReadonlySet<string>;
  /** True when the body names a patient in a way no id can be read from (an identifier, a contained Patient). */
  readonly unverifiable: boolean;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Every patient a request body names, wherever it names them. `fields` are the reference fields of the simplified
 * shape the body is written in (none for FHIR JSON and JSON Patch bodies). The body's depth is bounded by the body
 * reader.
 */
export function namedPatients(body: unknown, fields: readonly ReferenceField[] = []): NamedPatients {
  const ids = new Set<string>();
  let unverifiable = false;

  for (const field of fields) {
    for (const value of valuesAtReferencePath(body, field.path)) {
      if (typeof value !== 'string') continue;
      const trimmed = value.trim();
      if (trimmed.includes('/')) continue; // `Type/id`: the walk below reads it like any other reference.
      if (field.target.bareIdType === 'Patient' && trimmed !== '') ids.add(trimmed);
    }
  }

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
        if (typeof value.patientId === 'string' && value.patientId.trim() !== '') ids.add(value.patientId.trim());
        else if (value.patientId !== undefined && value.patientId !== null) unverifiable = true;
      }
      // A FHIR Reference: one that cannot be read, or that names a patient without a literal id, cannot be checked.
      if ('reference' in value && typeof value.reference === 'string') {
        if (!parseReference(value.reference) && !LOCAL_REFERENCE.test(value.reference.trim())) unverifiable = true;
      } else if (value.type === 'Patient' && ('identifier' in value || 'display' in value)) {
        unverifiable = true;
      }
      if (typeof value.op === 'string' && typeof value.path === 'string') {
        // JSON Patch: `{ op: "replace", path: "/patientId", value: "…" }` names a patient through its path.
        if (/(^|\/)patientId$/.test(value.path)) {
          if (typeof value.value === 'string') ids.add(value.value.trim());
          else if (value.value !== undefined && value.value !== null) unverifiable = true;
        }
        // move/copy carry a value from elsewhere in the record, which is not in the body to be checked.
        if (value.op === 'move' || value.op === 'copy') unverifiable = true;
      }
    }
    for (const child of Object.values(value)) stack.push([child, false]);
  }
  return { ids, unverifiable };
}

/**
 * The patients a stored record belongs to, read from its catalogue link (`subject`) and its simplified `patientId`.
 * Both are collected, so a record whose `patientId` and `subject` disagree belongs to two patients — and so to
 * neither compartment.
 */
export function recordPatients(record: unknown, definition: ResourceDefinition): Set<string> {
  const ids = new Set<string>();
  if (!isObject(record)) return ids;
  if (definition.patientLink === 'self') {
    if (typeof record.id === 'string') ids.add(record.id);
    return ids;
  }
  if ('patientId' in record) ids.add(typeof record.patientId === 'string' ? record.patientId.trim() : '');
  if (definition.patientLink) {
    for (const link of valuesAtReferencePath(record, definition.patientLink.split('.'))) {
      const id = isObject(link) ? patientIdOfReference(link.reference) : patientIdOfReference(link);
      if (id) ids.add(id);
    }
  }
  return ids;
}

/**
 * True when `record` may be shown to the patient `patientId`: every patient it belongs to is them (and it belongs to
 * one), or it belongs to no patient at all by its type (practitioners, medications, ...). A record whose type the
 * catalogue does not know, or whose type is not the one expected, is never shown.
 */
export function withinCompartment(record: unknown, definition: ResourceDefinition | undefined, patientId: string): boolean {
  if (!isObject(record)) return false;
  const resolved = definition ?? (typeof record.resourceType === 'string' ? findResourceByType(record.resourceType) : undefined);
  if (!resolved) return false;
  // A FHIR record of another type than the one asked for is not what the policy allowed.
  if (typeof record.resourceType === 'string' && record.resourceType !== resolved.resourceType) return false;
  if (resolved.patientLink === null) return true;
  const owners = recordPatients(record, resolved);
  return owners.size === 1 && owners.has(patientId);
}
