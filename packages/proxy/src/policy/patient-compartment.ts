/**
 * `patientCompartment({ patientId: (user) => … })`: a patient user reaches only their own Patient and the records
 * that belong to it.
 *
 * - Read by id: the record is fetched and checked; someone else's is 404, exactly like one that does not exist.
 * - Search: forced to the patient (`patientId=<theirs>` added); a patientId in the query that is not theirs is 404.
 *   A search over Patients themselves, or over a resource with no patient search parameter, is refused.
 * - Create/update: a body that names another patient anywhere, or names a patient in a way that cannot be checked,
 *   is 403; a create must name them. Updates and deletes by id first read the record and check it is theirs, and a
 *   JSON Patch is checked on the record it would produce (an object PATCH, a merge of simplified fields, is checked
 *   field by field).
 * - Records carried along (`_include`, `_revinclude`, Bundles): each is checked; others are withheld.
 * - `_has` (reverse chaining) is refused: it filters on other patients' records and would answer questions about them.
 * - Resources that belong to no patient (practitioners, slots, payment notices) are not readable unless listed in
 *   `shared`, and never writable.
 * - `$everything`, bulk export/import and the raw FHIR passthrough never reach a policy: they are not catalogue paths.
 * - Asked what the user may do (`purpose: 'ask'`): what the rules above allow on the patient's own records — their
 *   own Patient read, updated or deleted but never searched or created; their records of each patient-linked type
 *   read, created, updated, deleted, and searched where the type can be confined to them; shared types read.
 *
 * Behind `upstreams.cliniko()` the same policy keys on the user's Cliniko patient id; `cliniko/compartment.ts` says how.
 */
import { findClinikoResource, findResource, isFhirCreateBody, requestReferenceFields, type ResourceDefinition } from '@clinikapi/core';
import { isClinikoResource } from '../call.ts';
import { clinikoCompartment } from '../cliniko/compartment.ts';
import type { ProxyUser } from '../request-context.ts';
import { REVERSE_CHAIN_PREFIX } from '../protocol/query.ts';
import { namedPatients } from './patient-references.ts';
import { namingResources } from './named-resources.ts';
import { allow, deny, type Policy, type PolicyRequest } from './policy.ts';

export interface PatientCompartmentOptions {
  /** The Patient id of a patient user; `null`/`undefined` denies the call (the user is not a patient). */
  readonly patientId: (user: ProxyUser) => string | null | undefined;
  /**
   * Catalogue paths of resources that belong to no patient and that patients may read (search and read by id), e.g.
   * `['practitioners']` for a booking page. Default: none — a patient reads only their own records.
   */
  readonly shared?: readonly string[];
}

/** The search parameter that restricts `definition` to one patient, if it has one. */
export function patientSearchParam(definition: ResourceDefinition): string | undefined {
  if (definition.searchParams.includes('patientId')) return 'patientId';
  const element = definition.patientLink?.split('.').at(-1);
  const candidate = element ? `${element}Id` : undefined;
  return candidate && definition.searchParams.includes(candidate) ? candidate : undefined;
}

function sharedPaths(shared: unknown): ReadonlySet<string> {
  if (shared === undefined) return new Set();
  if (!Array.isArray(shared)) throw new TypeError('patientCompartment: option "shared" must be a list of catalogue paths');
  for (const path of shared) {
    // Of either API; `clinikProxy()` checks the names against the API its upstream speaks.
    const definitions =
      typeof path === 'string' ? [findResource(path), findClinikoResource(path)].filter((found) => found !== undefined) : [];
    if (definitions.length === 0 || definitions.some((definition) => definition.patientLink !== null)) {
      throw new TypeError(
        `patientCompartment: "shared" lists ${JSON.stringify(path)}, which is not a catalogue path that belongs to no patient`,
      );
    }
  }
  return new Set(shared as string[]);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What a write body names: anywhere, and through the simplified shape's reference fields when it is one. Every path
 * has a simplified shape: an object PATCH is a merge of its fields, and so is a create, except a create body with
 * `resourceType` on the 43 paths that also take FHIR JSON. A JSON Patch is checked on the record it would produce.
 */
function patientsNamedBy(request: PolicyRequest) {
  const { body, resource, interaction } = request;
  if (request.purpose !== 'call' || typeof body !== 'object' || body === null || Array.isArray(body)) return namedPatients(body);
  if (interaction === 'create')
    return namedPatients(body, isFhirCreateBody(resource.path, body) ? [] : requestReferenceFields(resource.path, 'create'));
  return namedPatients(body, requestReferenceFields(resource.path, 'update'));
}

/**
 * An ask ("would the patient be allowed this on some record of this type?") put as the call it stands for: on their
 * own records — their own Patient by id, a body that names them — so the call rules below answer it, and the answer
 * cannot drift from what the calls get.
 */
function callOnOwnRecords(request: PolicyRequest, resource: ResourceDefinition, patientId: string): PolicyRequest {
  const own = resource.patientLink === 'self' ? patientId : 'own-record';
  const byId = request.interaction !== 'create' && request.interaction !== 'search';
  const writes = request.interaction === 'create' || request.interaction === 'update';
  return { ...request, purpose: 'call', id: byId ? own : undefined, body: writes ? { patientId } : undefined };
}

export function patientCompartment(options: PatientCompartmentOptions): Policy {
  if (typeof options?.patientId !== 'function') {
    throw new TypeError('patientCompartment: option "patientId" must be a function (user) => patient id');
  }
  const shared = sharedPaths(options.shared);
  const policy: Policy = (asked) => {
    const patientId = options.patientId(asked.user);
    if (typeof patientId !== 'string' || patientId === '') return deny('compartment:no-patient-id');
    const { resource } = asked;
    if (isClinikoResource(resource)) return clinikoCompartment({ ...asked, resource }, patientId, shared);
    const request = asked.purpose === 'ask' ? callOnOwnRecords(asked, resource, patientId) : asked;
    const { interaction, query } = request;
    const compartment = { patientId };
    const patientIds = [patientId];

    if ([...query.keys()].some((name) => name.startsWith(REVERSE_CHAIN_PREFIX))) return deny('compartment:reverse-chaining');
    if (interaction === 'create' || interaction === 'update') {
      const named = patientsNamedBy(request);
      if (named.unverifiable) return deny('compartment:unverifiable-patient-reference');
      if ([...named.ids].some((id) => id !== patientId)) return deny('compartment:body-names-another-patient');
      if (interaction === 'create' && resource.patientLink !== null && resource.patientLink !== 'self' && !named.ids.has(patientId)) {
        return deny('compartment:create-without-patient');
      }
      // Clearing the patient link would take the record out of every compartment: theirs to read, no one's to check.
      if (interaction === 'update' && isRecord(request.body) && request.body.patientId === null) return deny('compartment:unlinks-record');
    }

    if (resource.patientLink === null) {
      if (!shared.has(resource.path)) return deny('compartment:not-shared');
      if (interaction === 'read' || interaction === 'search')
        return allow({ reason: 'compartment:shared-resource', compartment, patientIds });
      return deny('compartment:shared-resource-read-only');
    }

    // Records of this type carried in another answer: each is checked against the compartment as it arrives.
    if (request.purpose === 'include') return allow({ reason: 'compartment:included', compartment, patientIds });

    if (resource.patientLink === 'self') {
      if (interaction === 'search') return deny('compartment:patient-search');
      if (interaction === 'create') return deny('compartment:patient-create');
      if (request.id !== patientId) return deny('compartment:other-patient', 404);
      return allow({ reason: 'compartment:own-patient', compartment, patientIds });
    }

    if (interaction === 'search') {
      const param = patientSearchParam(resource);
      if (!param) return deny('compartment:search-not-restrictable');
      if (query.getAll(param).some((value) => value !== patientId)) return deny('compartment:search-other-patient', 404);
      const confined = new URLSearchParams(query);
      confined.set(param, patientId);
      return allow({ reason: 'compartment:search-confined', query: confined, compartment, patientIds });
    }
    return allow({ reason: `compartment:${interaction}`, compartment, patientIds });
  };
  return namingResources(policy, shared);
}
