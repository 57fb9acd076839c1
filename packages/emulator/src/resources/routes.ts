/** REST routes for `/v1/{resource}[/{id}]`, generic over the catalogue's 62 paths. */
import { ApiError, type ResourceDefinition } from '@clinikapi/core';
import type { Context, Hono } from 'hono';
import { readJsonBody } from '../http/body.ts';
import type { EmulatorEnv } from '../http/context.ts';
import { envelope } from '../http/envelope.ts';
import { idempotencyKeyOf, requestFingerprint } from '../http/idempotency.ts';
import { pageOf, parsePage } from '../http/paging.ts';
import { parseSearchQuery } from '../search/query.ts';
import type { StoredResource, StoredResponse } from '../store/types.ts';
import { revincludeBundle } from './revinclude.ts';
import {
  createRecord,
  definitionOf,
  deleteRecord,
  expectedVersion,
  present,
  readRecord,
  updateRecord,
  type Scope,
  type ServiceDeps,
} from './service.ts';

export const etagOf = (stored: StoredResource): string => `W/"${stored.version}"`;

export const scopeOf = (c: Context<EmulatorEnv>): Scope => ({
  datastore: c.var.principal.datastore,
  tenant: c.var.principal.organisationId,
});

/** A route's path must exist and allow the operation (audit events and recommendations cannot be changed). */
function allowed(path: string, operation: ResourceDefinition['operations'][number]): ResourceDefinition {
  const definition = definitionOf(path);
  if (!definition.operations.includes(operation)) {
    throw new ApiError('METHOD_NOT_ALLOWED', `/v1/${path} does not support ${operation}`);
  }
  return definition;
}

/** Sends a stored or replayed response. */
export function sendStored(response: StoredResponse, replayed: boolean): Response {
  const headers = new Headers({ 'content-type': 'application/json; charset=utf-8', ...response.headers });
  if (replayed) headers.set('Idempotent-Replayed', 'true');
  return new Response(JSON.stringify(response.body), { status: response.status, headers });
}

/**
 * A read takes `_revinclude` on patients (the contract) and `_include=Type:element` on any path, which the official
 * SDK sends for `read(id, { include })`. FHIR applies `_include` to searches only and a read ignores it, so it is
 * checked for its form and the answer is the record, as the SDK's types expect.
 */
function assertReadParameters(definition: ResourceDefinition, query: URLSearchParams): void {
  const include = new RegExp(`^${definition.resourceType}:[A-Za-z]{1,64}$`);
  const issues = [...new Set(query.keys())].flatMap((name) => {
    if (definition.path === 'patients' && name === '_revinclude') return [];
    if (name === '_include') {
      return query.getAll(name).every((value) => include.test(value))
        ? []
        : [
            {
              severity: 'error' as const,
              code: 'invalid',
              diagnostics: `_include: Must be ${definition.resourceType}:element, e.g. ${definition.resourceType}:patient`,
              path: name,
            },
          ];
    }
    return [{ severity: 'error' as const, code: 'invalid', diagnostics: `${name}: Not a parameter of this read`, path: name }];
  });
  if (issues.length > 0) throw new ApiError('BAD_REQUEST', 'Unknown query parameters', { issues });
}

export function mountResourceRoutes(app: Hono<EmulatorEnv>, deps: ServiceDeps): void {
  app.post('/v1/:resource', async (c) => {
    const definition = allowed(c.req.param('resource'), 'create');
    const idempotencyKey = idempotencyKeyOf(c.req.raw.headers);
    const input = await readJsonBody(c.req.raw);
    const result = await createRecord(deps, scopeOf(c), definition, input, {
      form: 'rest',
      idempotency: idempotencyKey
        ? { key: idempotencyKey, fingerprint: await requestFingerprint('POST', `/v1/${definition.path}`, input) }
        : undefined,
      respond: (stored) => ({
        status: 201,
        headers: { ETag: etagOf(stored), Location: `/v1/${definition.path}/${stored.id}` },
        body: envelope(c.var.response, 201, present(definition, stored)),
      }),
    });
    // Rate-limit headers describe this request, not the one that is replayed.
    const response = sendStored(result, result.replayed);
    return response;
  });

  app.get('/v1/:resource', async (c) => {
    const definition = allowed(c.req.param('resource'), 'search');
    const query = new URL(c.req.url).searchParams;
    const page = parsePage(query);
    const search = parseSearchQuery(definition, query);
    const result = await deps.store.searchResources(
      { ...scopeOf(c), resourceType: definition.resourceType },
      { ...search, offset: page.offset, limit: page.limit },
    );
    const items = result.resources.map((stored) => present(definition, stored));
    return c.json(envelope(c.var.response, 200, pageOf(items, result.total, page)));
  });

  app.get('/v1/:resource/:id', async (c) => {
    const definition = allowed(c.req.param('resource'), 'read');
    const query = new URL(c.req.url).searchParams;
    assertReadParameters(definition, query);
    const stored = await readRecord(deps, scopeOf(c), definition, c.req.param('id'));
    c.header('ETag', etagOf(stored));
    if (query.has('_revinclude')) {
      const bundle = await revincludeBundle(deps.store, scopeOf(c), stored, query.getAll('_revinclude'), new URL(c.req.url).origin);
      return c.json(envelope(c.var.response, 200, bundle));
    }
    return c.json(envelope(c.var.response, 200, present(definition, stored)));
  });

  app.patch('/v1/:resource/:id', async (c) => {
    const definition = allowed(c.req.param('resource'), 'update');
    const ifMatch = expectedVersion(c.req.header('if-match'));
    // The body's shape decides, whatever the content type says: an array is RFC 6902, an object a merge of fields.
    // The official SDK sends its merge objects as application/json-patch+json.
    const body = await readJsonBody(c.req.raw);
    const stored = await updateRecord(deps, scopeOf(c), definition, c.req.param('id'), body, { form: 'rest', ifMatch });
    c.header('ETag', etagOf(stored));
    return c.json(envelope(c.var.response, 200, present(definition, stored)));
  });

  app.delete('/v1/:resource/:id', async (c) => {
    const definition = allowed(c.req.param('resource'), 'delete');
    await deleteRecord(deps, scopeOf(c), definition, c.req.param('id'), expectedVersion(c.req.header('if-match')));
    return c.body(null, 204);
  });
}
