/**
 * Cliniko's dialect, which `upstreams.cliniko()` brings: Cliniko's routes (`routes.ts`, from core's table), its query
 * grammar (`query.ts`), its bodies (JSON objects; a `patient_id` anywhere names a patient), its answers (lists,
 * records and views; `answer.ts`), its links, and its error bodies (`{"message", "errors": {field: problem}}`, or
 * plain text, which is passed on as its status alone).
 */
import { clinikoErrorIssues, findClinikoResource } from '@clinikapi/core';
import { isClinikoResource, type ApiCall } from '../call.ts';
import type { ApiDialect } from '../dialect.ts';
import { ProxyError } from '../errors.ts';
import { clinikoMountedPath, examineClinikoAnswer } from './answer.ts';
import { bodyPatients, withinClinikoCompartment } from './patients.ts';
import { checkClinikoQuery, patientConditions } from './query.ts';
import { matchRoute, type MatchedRoute } from './routes.ts';

/** Operations whose request carries a body; archive and unarchive take none. */
const WITH_BODY: ReadonlySet<string> = new Set(['create', 'update', 'cancel']);
const NOTHING_RELATED = { reads: [], embeds: [] } as const;

/** The path of a call this dialect resolved (checked, so a call of another API can never pass as one). */
function pathOf(call: ApiCall): string {
  if (!isClinikoResource(call.resource) || call.path === undefined) {
    throw new ProxyError('INTERNAL_ERROR', 'A call of another API reached the Cliniko dialect', { reason: 'internal:dialect' });
  }
  return call.path;
}

/** The route of a call this dialect resolved, matched again from its path: a call carries no Cliniko-only state. */
const routeOf = (call: ApiCall): MatchedRoute => matchRoute(call.method, pathOf(call));

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const clinikoDialect: ApiDialect = {
  name: 'cliniko',
  findResource: findClinikoResource,
  resolveRest(method, path, query) {
    const { route, resource, id, parents } = matchRoute(method, path);
    const checked = checkClinikoQuery(route, resource, query);
    return {
      method,
      interaction: route.operation,
      resource,
      id,
      query: checked,
      body: undefined,
      contentType: undefined,
      action: undefined,
      parents,
      path,
    };
  },
  resolveAction: undefined,
  takesBody: (call) => WITH_BODY.has(call.interaction),
  checkBody(call) {
    if (!WITH_BODY.has(call.interaction)) return;
    if (call.contentType !== 'application/json') {
      throw new ProxyError('UNSUPPORTED_MEDIA_TYPE', 'Cliniko takes application/json bodies', { reason: 'body:media-type' });
    }
    if (!isPlainObject(call.body)) throw new ProxyError('BAD_REQUEST', 'The body must be a JSON object', { reason: 'body:not-an-object' });
  },
  checkQuery(call, query) {
    const { route, resource } = routeOf(call);
    return checkClinikoQuery(route, resource, query);
  },
  notePatients(call, patients) {
    const { resource, id, parents, query, body } = call;
    if (resource.patientLink === 'self' && id !== undefined) patients.add(id);
    for (const parent of parents ?? []) if (parent.resource === 'patients') patients.add(parent.id);
    for (const named of patientConditions(query).ids) patients.add(named);
    for (const named of bodyPatients(body).ids) patients.add(named);
  },
  related: () => NOTHING_RELATED,
  upstreamPath(call) {
    const search = call.query.toString();
    return `/v1${pathOf(call)}${search ? `?${search}` : ''}`;
  },
  preflight(call, compartment) {
    if (!compartment || call.id === undefined) return undefined;
    const { route, resource } = routeOf(call);
    // A read by id is checked in its answer; anything else on one patient's record (a write, its conflicts) is
    // checked on the record first. Cliniko has no conditional writes, so the check cannot be pinned to a version.
    if (resource.patientLink !== 'patient' || (route.method === 'GET' && route.answer === 'record')) return undefined;
    return {
      path: `/v1/${resource.path}/${call.id}`,
      check(answer, patientId, upstream) {
        if (!isPlainObject(answer) || answer.id !== call.id || !withinClinikoCompartment(answer, resource, patientId, upstream)) {
          throw new ProxyError('NOT_FOUND', 'Resource not found', { reason: 'compartment:record-of-another-patient' });
        }
      },
    };
  },
  async examineAnswer(_raw, answer, context, findings) {
    const { route, resource } = routeOf(context.call);
    examineClinikoAnswer(answer, route, resource, context, findings);
  },
  mountedPath: clinikoMountedPath,
  errorIssues: clinikoErrorIssues,
  textErrors: true,
};
