/**
 * Sends an authorized call upstream and answers the client. Every answer is read whole (bounded) and examined
 * before the browser sees any of it (`answer/`): success answers record by record, error answers rebuilt into the
 * proxy's envelope, nothing that is not JSON. Updates and deletes in a compartment read the record first
 * (`compartment-write.ts`) and pin the write to the version that was checked (If-Match).
 *
 * The transport (http-proxy-middleware) sends the calls built here and hands back the upstream response; every
 * header and byte the browser sees is written here.
 */
import type { Request, Response } from 'express';
import type { ApiCall } from '../call.ts';
import { rebuildErrorAnswer } from '../answer/error-answer.ts';
import { redactIfNeeded, type AnswerFindings } from '../answer/examine.ts';
import { rewriteUpstreamUrl } from '../answer/links.ts';
import type { ApiDialect, Preflight } from '../dialect.ts';
import { BASE_RESPONSE_HEADERS, ProxyError } from '../errors.ts';
import { passedResponseHeaders, upstreamRequestId } from '../hygiene/response-headers.ts';
import { upstreamRateLimited, upstreamRetryAfter } from '../limits/upstream-retry-after.ts';
import type { Visibility } from '../policy/visibility.ts';
import type { ProxyRequestState } from '../request-context.ts';
import type { PreparedKey } from './api-key.ts';
import type { UpstreamCall, UpstreamResponse } from './exchange.ts';
import { UpstreamFailure, failureToError } from './failure.ts';
import { readAnswer } from './read-answer.ts';
import type { UpstreamTransport } from './transport.ts';

export interface ForwardSettings {
  readonly transport: UpstreamTransport;
  /** Largest upstream answer the proxy reads (every answer is read whole to be examined). */
  readonly responseLimit: number;
  /** The API the upstream speaks: its paths, answers and links. */
  readonly dialect: ApiDialect;
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
  /** Which records of other types the user may be shown. */
  readonly visibility: Visibility;
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

/** Reads the record an update or delete targets and checks the write against it; returns its ETag, if any. */
async function readFirst(
  input: ForwardInput,
  settings: ForwardSettings,
  preflight: Preflight,
  patientId: string,
): Promise<string | undefined> {
  const { key } = input;
  const upstream = await open(input, settings, {
    target: key.upstream,
    method: 'GET',
    path: preflight.path,
    headers: { accept: 'application/json', ...key.headers },
    body: undefined,
  });
  const status = upstream.response.statusCode ?? 502;
  if (status !== 200) {
    upstream.response.destroy();
    if (status === 404 || status === 410) throw notFound('compartment:preflight-not-found');
    if (status >= 500) throw statusError(status);
    if (status === 429) throw upstreamRateLimited(upstream.response.headers);
    throw new ProxyError(status === 401 || status === 403 ? 'FORBIDDEN' : 'UPSTREAM_UNAVAILABLE', 'The record could not be checked', {
      reason: `compartment:preflight-status-${status}`,
    });
  }
  const { json } = await readAnswer(upstream, settings.responseLimit);
  preflight.check(json, patientId, key.upstream);
  const etag = upstream.response.headers.etag;
  return typeof etag === 'string' ? etag : undefined;
}

/** The status and headers of an answer, without its body: what every answer of the proxy starts from. */
function answerHeaders(
  input: ForwardInput,
  response: UpstreamResponse['response'],
  status: number,
  dialect: ApiDialect,
): Record<string, string> {
  const upstreamId = upstreamRequestId(response.headers);
  if (input.state.upstream) input.state.upstream.requestId = upstreamId;
  const outgoing = passedResponseHeaders(response.headers, { ...BASE_RESPONSE_HEADERS, 'x-request-id': input.state.requestId }, upstreamId);
  const location = response.headers.location;
  if (location !== undefined && location !== '') {
    const verdict = rewriteUpstreamUrl(location, input.key.upstream, input.req.baseUrl, dialect.mountedPath);
    if (verdict.kind === 'rewritten') outgoing.location = verdict.url;
    else if (status >= 300 && status < 400) {
      throw new ProxyError('UPSTREAM_UNAVAILABLE', 'ClinikAPI redirected where the proxy cannot follow', {
        reason: verdict.kind === 'off-host' ? 'upstream:off-host-redirect' : 'upstream:redirect',
      });
    }
  } else if (status >= 300 && status < 400 && status !== 304) {
    throw new ProxyError('UPSTREAM_UNAVAILABLE', 'ClinikAPI redirected outside the API', { reason: 'upstream:redirect' });
  }
  return outgoing;
}

function send(res: Response, status: number, headers: Record<string, string>, json: unknown): void {
  if (json === undefined) {
    delete headers['content-type'];
    res.writeHead(status, headers);
    res.end();
    return;
  }
  // Written as a string: the socket encodes it, with no Buffer per answer to allocate and free outside the heap.
  const body = JSON.stringify(json);
  headers['content-type'] = 'application/json; charset=utf-8';
  headers['content-length'] = String(Buffer.byteLength(body));
  res.writeHead(status, headers);
  res.end(body);
}

export async function forward(input: ForwardInput, settings: ForwardSettings): Promise<void> {
  const { res, state, call, key, compartment } = input;
  const { dialect } = settings;
  // The upstream call is cancelled by the transport when the client leaves (see exchange.ts); the audit record,
  // written when the response closes, names that outcome (client-aborted) itself.

  const headers: Record<string, string> = { accept: 'application/json', ...input.clientHeaders, ...key.headers };
  // A compartment check needs the record itself, not a 304 saying the browser already has it.
  if (compartment) delete headers['if-none-match'];
  const body = call.body === undefined ? undefined : Buffer.from(JSON.stringify(call.body));
  if (body) headers['content-type'] = call.contentType ?? 'application/json';

  const preflight = compartment ? dialect.preflight(call, compartment) : undefined;
  if (compartment && preflight) {
    const etag = await readFirst(input, settings, preflight, compartment.patientId);
    if (etag !== undefined) {
      if (headers['if-match'] !== undefined && headers['if-match'] !== etag) {
        throw new ProxyError('CONFLICT', 'The resource was changed since the version you sent in If-Match', {
          reason: 'compartment:if-match-mismatch',
        });
      }
      headers['if-match'] = etag;
    }
  }

  const upstream = await open(input, settings, {
    target: key.upstream,
    method: call.method,
    path: dialect.upstreamPath(call),
    headers,
    body,
  });
  const response = upstream.response;
  const status = response.statusCode ?? 502;
  if (state.upstream) state.upstream.status = status;
  if (status >= 500) {
    response.destroy();
    throw statusError(status);
  }
  if (status === 401) {
    // The upstream refused the proxy's key: a server misconfiguration, not the user's session ending.
    response.destroy();
    throw new ProxyError('UPSTREAM_UNAVAILABLE', 'ClinikAPI refused the configured API key', { reason: 'upstream:key-rejected' });
  }
  if (compartment && call.method === 'GET' && (status === 404 || status === 410)) {
    // The proxy's own 404, identical to the one for someone else's record: no existence oracle.
    response.destroy();
    throw notFound('compartment:not-found');
  }
  let outgoing: Record<string, string>;
  try {
    outgoing = answerHeaders(input, response, status, dialect);
  } catch (error) {
    response.destroy();
    throw error;
  }

  const answer = await readAnswer(upstream, settings.responseLimit, status >= 400 && dialect.textErrors);
  const findings: AnswerFindings = { withheld: {}, droppedUrls: 0, redacted: 0 };
  state.findings = findings;
  const json = answer.json;
  if (status >= 400) {
    const rebuilt = rebuildErrorAnswer(status, json, state.requestId, key.redactor, dialect.errorIssues);
    if (rebuilt.status === 429) outgoing['retry-after'] = upstreamRetryAfter(response.headers);
    send(res, rebuilt.status, outgoing, rebuilt.body);
    return;
  }
  if (json !== undefined) {
    const context = {
      call,
      compartment,
      visibility: input.visibility,
      upstream: key.upstream,
      mountPath: input.req.baseUrl,
      redactor: key.redactor,
    };
    await dialect.examineAnswer(answer.text, json, context, findings);
    redactIfNeeded(answer.text, json, key.redactor, findings);
  } else if (call.method === 'GET' && status < 300) {
    // A read or search answered with nothing has no record to vouch for.
    throw new ProxyError('UPSTREAM_UNAVAILABLE', 'ClinikAPI sent an empty answer', { reason: 'answer:empty' });
  }
  send(res, status, outgoing, json);
}
