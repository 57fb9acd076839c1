/** REST routes for `/v1/{resource}[/{id}]`, generic over the catalogue. */
import { TENANT_TAG_SYSTEM, findResource, type Resource, type ResourceDefinition } from '@clinikapi/core';
import type { Hono } from 'hono';
import { ApiError, notFound } from '../http/api-error.ts';
import { readJsonBody } from '../http/body.ts';
import type { EmulatorEnv } from '../http/context.ts';
import { envelope } from '../http/envelope.ts';
import { pageOf, parsePage } from '../http/paging.ts';
import { parseBody } from '../http/validation.ts';
import type { EmulatorStore, ResourceKey, SearchFilter, StoredResource } from '../store/types.ts';
import type { ResourceMapping } from './mapping.ts';
import { RESOURCE_MAPPINGS } from './registry.ts';

const etagOf = (stored: StoredResource): string => `W/"${stored.version}"`;

/** The version named by `If-Match` (`W/"3"`, `"3"` or `3`), or undefined when the header is absent. */
function expectedVersion(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match) throw new ApiError('PRECONDITION_FAILED', 'If-Match must be a version ETag such as W/"3"');
  return Number(match[1]);
}

/** Stamps id, version, time and the tenant tag onto a body; any tenant tag the caller sent is replaced. */
function stamp(body: Resource, id: string, version: number, lastUpdated: string, tenant: string): Resource {
  const otherTags = (body.meta?.tag ?? []).filter((tag) => tag.system !== TENANT_TAG_SYSTEM);
  return {
    ...body,
    id,
    meta: {
      ...body.meta,
      versionId: String(version),
      lastUpdated,
      tag: [...otherTags, { system: TENANT_TAG_SYSTEM, code: tenant }],
    },
  } as Resource;
}

interface Target {
  readonly definition: ResourceDefinition;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- mappings are heterogeneous by design
  readonly mapping: ResourceMapping<any, any>;
}

function target(path: string): Target {
  const definition = findResource(path);
  const mapping = RESOURCE_MAPPINGS[path];
  if (!definition || !mapping) throw new ApiError('NOT_FOUND', `No resource path /v1/${path}`);
  return { definition, mapping };
}

function searchFilters(definition: ResourceDefinition, query: URLSearchParams): SearchFilter[] {
  const filters: SearchFilter[] = [];
  const name = query.get('name')?.trim();
  if (name && definition.searchParams.includes('name')) filters.push({ kind: 'name', value: name });
  return filters;
}

export function mountResourceRoutes(app: Hono<EmulatorEnv>, store: EmulatorStore, now: () => number): void {
  const keyOf = (c: { var: EmulatorEnv['Variables'] }, definition: ResourceDefinition, id: string): ResourceKey => ({
    datastore: c.var.principal.datastore,
    tenant: c.var.principal.organisationId,
    resourceType: definition.resourceType,
    id,
  });

  app.post('/v1/:resource', async (c) => {
    const { definition, mapping } = target(c.req.param('resource'));
    const input = parseBody(mapping.createSchema, await readJsonBody(c.req.raw));
    const lastUpdated = new Date(now()).toISOString();
    const id = crypto.randomUUID();
    const tenant = c.var.principal.organisationId;
    const stored: StoredResource = {
      datastore: c.var.principal.datastore,
      tenant,
      resourceType: definition.resourceType,
      id,
      version: 1,
      lastUpdated,
      body: stamp(mapping.toFhir(input), id, 1, lastUpdated, tenant),
    };
    await store.insertResource(stored);
    c.header('ETag', etagOf(stored));
    c.header('Location', `/v1/${definition.path}/${id}`);
    return c.json(envelope(c.var.response, 201, mapping.present(stored)), 201);
  });

  app.get('/v1/:resource', async (c) => {
    const { definition, mapping } = target(c.req.param('resource'));
    const query = new URL(c.req.url).searchParams;
    const page = parsePage(query);
    const result = await store.searchResources(
      { datastore: c.var.principal.datastore, tenant: c.var.principal.organisationId, resourceType: definition.resourceType },
      { filters: searchFilters(definition, query), offset: page.offset, limit: page.limit },
    );
    return c.json(envelope(c.var.response, 200, pageOf(result.resources.map((stored) => mapping.present(stored)), result.total, page)));
  });

  app.get('/v1/:resource/:id', async (c) => {
    const { definition, mapping } = target(c.req.param('resource'));
    const stored = await store.readResource(keyOf(c, definition, c.req.param('id')));
    if (!stored) throw notFound(definition.resourceType);
    c.header('ETag', etagOf(stored));
    return c.json(envelope(c.var.response, 200, mapping.present(stored)));
  });

  app.patch('/v1/:resource/:id', async (c) => {
    const { definition, mapping } = target(c.req.param('resource'));
    const key = keyOf(c, definition, c.req.param('id'));
    const ifMatch = expectedVersion(c.req.header('if-match'));
    const body = await readJsonBody(c.req.raw);
    const stored = await store.readResource(key);
    if (!stored) throw notFound(definition.resourceType);
    if (ifMatch !== undefined && ifMatch !== stored.version) {
      throw new ApiError('CONFLICT', 'The resource was changed since the version you sent in If-Match', {
        headers: { ETag: etagOf(stored) },
      });
    }
    const changes = parseBody(mapping.updateSchema, body);
    const lastUpdated = new Date(now()).toISOString();
    const version = stored.version + 1;
    const next: StoredResource = {
      ...stored,
      version,
      lastUpdated,
      body: stamp(mapping.merge(stored.body, changes), stored.id, version, lastUpdated, stored.tenant),
    };
    const outcome = await store.replaceResource(key, next);
    if (outcome.kind === 'not-found') throw notFound(definition.resourceType);
    if (outcome.kind === 'version-conflict') {
      throw new ApiError('CONFLICT', 'The resource was changed by another request; read it again and retry');
    }
    c.header('ETag', etagOf(outcome.resource));
    return c.json(envelope(c.var.response, 200, mapping.present(outcome.resource)));
  });

  app.delete('/v1/:resource/:id', async (c) => {
    const { definition } = target(c.req.param('resource'));
    const outcome = await store.deleteResource(
      keyOf(c, definition, c.req.param('id')),
      expectedVersion(c.req.header('if-match')),
    );
    if (outcome.kind === 'not-found') throw notFound(definition.resourceType);
    if (outcome.kind === 'version-conflict') {
      throw new ApiError('CONFLICT', 'The resource was changed since the version you sent in If-Match');
    }
    return c.body(null, 204);
  });
}
