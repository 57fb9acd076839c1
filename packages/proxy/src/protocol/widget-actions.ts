/**
 * The official widgets' protocol: `POST <mount>` with `{ "action": "appointments.create", "data": {...} }`. Each of
 * the 17 actions names exactly one REST call (`WIDGET_ACTIONS` in core), so an action becomes the same `ApiCall` a
 * REST request would and meets the same policy, scopes and audit. Unknown actions are 400.
 */
import { WIDGET_ACTIONS, findResource, isWidgetAction } from '@clinikapi/core';
import type { ApiCall, Interaction } from '../call.ts';
import { ProxyError } from '../errors.ts';
import type { JsonBody } from '../hygiene/body.ts';
import { checkOperation, isRecordId } from './rest.ts';

function badRequest(message: string, reason: string): ProxyError {
  return new ProxyError('BAD_REQUEST', message, { reason: `action:${reason}` });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `data.include` of `patients.read` (a string or a list) as `_revinclude` directives. */
function includeQuery(include: unknown): URLSearchParams {
  const query = new URLSearchParams();
  if (include === undefined) return query;
  const entries = Array.isArray(include) ? include : [include];
  for (const entry of entries) {
    if (typeof entry !== 'string' || !/^[A-Za-z]+:[A-Za-z-]+$/.test(entry))
      throw badRequest('data.include must list directives such as "Encounter:subject"', 'invalid-include');
    query.append('_revinclude', entry);
  }
  return query;
}

export function resolveActionCall(query: URLSearchParams, body: JsonBody | undefined): ApiCall {
  if ([...query.keys()].length > 0) throw badRequest('The action endpoint takes no query parameters', 'query');
  if (!body || !isPlainObject(body.value)) throw badRequest('The body must be { "action": ..., "data": {...} }', 'shape');
  const { action, data = {} } = body.value;
  if (!isWidgetAction(action)) throw badRequest('Unknown action', 'unknown');
  if (!isPlainObject(data)) throw badRequest('data must be an object', 'shape');

  const route = WIDGET_ACTIONS[action];
  const resource = findResource(route.path);
  if (!resource) throw new ProxyError('INTERNAL_ERROR', 'The action names no catalogue resource', { reason: 'action:catalogue' });
  const interaction: Interaction =
    route.method === 'GET' ? (route.byId ? 'read' : 'search') : route.method === 'PATCH' ? 'update' : 'create';
  checkOperation(resource, interaction, route.method);

  let id: string | undefined;
  if (route.byId) {
    if (!isRecordId(data.id)) throw badRequest('data.id must be a record id', 'invalid-id');
    id = data.id;
  }
  if (route.method === 'GET') {
    return { method: 'GET', interaction, resource, id, query: includeQuery(data.include), body: undefined, contentType: undefined, action };
  }
  const { id: _ignored, ...fields } = data;
  const payload = route.method === 'PATCH' ? fields : data;
  if (route.method === 'PATCH' && Object.keys(payload).length === 0) throw badRequest('data has nothing to update', 'empty-update');
  return {
    method: route.method,
    interaction,
    resource,
    id,
    query: new URLSearchParams(),
    body: payload,
    contentType: 'application/json',
    action,
  };
}
