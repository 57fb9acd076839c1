/**
 * The FHIR passthrough, `/v1/fhir/{Type}[/{id}]`: raw FHIR R4 in and out (`application/fhir+json`), with exactly the
 * tenant rules of the REST routes — every read, search and write goes through the same service, scoped the same way.
 */
import { ApiError, findResourceByType, type Bundle, type ResourceDefinition } from '@clinikapi/core';
import type { Context, Hono } from 'hono';
import { readJsonBody } from '../http/body.ts';
import type { EmulatorEnv } from '../http/context.ts';
import { idempotencyKeyOf, requestFingerprint } from '../http/idempotency.ts';
import { compartmentOf } from '../resources/revinclude.ts';
import { etagOf, scopeOf, sendStored } from '../resources/routes.ts';
import { createRecord, deleteRecord, expectedVersion, readRecord, updateRecord, type ServiceDeps } from '../resources/service.ts';
import type { StoredResource } from '../store/types.ts';
import { parseFhirSearch } from './search.ts';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
/** Records in one `$everything` Bundle. */
export const EVERYTHING_LIMIT = 10_000;

function typeOf(name: string): ResourceDefinition {
  const definition = findResourceByType(name);
  if (!definition) throw new ApiError('NOT_FOUND', 'Unknown resource type; see GET /v1/metadata');
  return definition;
}

function fhirResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': FHIR_JSON, ...headers } });
}

const fullUrl = (base: string, stored: StoredResource): string => `${base}/v1/fhir/${stored.resourceType}/${stored.id}`;

function bundleOf(base: string, resources: readonly StoredResource[], total: number, links: Bundle['link']): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total,
    ...(links && links.length > 0 ? { link: links } : {}),
    entry: resources.map((stored) => ({ fullUrl: fullUrl(base, stored), resource: stored.body, search: { mode: 'match' as const } })),
  } as Bundle;
}

const originOf = (c: Context<EmulatorEnv>): string => new URL(c.req.url).origin;

export function mountFhirRoutes(app: Hono<EmulatorEnv>, deps: ServiceDeps): void {
  app.get('/v1/fhir/:type', async (c) => {
    const definition = typeOf(c.req.param('type'));
    const url = new URL(c.req.url);
    const search = parseFhirSearch(definition, url.searchParams, c.var.principal.organisationId);
    const result = search.empty
      ? { resources: [], total: 0 }
      : await deps.store.searchResources(
          { ...scopeOf(c), resourceType: definition.resourceType },
          { filters: search.filters, sort: search.sort, offset: search.page.offset, limit: search.page.limit },
        );
    const links: NonNullable<Bundle['link']> = [{ relation: 'self', url: url.toString() }];
    if (search.page.offset + result.resources.length < result.total) {
      const next = new URL(url);
      next.searchParams.set('_offset', String(search.page.offset + result.resources.length));
      links.push({ relation: 'next', url: next.toString() });
    }
    return fhirResponse(bundleOf(originOf(c), result.resources, result.total, links));
  });

  app.get('/v1/fhir/Patient/:id/$everything', async (c) => {
    const patient = await readRecord(deps, scopeOf(c), typeOf('Patient'), c.req.param('id'));
    const records = await compartmentOf(deps.store, scopeOf(c), patient.id, null, EVERYTHING_LIMIT);
    return fhirResponse(bundleOf(originOf(c), [patient, ...records], records.length + 1, []));
  });

  app.get('/v1/fhir/:type/:id', async (c) => {
    const stored = await readRecord(deps, scopeOf(c), typeOf(c.req.param('type')), c.req.param('id'));
    return fhirResponse(stored.body, 200, { ETag: etagOf(stored) });
  });

  app.post('/v1/fhir/:type', async (c) => {
    const definition = typeOf(c.req.param('type'));
    if (!definition.operations.includes('create')) throw new ApiError('METHOD_NOT_ALLOWED', `${definition.resourceType} cannot be created`);
    const idempotencyKey = idempotencyKeyOf(c.req.raw.headers);
    const input = await readJsonBody(c.req.raw);
    const result = await createRecord(deps, scopeOf(c), definition, input, {
      form: 'fhir',
      idempotency: idempotencyKey
        ? { key: idempotencyKey, fingerprint: await requestFingerprint('POST', `/v1/fhir/${definition.resourceType}`, input) }
        : undefined,
      respond: (stored) => ({
        status: 201,
        headers: { 'content-type': FHIR_JSON, ETag: etagOf(stored), Location: `/v1/fhir/${stored.resourceType}/${stored.id}` },
        body: stored.body,
      }),
    });
    return sendStored(result, result.replayed);
  });

  app.patch('/v1/fhir/:type/:id', async (c) => {
    const definition = typeOf(c.req.param('type'));
    if (!definition.operations.includes('update')) throw new ApiError('METHOD_NOT_ALLOWED', `${definition.resourceType} cannot be changed`);
    const ifMatch = expectedVersion(c.req.header('if-match'));
    const body = await readJsonBody(c.req.raw);
    if (!Array.isArray(body))
      throw new ApiError('BAD_REQUEST', 'The FHIR passthrough takes PATCH bodies as JSON Patch (an array of operations)');
    const stored = await updateRecord(deps, scopeOf(c), definition, c.req.param('id'), body, { form: 'fhir', ifMatch });
    return fhirResponse(stored.body, 200, { ETag: etagOf(stored) });
  });

  app.delete('/v1/fhir/:type/:id', async (c) => {
    const definition = typeOf(c.req.param('type'));
    await deleteRecord(deps, scopeOf(c), definition, c.req.param('id'), expectedVersion(c.req.header('if-match')));
    return c.body(null, 204);
  });
}
