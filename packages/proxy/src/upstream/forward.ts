/**
 * Sends an authorized call upstream and answers the client. Responses stream through, headers filtered — except
 * when a patient compartment applies: then the response is read whole (it is one record or one page), every record
 * in it checked, and only then answered. Updates and deletes in a compartment read the record first and pin the
 * write to the version that was checked (If-Match), so it cannot change hands in between.
 *
 * The transport (http-proxy-middleware) sends the calls built here and hands back the upstream response; every
 * header and byte the browser sees is written here.
 */
import type { Request, Response } from 'express';
import type { ApiCall } from '../call.ts';
import { BASE_RESPONSE_HEADERS, ProxyError } from '../errors.ts';
import { passedResponseHeaders, rewriteLocation, upstreamRequestId } from '../hygiene/response-headers.ts';
import { needsPreflight } from '../limits/upstream-calls.ts';
import { upstreamRateLimited, upstreamRetryAfter } from '../limits/upstream-retry-after.ts';
import { checkCompartment } from '../policy/compartment-response.ts';
import type { ProxyRequestState } from '../request-context.ts';
import type { PreparedKey } from './api-key.ts';
import type { UpstreamCall, UpstreamResponse } from './exchange.ts';
import { UpstreamFailure, classifyFailure, failureToError } from './failure.ts';
import type { UpstreamTransport } from './transport.ts';

export interface ForwardSettings {
  readonly transport: UpstreamTransport;
  /** Largest response the proxy reads whole to check a compartment. */
  readonly maxCheckedResponseBytes: number;
}

export interface ForwardInput {
  readonly req: Request;
  readonly res: Response;
  readonly state: ProxyRequestState;
  readonly call: ApiCall;
  readonly key: PreparedKey;
  /** Allow-listed client headers (If-Match, If-None-Match, Idempotency-Key). */
  readonly clientHeaders: Readonly<Record<string, string>>;
  readonly compartment: { readonly patientId: string } | undefined;
}

function upstreamPath(call: ApiCall, id = call.id, query = call.query): string {
  const search = query.toString();
  return `/v1/${call.resource.path}${id === undefined ? '' : `/${id}`}${search ? `?${search}` : ''}`;
}

function statusError(status: number): ProxyError {
  return status === 504
    ? new ProxyError('UPSTREAM_TIMEOUT', 'ClinikAPI did not answer in time', { reason: 'upstream:status-504' })
    : new ProxyError('UPSTREAM_UNAVAILABLE', 'ClinikAPI failed to answer', { reason: `upstream:status-${status}` });
}

function notFound(reason: string): ProxyError {
  return new ProxyError('NOT_FOUND', 'Resource not found', { reason });
}

async function open(input: ForwardInput, settings: ForwardSettings, call: UpstreamCall): Promise<UpstreamResponse> {
  try {
    return await settings.transport.open(input.req, input.res, call);
  } catch (error) {
    throw error instanceof UpstreamFailure ? failureToError(error) : error;
  }
}

/** Reads a whole (bounded) response body; for the calls whose records the proxy must check before answering. */
async function readUpstreamBody({ response, cutBecause }: UpstreamResponse, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) throw new UpstreamFailure('too-large');
      chunks.push(chunk);
    }
  } catch (error) {
    response.destroy();
    const cut = cutBecause();
    throw cut ? new UpstreamFailure(cut) : classifyFailure(error);
  }
  if (!response.complete) throw new UpstreamFailure(cutBecause() ?? 'reset');
  return Buffer.concat(chunks, size);
}

async function readJson(upstream: UpstreamResponse, settings: ForwardSettings): Promise<{ text: Buffer; json: unknown }> {
  let text: Buffer;
  try {
    text = await readUpstreamBody(upstream, settings.maxCheckedResponseBytes);
  } catch (error) {
    throw error instanceof UpstreamFailure ? failureToError(error) : error;
  }
  try {
    return { text, json: JSON.parse(text.toString('utf8')) as unknown };
  } catch {
    throw new ProxyError('UPSTREAM_UNAVAILABLE', 'ClinikAPI sent an unreadable answer', { reason: 'upstream:unreadable' });
  }
}

/** Reads the record an update or delete targets and checks it is the patient's; returns its ETag, if any. */
async function preflight(input: ForwardInput, settings: ForwardSettings, patientId: string): Promise<string | undefined> {
  const { call, key } = input;
  const upstream = await open(input, settings, {
    target: key.upstream,
    method: 'GET',
    path: upstreamPath(call, call.id, new URLSearchParams()),
    headers: { accept: 'application/json', ...key.headers },
    body: undefined,
  });
  const status = upstream.response.statusCode ?? 502;
  if (status === 404 || status === 410) {
    upstream.response.destroy();
    throw notFound('compartment:preflight-not-found');
  }
  if (status >= 500) {
    upstream.response.destroy();
    throw statusError(status);
  }
  if (status === 429) {
    upstream.response.destroy();
    throw upstreamRateLimited(upstream.response.headers);
  }
  if (status !== 200) {
    upstream.response.destroy();
    throw new ProxyError(status === 401 || status === 403 ? 'FORBIDDEN' : 'UPSTREAM_UNAVAILABLE', 'The record could not be checked', {
      reason: `compartment:preflight-status-${status}`,
    });
  }
  const { json } = await readJson(upstream, settings);
  if (checkCompartment(json, 'read', call.resource, patientId) !== 'inside') throw notFound('compartment:record-of-another-patient');
  const etag = upstream.response.headers.etag;
  return typeof etag === 'string' ? etag : undefined;
}

export async function forward(input: ForwardInput, settings: ForwardSettings): Promise<void> {
  const { req, res, state, call, key, compartment } = input;
  // The upstream call is cancelled by the transport when the client leaves (see exchange.ts); the audit record,
  // written when the response closes, names that outcome (client-aborted) itself.

  const headers: Record<string, string> = { accept: 'application/json', ...input.clientHeaders, ...key.headers };
  // A compartment check needs the record itself, not a 304 saying the browser already has it.
  if (compartment) delete headers['if-none-match'];
  const body = call.body === undefined ? undefined : Buffer.from(JSON.stringify(call.body));
  if (body) headers['content-type'] = call.contentType ?? 'application/json';

  if (compartment && needsPreflight(call, compartment)) {
    const etag = await preflight(input, settings, compartment.patientId);
    if (etag !== undefined) {
      if (headers['if-match'] !== undefined && headers['if-match'] !== etag) {
        throw new ProxyError('CONFLICT', 'The resource was changed since the version you sent in If-Match', { reason: 'compartment:if-match-mismatch' });
      }
      headers['if-match'] = etag;
    }
  }

  const upstream = await open(input, settings, { target: key.upstream, method: call.method, path: upstreamPath(call), headers, body });
  const response = upstream.response;
  const status = response.statusCode ?? 502;
  const upstreamId = upstreamRequestId(response.headers);
  if (state.upstream) {
    state.upstream.status = status;
    state.upstream.requestId = upstreamId;
  }
  if (status >= 500) {
    response.destroy();
    throw statusError(status);
  }
  if (status === 401) {
    // The upstream refused the proxy's key: a server misconfiguration, not the user's session ending.
    response.destroy();
    throw new ProxyError('UPSTREAM_UNAVAILABLE', 'ClinikAPI refused the configured API key', { reason: 'upstream:key-rejected' });
  }

  const outgoing = passedResponseHeaders(response.headers, { ...BASE_RESPONSE_HEADERS, 'x-request-id': state.requestId }, upstreamId);
  if (status === 429) outgoing['retry-after'] = upstreamRetryAfter(response.headers);
  const location = rewriteLocation(response.headers.location, key.upstream, req.baseUrl);
  if (location.kind === 'off-host') {
    response.destroy();
    if (status >= 300 && status < 400) {
      throw new ProxyError('UPSTREAM_UNAVAILABLE', 'ClinikAPI redirected to another host', { reason: 'upstream:off-host-redirect' });
    }
  } else if (location.kind === 'rewritten') {
    outgoing.location = location.location;
  } else if (status >= 300 && status < 400 && status !== 304) {
    response.destroy();
    throw new ProxyError('UPSTREAM_UNAVAILABLE', 'ClinikAPI redirected outside the API', { reason: 'upstream:redirect' });
  }

  if (compartment && call.method === 'GET') {
    if (status === 404 || status === 410) {
      // The proxy's own 404, identical to the one for someone else's record: no existence oracle.
      response.destroy();
      throw notFound('compartment:not-found');
    }
    const { text, json } = await readJson(upstream, settings);
    if (status >= 200 && status < 300) {
      const verdict = checkCompartment(json, call.interaction, call.resource, compartment.patientId);
      if (verdict === 'unreadable') throw new ProxyError('UPSTREAM_UNAVAILABLE', 'ClinikAPI sent an answer the proxy cannot check', { reason: 'compartment:unreadable-response' });
      if (verdict === 'outside') {
        if (call.interaction === 'read' && call.query.toString() === '') throw notFound('compartment:record-of-another-patient');
        throw new ProxyError('FORBIDDEN', 'The answer contains records outside your own', { reason: 'compartment:response-outside' });
      }
    }
    outgoing['content-length'] = String(text.length);
    res.writeHead(status, outgoing);
    res.end(text);
    return;
  }

  const length = response.headers['content-length'];
  if (typeof length === 'string') outgoing['content-length'] = length;
  // A break in the upstream stream is recorded before the cut reaches the client and the audit record is written.
  response.once('close', () => {
    if (response.complete) return;
    const cut = upstream.cutBecause();
    state.outcome ??= cut === 'idle' ? 'upstream-stalled' : cut === 'aborted' ? 'client-aborted' : 'upstream-reset';
    // Headers are gone: the client sees a cut connection rather than a silently short body.
    res.destroy();
  });
  response.on('error', () => undefined);
  res.writeHead(status, outgoing);
  response.pipe(res);
}
