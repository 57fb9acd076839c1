/**
 * Whose a Cliniko record or body is. Records name their patient by link — an appointment's
 * `patient: { links: { self: "https://api.au1.cliniko.com/v1/patients/82" } }` — and bodies by `patient_id`. Every
 * place a patient can be named is read: a `patient_id` (or `patient_ids`) at any depth of a body, since Rails wraps
 * and unwraps parameters and a nested copy may be the one it reads; the `patient` relation and any `patient_id` of
 * a record. What cannot be read as one canonical id (a number beyond 2^53, `"007"`, an object, `null`, a link to
 * another host) makes the body or record unverifiable, and the caller refuses it.
 */
import type { ClinikoResourceDefinition } from '@clinikapi/core';
import type { UpstreamLocation } from '../answer/links.ts';
import { CLINIKO_ID } from './routes.ts';

export interface NamedPatients {
  readonly ids: ReadonlySet<string>;
  readonly unverifiable: boolean;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The canonical id a body value names (a digit string or a safe integer, as Cliniko takes them), or `undefined`. */
export function bodyId(value: unknown): string | undefined {
  if (typeof value === 'string') return CLINIKO_ID.test(value) ? value : undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return undefined;
}

/** Every patient a request body names, at any depth. The body's depth is bounded by the body reader. */
export function bodyPatients(body: unknown): NamedPatients {
  const ids = new Set<string>();
  let unverifiable = false;
  const note = (value: unknown): void => {
    const id = bodyId(value);
    if (id === undefined) unverifiable = true;
    else ids.add(id);
  };
  const stack: unknown[] = [body];
  while (stack.length > 0) {
    const value = stack.pop();
    if (!isObject(value)) continue;
    if (!Array.isArray(value)) {
      if (Object.hasOwn(value, 'patient_id')) note(value.patient_id);
      if (Object.hasOwn(value, 'patient_ids')) {
        if (Array.isArray(value.patient_ids)) value.patient_ids.forEach(note);
        else unverifiable = true;
      }
    }
    for (const child of Object.values(value)) stack.push(child);
  }
  return { ids, unverifiable };
}

/** The id of `/v1/patients/<id>` on the upstream, from a record link; `undefined` for anything else. */
export function linkedPatientId(link: unknown, upstream: UpstreamLocation): string | undefined {
  if (typeof link !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return undefined;
  }
  if (url.origin !== upstream.origin || url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '')
    return undefined;
  const prefix = `${upstream.basePath}/v1/patients/`;
  const id = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : undefined;
  return id !== undefined && CLINIKO_ID.test(id) ? id : undefined;
}

const selfLink = (record: Record<string, unknown>): unknown => (isObject(record.links) ? record.links.self : undefined);

/**
 * True when `record` (of `resource`, as the upstream answered it) may be shown inside the compartment of
 * `patientId`: a patient record that is theirs by id and link; a record that names exactly one patient, them, by
 * every means it has; or a record of no patient.
 */
export function withinClinikoCompartment(
  record: unknown,
  resource: ClinikoResourceDefinition,
  patientId: string,
  upstream: UpstreamLocation,
): boolean {
  if (!isObject(record) || Array.isArray(record)) return false;
  if (resource.patientLink === null) return true;
  if (resource.patientLink === 'self') {
    const link = selfLink(record);
    return record.id === patientId && (link === undefined || linkedPatientId(link, upstream) === patientId);
  }
  const owners = new Set<string>();
  let unreadable = false;
  const add = (id: string | undefined): void => {
    if (id === undefined) unreadable = true;
    else owners.add(id);
  };
  const relation = record.patient;
  if (relation !== undefined && relation !== null) add(isObject(relation) ? linkedPatientId(selfLink(relation), upstream) : undefined);
  if (record.patient_id !== undefined) add(bodyId(record.patient_id));
  if (record.patient_ids !== undefined) {
    if (Array.isArray(record.patient_ids)) for (const id of record.patient_ids) add(bodyId(id));
    else unreadable = true;
  }
  return !unreadable && owners.size === 1 && owners.has(patientId);
}
