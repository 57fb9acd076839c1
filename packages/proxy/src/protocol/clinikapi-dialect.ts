/**
 * ClinikAPI's dialect: the catalogue's REST paths and the widget actions, the allow-listed query, the request
 * schemas, FHIR references and the `{ data, meta }` envelope. Each hook is the module that did the job before the
 * dialect seam existed; this file only puts them behind it.
 */
import { findResource, type ResourceDefinition } from '@clinikapi/core';
import { clinikapiErrorIssues } from '../answer/error-answer.ts';
import { examineAnswer, type AnswerContext } from '../answer/examine.ts';
import { clinikapiMountedPath } from '../answer/links.ts';
import { isClinikoResource, type ApiCall } from '../call.ts';
import type { ApiDialect } from '../dialect.ts';
import { ProxyError } from '../errors.ts';
import { needsPreflight } from '../limits/upstream-calls.ts';
import { embeddedResources } from '../policy/embedded.ts';
import { patientSearchParam } from '../policy/patient-compartment.ts';
import { namedPatients } from '../policy/patient-references.ts';
import { checkCompartmentWrite } from '../upstream/compartment-write.ts';
import { upstreamPath } from '../upstream/read-answer.ts';
import { typesNamedByQuery } from './carried-types.ts';
import { checkQuery } from './query.ts';
import { resolveRestCall } from './rest.ts';
import { checkCallBody } from './validate-body.ts';
import { resolveActionCall } from './widget-actions.ts';

/** A call this dialect resolved: its resource is ClinikAPI's (checked, so a call of another API can never pass as one). */
function own(call: ApiCall): ApiCall<ResourceDefinition> {
  if (isClinikoResource(call.resource))
    throw new ProxyError('INTERNAL_ERROR', 'A call of another API reached the ClinikAPI dialect', { reason: 'internal:dialect' });
  return call as ApiCall<ResourceDefinition>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export const clinikapiDialect: ApiDialect = {
  name: 'clinikapi',
  findResource,
  resolveRest: (method, path, query) => resolveRestCall(method, path, query, undefined),
  resolveAction: resolveActionCall,
  takesBody: (call) => call.method === 'POST' || call.method === 'PATCH',
  checkBody(call, validate) {
    if (validate) checkCallBody(call);
  },
  checkQuery(call, query) {
    checkQuery(call.interaction, own(call).resource, query);
    return query;
  },
  notePatients(call, patients) {
    const { resource, id, query, body } = own(call);
    if (resource.patientLink === 'self' && id) patients.add(id);
    const param = patientSearchParam(resource);
    if (param) for (const value of query.getAll(param)) patients.add(value);
    if (body !== undefined) for (const value of namedPatients(body).ids) patients.add(value);
  },
  related(call) {
    const { query, body, resource, interaction } = own(call);
    return { reads: typesNamedByQuery(query), embeds: embeddedResources(body, resource, interaction) };
  },
  upstreamPath: (call) => upstreamPath(call),
  preflight(call, compartment) {
    if (!compartment || !needsPreflight(call, compartment)) return undefined;
    const checked = own(call);
    return {
      path: upstreamPath(checked, checked.id, new URLSearchParams()),
      check: (answer, patientId) => checkCompartmentWrite(checked, checked.resource, isObject(answer) ? answer.data : undefined, patientId),
    };
  },
  examineAnswer(raw, answer, context, findings) {
    own(context.call);
    return examineAnswer(raw, answer, context as AnswerContext, findings);
  },
  mountedPath: clinikapiMountedPath,
  errorIssues: clinikapiErrorIssues,
  textErrors: false,
};
