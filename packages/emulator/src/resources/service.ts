/**
 * The operations on records, independent of HTTP: the REST routes, the FHIR passthrough, bulk import and the demo
 * seed all go through here, so tenant stamping, validation, the patient check and versioning happen in one place.
 */
import {
  ApiError,
  TENANT_TAG_SYSTEM,
  findResource,
  isFhirCreateBody,
  type ErrorIssue,
  type Resource,
  type ResourceDefinition,
} from '@clinikapi/core';
import { notFound } from './not-found.ts';
import { parseBody } from '../validation/parse-body.ts';
import { valuesAt } from '../search/index-keys.ts';
import type { EmulatorStore, IdempotencyRecord, ResourceKey, StoredResource, StoredResponse } from '../store/types.ts';
import type { RecordChange } from '../webhooks/events.ts';
import { assertFhirResource, withoutServerFields } from './fhir-json.ts';
import { applyJsonPatch, parseJsonPatch } from './json-patch.ts';
import type { MappingContext } from './mapping.ts';
import { mergeSimplified } from './merge.ts';
import { mappingFor } from './registry.ts';

/** Where a caller's data lives: the datastore of their key and their organisation. */
export interface Scope {
  readonly datastore: string;
  readonly tenant: string;
}

/**
 * `rest`: the path's simplified shape (or, on the 43 other paths, a FHIR resource sent there) — `fhir`: the FHIR
 * resource itself (passthrough, bulk).
 */
export type BodyForm = 'rest' | 'fhir';

export interface ServiceDeps {
  readonly store: EmulatorStore;
  readonly now: () => number;
  /**
   * Told of every committed write (webhooks queue their deliveries here); the answer waits for it. Left out where
   * writes must stay silent (the demo seed).
   */
  readonly onChange?: ((change: RecordChange) => Promise<void>) | undefined;
}

const changed = (
  deps: ServiceDeps,
  scope: Scope,
  definition: ResourceDefinition,
  id: string,
  action: RecordChange['action'],
): Promise<void> | undefined => deps.onChange?.({ definition, id, action, tenant: scope.tenant, datastore: scope.datastore });

export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

export function definitionOf(path: string): ResourceDefinition {
  const definition = findResource(path);
  if (!definition) throw new ApiError('NOT_FOUND', `No resource path /v1/${path}`);
  return definition;
}

export const keyOf = (scope: Scope, definition: ResourceDefinition, id: string): ResourceKey => ({
  ...scope,
  resourceType: definition.resourceType,
  id,
});

/** Stamps id, version, time and the tenant tag onto a body; any tenant tag the caller sent is replaced. */
export function stamp(body: Resource, id: string, version: number, lastUpdated: string, tenant: string): Resource {
  const otherTags = (body.meta?.tag ?? []).filter((tag) => tag.system !== TENANT_TAG_SYSTEM);
  return {
    ...body,
    id,
    meta: { ...body.meta, versionId: String(version), lastUpdated, tag: [...otherTags, { system: TENANT_TAG_SYSTEM, code: tenant }] },
  } as Resource;
}

/** The form a create body is in: a REST body is read as FHIR where the path takes that too. */
const formOf = (definition: ResourceDefinition, input: unknown, form: BodyForm): BodyForm =>
  form === 'rest' && isFhirCreateBody(definition.path, input) ? 'fhir' : form;

/** The FHIR body (without id and meta) for a create request in either form. */
export function bodyForCreate(definition: ResourceDefinition, input: unknown, form: BodyForm, context: MappingContext): Resource {
  if (formOf(definition, input, form) === 'rest') {
    const mapping = mappingFor(definition.path);
    return mapping.toFhir(parseBody(mapping.createSchema, input), context);
  }
  const { id: _id, ...resource } = withoutServerFields(assertFhirResource(input, definition.resourceType));
  return resource as Resource;
}

/** Patient ids referenced by the record's patient link (`Patient/{id}` references only). */
function linkedPatients(definition: ResourceDefinition, body: Resource): string[] {
  if (!definition.patientLink || definition.patientLink === 'self') return [];
  return valuesAt(body, definition.patientLink)
    .map((value) => (value as { reference?: unknown }).reference)
    .filter((reference): reference is string => typeof reference === 'string' && reference.startsWith('Patient/'))
    .map((reference) => reference.slice('Patient/'.length));
}

/**
 * A record can only be filed under a patient the caller can see: the same organisation and datastore. Otherwise it
 * is a 422 that reads the same whether the patient never existed or belongs to someone else.
 */
export async function assertPatientsExist(
  deps: ServiceDeps,
  scope: Scope,
  definition: ResourceDefinition,
  body: Resource,
  form: BodyForm,
  /** The record before an update: the patients it already names are not checked again (they may have been deleted). */
  before?: Resource,
): Promise<void> {
  const issues: ErrorIssue[] = [];
  const field = form === 'rest' ? (mappingFor(definition.path).patientField ?? 'patientId') : (definition.patientLink as string);
  const known = new Set(before ? linkedPatients(definition, before) : []);
  for (const patientId of new Set(linkedPatients(definition, body).filter((id) => !known.has(id)))) {
    const found = await deps.store.readResource({ ...scope, resourceType: 'Patient', id: patientId });
    if (!found) issues.push({ severity: 'error', code: 'invalid', diagnostics: `${field}: No patient with this id`, path: field });
  }
  if (issues.length > 0) throw new ApiError('VALIDATION_ERROR', undefined, { issues });
}

export interface CreateOptions {
  readonly form: BodyForm;
  /** Builds the response for the new record; with an idempotency key it is stored for replays. */
  readonly respond: (stored: StoredResource) => StoredResponse;
  readonly idempotency?: { readonly key: string; readonly fingerprint: string } | undefined;
}

/** Creates a record; answers with the first response when the idempotency key was used before. */
export async function createRecord(
  deps: ServiceDeps,
  scope: Scope,
  definition: ResourceDefinition,
  input: unknown,
  options: CreateOptions,
): Promise<StoredResponse & { replayed: boolean }> {
  const now = deps.now();
  const lastUpdated = new Date(now).toISOString();
  const body = bodyForCreate(definition, input, options.form, { now: lastUpdated });
  await assertPatientsExist(deps, scope, definition, body, formOf(definition, input, options.form));
  const id = crypto.randomUUID();
  const stored: StoredResource = {
    ...scope,
    resourceType: definition.resourceType,
    id,
    version: 1,
    lastUpdated,
    body: stamp(body, id, 1, lastUpdated, scope.tenant),
  };
  const response = options.respond(stored);
  const idempotency: IdempotencyRecord | undefined = options.idempotency && {
    ...scope,
    ...options.idempotency,
    createdAt: lastUpdated,
    reusableBefore: new Date(now - IDEMPOTENCY_WINDOW_MS).toISOString(),
    response,
  };
  const outcome = await deps.store.insertResources([stored], { idempotency });
  if (outcome.kind === 'replay') return { ...outcome.response, replayed: true };
  if (outcome.kind === 'idempotency-conflict') {
    throw new ApiError('CONFLICT', 'This Idempotency-Key was already used with a different request');
  }
  await changed(deps, scope, definition, id, 'created');
  return { ...response, replayed: false };
}

export async function readRecord(deps: ServiceDeps, scope: Scope, definition: ResourceDefinition, id: string): Promise<StoredResource> {
  const stored = await deps.store.readResource(keyOf(scope, definition, id));
  if (!stored) throw notFound(definition.resourceType);
  return stored;
}

/** The version named by `If-Match` (`W/"3"`, `"3"` or `3`), or undefined when the header is absent. */
export function expectedVersion(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) throw new ApiError('PRECONDITION_FAILED', 'If-Match must be a version ETag such as W/"3"');
  return Number(match[1]);
}

const staleVersion = (current: number): ApiError =>
  new ApiError('CONFLICT', 'The resource was changed since the version you sent in If-Match; read it again and retry', {
    headers: { ETag: `W/"${current}"` },
  });

export interface UpdateOptions {
  readonly form: BodyForm;
  readonly ifMatch?: number | undefined;
}

/**
 * Updates a record with a JSON Patch (an array) or a merge of simplified fields (an object): the body's shape
 * decides, whatever its content type. The write only succeeds on the version that was read, so a concurrent writer
 * produces a 409 rather than a lost update.
 */
export async function updateRecord(
  deps: ServiceDeps,
  scope: Scope,
  definition: ResourceDefinition,
  id: string,
  body: unknown,
  options: UpdateOptions,
): Promise<StoredResource> {
  const key = keyOf(scope, definition, id);
  const stored = await deps.store.readResource(key);
  if (!stored) throw notFound(definition.resourceType);
  if (options.ifMatch !== undefined && options.ifMatch !== stored.version) throw staleVersion(stored.version);

  const lastUpdated = new Date(deps.now()).toISOString();
  let next: Resource;
  if (Array.isArray(body)) {
    const patched = applyJsonPatch(stored.body, parseJsonPatch(body)) as Record<string, unknown> | null;
    next = withoutServerFields(assertFhirResource(patched, definition.resourceType));
    if ((next as { id?: unknown }).id !== stored.id) {
      throw new ApiError('VALIDATION_ERROR', undefined, {
        issues: [{ severity: 'error', code: 'invalid', diagnostics: 'id: Cannot be changed', path: 'id' }],
      });
    }
  } else if (typeof body !== 'object' || body === null) {
    throw new ApiError('BAD_REQUEST', 'A PATCH body is a JSON object of changes, or a JSON Patch array');
  } else {
    // An object is a merge of the path's simplified fields (the FHIR passthrough takes JSON Patch only).
    const mapping = mappingFor(definition.path);
    if (!mapping.updateSchema) throw new ApiError('METHOD_NOT_ALLOWED', `/v1/${definition.path} does not support update`);
    const changes = parseBody(mapping.updateSchema, body) as Record<string, unknown>;
    next = mergeSimplified(mapping, stored.body, changes, { now: lastUpdated });
  }
  await assertPatientsExist(deps, scope, definition, next, options.form, stored.body);

  const version = stored.version + 1;
  const outcome = await deps.store.replaceResource(key, {
    ...stored,
    version,
    lastUpdated,
    body: stamp(next, stored.id, version, lastUpdated, stored.tenant),
  });
  if (outcome.kind === 'not-found') throw notFound(definition.resourceType);
  if (outcome.kind === 'version-conflict') throw staleVersion(outcome.currentVersion);
  await changed(deps, scope, definition, id, 'updated');
  return outcome.resource;
}

/**
 * Deletes one record. A patient is deleted like any other record, as the API documents a delete: their records
 * stay, still readable by id and found by `patientId`, for the caller to delete or keep (the hosted FHIR store does
 * not cascade either).
 */
export async function deleteRecord(
  deps: ServiceDeps,
  scope: Scope,
  definition: ResourceDefinition,
  id: string,
  ifMatch: number | undefined,
): Promise<void> {
  const outcome = await deps.store.deleteResource(keyOf(scope, definition, id), ifMatch);
  if (outcome.kind === 'not-found') throw notFound(definition.resourceType);
  if (outcome.kind === 'version-conflict') throw staleVersion(outcome.currentVersion);
  await changed(deps, scope, definition, id, 'deleted');
}

/** What the API answers with for a stored record: the FHIR resource, or a path's simplified summary. */
export function present(definition: ResourceDefinition, stored: StoredResource): unknown {
  const mapping = mappingFor(definition.path);
  return mapping.present ? mapping.present(stored) : stored.body;
}
