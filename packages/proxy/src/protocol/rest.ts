/**
 * The REST passthrough: `<mount>/{resource}[/{id}]` for the resources of the catalogue, and nothing else. Bulk
 * operations, the raw FHIR passthrough and `$operations` are not catalogue paths, so they are 404 here: they bypass
 * per-resource authorization and belong in a server-side job, not behind a browser session.
 */
import { findResource, type ResourceDefinition } from '@clinikapi/core';
import type { ApiCall, HttpMethod, Interaction } from '../call.ts';
import { ProxyError } from '../errors.ts';
import type { JsonBody } from '../hygiene/body.ts';
import { checkQuery } from './query.ts';

/** FHIR ids: letters, digits, `-` and `.`, at most 64. */
export const ID_PATTERN = /^[A-Za-z0-9\-.]{1,64}$/;

export function isRecordId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value) && value !== '.' && value !== '..';
}

function notFound(reason: string): ProxyError {
  return new ProxyError('NOT_FOUND', 'No such resource path', { reason });
}

function interactionOf(method: HttpMethod, hasId: boolean): Interaction | undefined {
  if (method === 'GET') return hasId ? 'read' : 'search';
  if (method === 'POST') return hasId ? undefined : 'create';
  if (method === 'PATCH') return hasId ? 'update' : undefined;
  return hasId ? 'delete' : undefined;
}

/** Checks that `resource` allows `interaction` (audit events and recommendations cannot be updated). */
export function checkOperation(resource: ResourceDefinition, interaction: Interaction, method: HttpMethod): void {
  if (!(resource.operations as readonly string[]).includes(interaction)) {
    throw new ProxyError('METHOD_NOT_ALLOWED', `${method} is not allowed on this path`, { reason: 'method:operation-not-supported' });
  }
}

/** Translates a REST request (already through target hygiene) into an `ApiCall`. */
export function resolveRestCall(method: HttpMethod, path: string, query: URLSearchParams, body: JsonBody | undefined): ApiCall {
  const segments = path.split('/').slice(1);
  const [name, id, ...rest] = segments;
  const resource = name === undefined || name === '' ? undefined : findResource(name);
  if (!resource) throw notFound('path:not-in-catalogue');
  if (rest.length > 0) throw notFound('path:too-deep');
  if (id !== undefined && !isRecordId(id)) throw notFound('path:invalid-id');

  const interaction = interactionOf(method, id !== undefined);
  if (!interaction) {
    throw new ProxyError('METHOD_NOT_ALLOWED', `${method} is not allowed on this path`, {
      headers: { allow: id === undefined ? 'GET, POST' : 'GET, PATCH, DELETE' },
      reason: 'method:wrong-path-shape',
    });
  }
  checkOperation(resource, interaction, method);
  checkQuery(interaction, resource, query);
  return {
    method,
    interaction,
    resource,
    id,
    query,
    body: body?.value,
    contentType: body?.contentType,
    action: undefined,
  };
}
